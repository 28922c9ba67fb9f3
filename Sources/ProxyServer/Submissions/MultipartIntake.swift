import Delivery
import Foundation
import Hummingbird
import SubmissionIntake

/// Reads a multipart request-for-help body as it streams in: the limits, the file types (by
/// content, decided from the first bytes of each file) and the hashes are applied chunk by chunk,
/// so an oversized or wrongly typed upload is refused as soon as it shows, not after buffering.
struct MultipartIntake {
    /// The one field part (JSON) and the files, each with its detected type and digest.
    struct Result {
        var json: [UInt8] = []
        var documents: [SubmissionEnvelope.Document] = []
        var digests: [DocumentDigest] = []
    }

    private struct OpenFile {
        var position: Int
        var filename: String?
        var sniffer = FileSniffer()
        var hash = DocumentHash()
        var bytes: [UInt8] = []
    }

    static func read(
        _ body: RequestBody, contentType: String?, limits: IntakeLimits = .default
    )
        async throws -> Result
    {
        let boundary = try MultipartParser.boundary(fromContentType: contentType ?? "")
        var parser = MultipartParser(boundary: boundary, limits: limits)
        var state = ReadState()
        for try await buffer in body {
            for event in try parser.feed(buffer.readableBytesView) { try state.handle(event) }
        }
        try parser.finish()
        return state.result
    }

    private struct ReadState {
        var result = Result()
        var file: OpenFile?
        var inFieldPart = false
        var filesSeen = 0

        mutating func handle(_ event: MultipartEvent) throws(IntakeError) {
            switch event {
            case .partStarted(_, let filename, _):
                if filename != nil {
                    filesSeen += 1
                    file = OpenFile(position: filesSeen, filename: filename)
                } else {
                    inFieldPart = true
                }
            case .partData(let bytes):
                if var open = file {
                    if open.sniffer.consume(bytes) == .rejected {
                        throw IntakeError.unsupportedFile(position: open.position, filename: open.filename)
                    }
                    open.hash.update(bytes)
                    open.bytes.append(contentsOf: bytes)
                    file = open
                } else if inFieldPart {
                    result.json.append(contentsOf: bytes)
                }
            case .partEnded:
                if var open = file {
                    guard case .accepted(let type) = open.sniffer.finish() else {
                        throw IntakeError.unsupportedFile(position: open.position, filename: open.filename)
                    }
                    let digest = open.hash.finalizeHex()
                    result.digests.append(DocumentDigest(type: type, sizeBytes: open.bytes.count, sha256: digest))
                    result.documents.append(
                        .init(
                            mediaType: type.mediaType, sha256: digest,
                            contentBase64: Base64.encode(open.bytes)))
                }
                file = nil
                inFieldPart = false
            }
        }
    }
}

/// Standard base64 without line breaks.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}

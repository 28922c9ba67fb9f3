import Foundation
import Hummingbird

extension Response {
    /// One encoder for every answer: making one per response cost an allocation and its options'
    /// lock per answer. `JSONEncoder` may be used from several threads at once.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Sorted keys: the same answer always has the same bytes (Linux Foundation would order them
        // at random), as docs/openapi.yaml promises.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// A 200 (or given status) `application/json` response of an `Encodable` value.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return json(bytes: data, status: status)
    }

    /// A `/dossier` answer, written by `AnswerJSONWriter`: the same bytes as `json(_:status:)`, without
    /// the Codable container tree (the hot path of citizen reads).
    static func answer(_ answer: DossierAnswer) -> Response {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        return json(bytes: writer.bytes, status: .ok)
    }

    /// A one-part answer, written by `AnswerJSONWriter` (see `answer(_: DossierAnswer)`).
    static func answer(_ answer: PartAnswer) -> Response {
        var writer = AnswerJSONWriter()
        writer.write(answer)
        return json(bytes: writer.bytes, status: .ok)
    }

    private static func json(bytes: some Sequence<UInt8>, status: HTTPResponse.Status) -> Response {
        Response(status: status,
                 headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The bytes `json(_:status:)` writes for a value: what `AnswerJSONWriter` must reproduce.
    static func encoderBytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }
}

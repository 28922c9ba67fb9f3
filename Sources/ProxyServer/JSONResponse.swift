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
        return Response(status: status,
                        headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

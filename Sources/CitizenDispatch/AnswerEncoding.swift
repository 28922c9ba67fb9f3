import Foundation

/// The one JSON encoding of every answer the proxy gives, and the reference `AnswerJSONWriter`
/// must reproduce byte for byte.
package enum AnswerEncoding {
    /// One encoder for every answer: making one per response cost an allocation and its options'
    /// lock per answer. `JSONEncoder` may be used from several threads at once.
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Sorted keys: the same answer always has the same bytes (Linux Foundation would order them
        // at random), as docs/openapi.yaml promises.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// The bytes of `value` in the answers' encoding.
    package static func bytes(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }
}

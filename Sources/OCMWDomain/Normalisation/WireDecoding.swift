import struct Foundation.Data

/// Decoding of a raw body into a dialect's wire structs (`WireJSONDecoder.read`), with every failure
/// mapped to a `NormalisationError` that carries a JSON path and nothing from the body itself.
enum WireDecoding {
    static func decode<Body: WireReadable>(_ type: Body.Type, from data: Data) throws(NormalisationError) -> Body {
        do {
            return try data.withUnsafeBytes { bytes in try WireJSONDecoder.read(Body.self, from: bytes) }
        } catch let error as DecodingError {
            throw map(error)
        } catch {
            throw NormalisationError(.invalidJSON)
        }
    }

    /// Deliberately drops `debugDescription`: it may quote values from the body.
    static func map(_ error: DecodingError) -> NormalisationError {
        switch error {
        case let .keyNotFound(key, context):
            return NormalisationError(.missingValue, field: path(context.codingPath + [key]))
        case let .valueNotFound(_, context):
            return NormalisationError(.missingValue, field: path(context.codingPath))
        case let .typeMismatch(_, context):
            return NormalisationError(.unexpectedShape, field: path(context.codingPath))
        case let .dataCorrupted(context):
            // The parser reports syntax errors (garbage, truncation) before any key is visited.
            if context.codingPath.isEmpty { return NormalisationError(.invalidJSON) }
            return NormalisationError(.unexpectedShape, field: path(context.codingPath))
        @unknown default:
            return NormalisationError(.invalidJSON)
        }
    }

    /// `debts[2].originalCents`; `$` for the top level.
    static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.reduce(into: "") { result, key in
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "$" : text
    }
}

/// A JSON integer field. Foundation reports a number that does not fit `Int` (`450.5`, 30
/// digits) as "not valid JSON" for the whole body, without a path; this wrapper turns that into
/// a type mismatch at the field, so the error says which value is wrong.
struct WireInteger: Decodable {
    let value: Int

    init(value: Int) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            value = try container.decode(Int.self)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DecodingError.typeMismatch(
                Int.self,
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not an integer that fits Int"))
        }
    }
}

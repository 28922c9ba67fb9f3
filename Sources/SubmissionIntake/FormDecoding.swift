import Foundation

/// Decoding of a form from the JSON part, with decoding failures reported by field.
public enum FormDecoding {
    /// Decodes a form from JSON bytes.
    /// - Throws: `IntakeError` of kind `malformed` for bytes that are not a JSON object, or
    ///   `invalid` naming the field whose value has the wrong type.
    public static func decode<Form: Decodable>(_ type: Form.Type, from json: [UInt8]) throws(IntakeError) -> Form {
        do {
            return try JSONDecoder().decode(Form.self, from: Data(json))
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalid([FieldProblem(field: path(context.codingPath), message: "has the wrong type")])
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalid([FieldProblem(field: path(context.codingPath), message: "is null")])
        } catch {
            // Not JSON, or not an object: the error text may quote the input, so it is not passed on.
            throw .malformed("invalidJSON", "the form is not a valid JSON object")
        }
    }

    /// `applicant.domicile.postalCode`, `categories[1]`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "(root)" : result
    }
}

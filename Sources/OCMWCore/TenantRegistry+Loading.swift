import struct Foundation.Data
import class Foundation.JSONDecoder
import struct Foundation.URL

extension TenantRegistry {
    /// Decodes and validates `tenants.json` bytes.
    /// - Parameter previous: The snapshot in force, whose unchanged tenants are taken over.
    /// - Throws: `TenantValidationErrors`; a JSON or shape error is reported as one problem whose
    ///   field is the JSON path (e.g. `tenants[2].backend.baseURL`).
    public convenience init(jsonData: Data, reusing previous: TenantRegistry? = nil) throws(TenantValidationErrors) {
        let document: TenantsDocument
        do {
            document = try JSONDecoder().decode(TenantsDocument.self, from: jsonData)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                let location = JSONSyntaxLocation.of(jsonData).map { " at \($0)" } ?? ""
                throw TenantValidationErrors(
                    problems: [TenantValidationError(tenant: nil, field: "$", message: "not valid JSON\(location)")])
            }
            throw TenantValidationErrors(problems: [Self.describe(error)])
        } catch {
            throw TenantValidationErrors(problems: [TenantValidationError(tenant: nil, field: "$", message: "\(error)")])
        }
        let unknown = TenantsDocument.unknownFields(in: jsonData, decoded: document)
        do {
            try self.init(validating: document, reusing: previous)
        } catch {
            throw TenantValidationErrors(problems: unknown + error.problems)
        }
        if !unknown.isEmpty { throw TenantValidationErrors(problems: unknown) }
    }

    private static func describe(_ error: DecodingError) -> TenantValidationError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { result, key in
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return TenantValidationError(
                tenant: nil, field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)",
                message: "required field is missing")
        case let .typeMismatch(type, context):
            return TenantValidationError(tenant: nil, field: path(context.codingPath), message: "expected \(type)")
        case let .valueNotFound(type, context):
            return TenantValidationError(tenant: nil, field: path(context.codingPath), message: "expected \(type), found null")
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            return TenantValidationError(
                tenant: nil, field: field.isEmpty ? "$" : field,
                message: "not valid JSON: \(context.debugDescription)")
        @unknown default:
            return TenantValidationError(tenant: nil, field: "$", message: "\(error)")
        }
    }
}

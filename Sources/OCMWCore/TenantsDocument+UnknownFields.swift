import Foundation

extension TenantsDocument {
    /// The fields of the file that this document does not read — a misspelt `maxInFlihgt` or
    /// `stat` would otherwise be ignored and its default silently used — each as a problem
    /// naming its path (`tenants[2].limits.maxInFlihgt`) and, inside a tenant, the tenant.
    ///
    /// Known fields are found by encoding the decoded document again: every field it read comes
    /// back, so the set follows the document's own definition as fields are added. A field set
    /// to `null` is taken as absent.
    static func unknownFields(in json: Data, decoded: TenantsDocument) -> [TenantValidationError] {
        guard let given = try? JSONSerialization.jsonObject(with: json),
            let encoded = try? JSONEncoder().encode(decoded),
            let known = try? JSONSerialization.jsonObject(with: encoded)
        else { return [] }
        var problems: [TenantValidationError] = []
        func walk(_ given: Any, _ known: Any, path: String, tenant: String?) {
            if let given = given as? [String: Any], let known = known as? [String: Any] {
                for key in given.keys.sorted() {
                    let field = path.isEmpty ? key : "\(path).\(key)"
                    if let value = known[key] {
                        walk(given[key]!, value, path: field, tenant: tenant)
                    } else if !(given[key] is NSNull) {
                        problems.append(TenantValidationError(tenant: tenant, field: field, message: "unknown field"))
                    }
                }
            } else if let given = given as? [Any], let known = known as? [Any] {
                for (index, pair) in zip(given, known).enumerated() {
                    let isTenant = path == "tenants"
                    let id = isTenant ? decoded.tenants[index].id : nil
                    let label = id.map { $0.isEmpty ? "#\(index)" : $0 }
                    walk(
                        pair.0, pair.1, path: isTenant ? "" : "\(path)[\(index)]",
                        tenant: isTenant ? label : tenant)
                }
            }
        }
        walk(given, known, path: "", tenant: nil)
        return problems
    }
}

/// Where a JSON text stops being JSON, as `line L, column C`, for the operator to find it.
enum JSONSyntaxLocation {
    static func of(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            // Foundation says "… around character N." (N counted from 0 in the text).
            let text = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            guard let marker = text.range(of: "character "),
                let offset = Int(text[marker.upperBound...].prefix { $0.isNumber })
            else { return nil }
            var line = 1
            var column = 1
            for (index, scalar) in String(decoding: data, as: UTF8.self).unicodeScalars.enumerated() {
                if index == offset { break }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return "line \(line), column \(column)"
        }
    }
}

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
        let vocabulary = fieldNames(of: decoded)
        var problems: [TenantValidationError] = []
        func walk(_ given: Any, _ known: Any, path: String, tenant: String?) {
            if let given = given as? [String: Any], let known = known as? [String: Any] {
                for key in given.keys.sorted() {
                    let field = path.isEmpty ? key : "\(path).\(key)"
                    if let value = known[key] {
                        walk(given[key]!, value, path: field, tenant: tenant)
                    } else if !(given[key] is NSNull) {
                        let hint = nearest(to: key, in: vocabulary).map { " (did you mean '\($0)'?)" } ?? ""
                        problems.append(TenantValidationError(tenant: tenant, field: field, message: "unknown field\(hint)"))
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

    /// Every field name the document's types declare, absent optionals included (read from the
    /// types themselves, so the vocabulary follows their definition).
    private static func fieldNames(of document: TenantsDocument) -> Set<String> {
        var names: Set<String> = []
        func collect(_ value: Any) {
            for child in Mirror(reflecting: value).children {
                if let label = child.label { names.insert(label) }
                collect(child.value)
            }
        }
        collect(document)
        collect(LimitsEntry())
        return names
    }

    /// The known field closest to a misspelt one (edit distance at most a third of its length,
    /// and at least 1 allowed), or nil when none is close enough to be a likely typo.
    static func nearest(to key: String, in vocabulary: Set<String>) -> String? {
        let allowed = max(1, key.count / 3)
        let scored = vocabulary.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= allowed }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance, with a swap of two neighbours counting once (`maxInFlihgt`).
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
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

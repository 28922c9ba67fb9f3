import Foundation
import OCMWCore

/// Shape checks for single fields. Each returns a problem message, or `nil` when the value is fine;
/// messages never echo the value, which may be personal data.
enum FieldRules {
    /// A required, single-line text of at most `maxLength` characters.
    static func line(_ value: String?, maxLength: Int) -> (String, String?) {
        let trimmed = trim(value)
        if trimmed.isEmpty { return (trimmed, "is required") }
        if trimmed.count > maxLength { return (trimmed, "is longer than \(maxLength) characters") }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return (trimmed, "contains control characters")
        }
        return (trimmed, nil)
    }

    /// Belgian postal codes: four digits, 1000–9999.
    static func postalCode(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count == 4, bytes.allSatisfy({ (0x30...0x39).contains($0) }), bytes[0] != 0x30 else {
            return "must be a Belgian postal code of 4 digits"
        }
        return nil
    }

    /// The e-mail shape check shared with `tenants.json` (see `ContactShape.email`).
    static func email(_ value: String) -> String? { ContactShape.email(value) }

    /// The phone shape check shared with `tenants.json` (see `ContactShape.phone`).
    static func phone(_ value: String) -> String? { ContactShape.phone(value) }

    static func trim(_ value: String?) -> String {
        value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
}

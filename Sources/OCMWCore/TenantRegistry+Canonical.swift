import Foundation

extension TenantRegistry {
    /// The configuration this snapshot was made from, as JSON with sorted keys and no layout:
    /// the same for every file that says the same thing, whatever its whitespace or key order,
    /// so instances can be compared by a hash of it (`GET /admin/tenants`, `configurationHash`).
    public var canonicalConfiguration: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a decoded document cannot fail: every value in it came from JSON.
        return (try? encoder.encode(document)) ?? Data()
    }
}

import Foundation
import OCMWCore

/// Rewrites a tenants file for onboarding during a run: one tenant's `state` becomes `active`,
/// everything else is kept as it was.
public enum TenantsFileEditor {
    /// Why the file could not be rewritten.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, for the action's result.
        public let description: String
    }

    /// The file's bytes with `tenant` activated.
    /// - Throws: `Failure` when the bytes are not a tenants document or do not name the tenant.
    public static func activating(_ tenant: TenantID, in data: Data) throws(Failure) -> Data {
        guard var document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            var tenants = document["tenants"] as? [[String: Any]]
        else {
            throw Failure(description: "not a tenants document")
        }
        guard let index = tenants.firstIndex(where: { $0["id"] as? String == tenant.rawValue }) else {
            throw Failure(description: "no tenant \(tenant) in the file")
        }
        tenants[index]["state"] = TenantState.active.rawValue
        document["tenants"] = tenants
        return try encode(document)
    }

    /// The file's bytes with tenant n's (from 1) backend at `http://127.0.0.1:<basePort + n>`:
    /// the simulated OCMWs of a demo started for a run then stay clear of the shipped ports.
    /// - Throws: `Failure` when the bytes are not a tenants document.
    public static func movingBackends(in data: Data, basePort: Int) throws(Failure) -> Data {
        guard var document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            var tenants = document["tenants"] as? [[String: Any]]
        else {
            throw Failure(description: "not a tenants document")
        }
        for index in tenants.indices {
            guard var backend = tenants[index]["backend"] as? [String: Any] else { continue }
            backend["baseURL"] = "http://127.0.0.1:\(basePort + index + 1)"
            tenants[index]["backend"] = backend
        }
        document["tenants"] = tenants
        return try encode(document)
    }

    private static func encode(_ document: [String: Any]) throws(Failure) -> Data {
        guard let written = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            throw Failure(description: "could not write the document")
        }
        return written
    }
}

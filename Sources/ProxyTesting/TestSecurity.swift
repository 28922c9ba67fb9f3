import AuditTrail
import CallerAuth
import Foundation
import OCMWCore
import Outbox
import ProxyServer
import SQLiteStores

/// Real authentication for tests: a throwaway signing key in a temporary directory, its JWKS,
/// a verifier, an admin token and an in-memory audit trail.
public struct TestSecurity: Sendable {
    public let key: DevSigningKey
    public let security: ProxySecurity
    public let audit: AuditLog
    public let auditStore: InMemoryAuditStore
    /// The store behind the writer: `auditStore`, which a test can take down.
    public let switchableAuditStore: SwitchableAuditStore
    public let auditWriter: AuditWriter
    public let adminToken: String

    public static let allScopes = ["ocmw.dossier.read", "ocmw.dossier.submit", "ocmw.routing.write"]

    /// - Parameter auditCapacity: Records the audit writer buffers before it is full.
    public init(auditCapacity: Int = 100_000) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        key = try DevSigningKey(directory: directory.path)
        let jwks = directory.appendingPathComponent("jwks.json").path
        try key.writeJWKS(toPath: jwks)
        let verifier = CallerVerifier(
            configuration: CallerAuthConfiguration(issuer: DevSigningKey.issuer, audience: DevSigningKey.audience),
            keyStore: try await JWKSKeyStore(path: jwks))
        adminToken = "test-admin-token-\(UUID().uuidString)"
        security = try ProxySecurity(verifier: verifier, adminToken: adminToken)
        auditStore = InMemoryAuditStore()
        switchableAuditStore = SwitchableAuditStore(records: auditStore)
        auditWriter = AuditWriter(
            store: switchableAuditStore, batchSize: 1, flushInterval: .milliseconds(5), capacity: auditCapacity)
        audit = AuditLog(writer: auditWriter, pseudonymizer: try INSZPseudonymizer(keyBytes: Array(repeating: 7, count: 32)))
    }

    /// A token as Mijn Burgerprofiel would send: every scope, no citizen binding unless given.
    public func token(scopes: [String] = allScopes, insz: INSZ? = nil, clientID: String = "mbp-test") async throws -> String {
        try await key.token(scopes: scopes, insz: insz, clientID: clientID, lifetime: .seconds(3_600))
    }
}

extension TestSecurity {
    /// A fresh in-memory outbox with a random key, for one test's proxy.
    public static func outbox() throws -> SQLiteOutboxStore {
        try SQLiteOutboxStore.inMemory(keyRing: OutboxKeyRing(current: OutboxKey.random(id: "test")))
    }
}

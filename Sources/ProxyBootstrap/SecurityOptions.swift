import ArgumentParser
import AuditTrail
import CallerAuth
import Foundation
import Logging
import Outbox
import PrivateFiles
import ProxyServer
import SQLiteStores
import ServiceLifecycle

/// Who may call the proxy, and where the audit trail goes.
package struct SecurityOptions: ParsableArguments {
    package init() {}

    @Option(help: "JWKS file with the keys that sign callers' tokens (reloaded when it changes).")
    package var jwks: String?

    @Option(help: "Required token issuer (iss).")
    package var issuer: String?

    @Option(help: "Required token audience (aud).")
    package var audience: String = "ocmw-proxy"

    @Option(help: "Claim carrying the citizen's INSZ in token-exchange tokens.")
    package var citizenClaim: String = CallerAuthConfiguration.defaultCitizenClaim

    @Option(help: "File holding the admin API's bearer token (else the OCMW_ADMIN_TOKEN environment variable).")
    package var adminTokenFile: String?

    @Flag(help: "Development authentication: a local signing key and admin token in the data directory.")
    package var devAuth = false

    @Flag(help: "Allow --dev-auth for serve. Never in production: anyone with the data directory can mint tokens.")
    package var allowDevAuth = false

    @Option(help: "Days the audit trail is kept.")
    package var auditRetentionDays: Int = AuditRetention.defaultDays

    @Option(
        help:
            "PostgreSQL for the audit trail, the outbox and the routing index, shared by every instance (postgres://user:password@host:port/db; else OCMW_DATABASE_URL); without it they are SQLite files in the data directory."
    )
    package var databaseURL: String?

    /// The PostgreSQL URL from the option or the environment, if any.
    package var resolvedDatabaseURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["OCMW_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The security pieces a proxy is built from, and the services that keep them current.
package struct SecuritySetup {
    package let security: ProxySecurity
    package let audit: AuditLog
    package let services: [any Service]
    /// In development mode: the signing key, to print tokens.
    package let devKey: DevSigningKey?
    package let adminToken: String
    /// Keys that encrypt submissions at rest in the outbox.
    package let outboxKeys: OutboxKeyRing
    /// Re-reads the callers' JWKS (on SIGHUP); a broken file keeps the keys in use, and is logged.
    package let reloadKeys: @Sendable () async -> Void

    /// - Parameter auditStore: Where the audit trail goes; nil for SQLite in the data directory.
    package static func make(
        _ options: SecurityOptions, dataDir: String, auditStore: (any AuditStore)? = nil,
        logger: Logger
    ) async throws -> SecuritySetup {
        try DataDirectory.secure(dataDir, logger: logger)
        let directory = URL(fileURLWithPath: dataDir)
        var devKey: DevSigningKey?
        let jwksPath: String
        let issuer: String
        if options.devAuth {
            let key = try DevSigningKey(directory: dataDir)
            jwksPath = directory.appendingPathComponent("dev-jwks.json").path
            try key.writeJWKS(toPath: jwksPath)
            devKey = key
            issuer = DevSigningKey.issuer
        } else {
            guard let jwks = options.jwks, let configuredIssuer = options.issuer else {
                throw ValidationError("give --jwks FILE and --issuer ISS (or --dev-auth for development)")
            }
            jwksPath = jwks
            issuer = configuredIssuer
        }
        let keyStore = try await JWKSKeyStore(path: jwksPath, logger: logger)
        let configuration = CallerAuthConfiguration(
            issuer: issuer, audience: options.devAuth ? DevSigningKey.audience : options.audience,
            citizenClaim: options.citizenClaim)
        let verifier = CallerVerifier(configuration: configuration, keyStore: keyStore, cacheCapacity: 10_000)
        let adminToken = try Self.adminToken(options, directory: directory)
        let pseudonymizer = try INSZPseudonymizer.fromEnvironment(developmentKeyDirectory: options.devAuth ? dataDir : nil)
        let store: any AuditStore =
            try auditStore
            ?? SQLiteAuditStore(path: directory.appendingPathComponent(SQLiteAuditStore.defaultFileName).path)
        let writer = AuditWriter(
            store: store,
            onFlushError: { error in
                logger.error("audit trail write failed, will retry", metadata: ["error": "\(error)"])
            })
        guard let retention = AuditRetention(days: options.auditRetentionDays) else {
            throw ValidationError("--audit-retention-days must be at least 1")
        }
        let pruned = try await retention.apply(to: store)
        if pruned > 0 { logger.info("audit trail pruned", metadata: ["records": "\(pruned)"]) }
        return SecuritySetup(
            security: try ProxySecurity(verifier: verifier, adminToken: adminToken),
            audit: AuditLog(writer: writer, pseudonymizer: pseudonymizer),
            services: [JWKSReloadService(keyStore: keyStore, logger: logger), AuditWriterService(writer: writer)],
            devKey: devKey, adminToken: adminToken,
            outboxKeys: try OutboxKeyRing.fromEnvironment(developmentKeyDirectory: options.devAuth ? dataDir : nil),
            reloadKeys: { _ = try? await keyStore.reload() })
    }

    /// The admin token: from a file, the environment, or (development) a generated file.
    private static func adminToken(_ options: SecurityOptions, directory: URL) throws -> String {
        if let path = options.adminTokenFile {
            return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let token = ProcessInfo.processInfo.environment["OCMW_ADMIN_TOKEN"], !token.isEmpty { return token }
        guard options.devAuth else {
            throw ValidationError("set OCMW_ADMIN_TOKEN or give --admin-token-file (or --dev-auth for development)")
        }
        let path = directory.appendingPathComponent("dev-admin-token").path
        let contents: PrivateFile.Contents?
        do {
            contents = try PrivateFile.readOrCreate(atPath: path) {
                Data((0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined().utf8)
            }
        } catch {
            throw ValidationError("cannot write the development admin token to \(path)")
        }
        guard let contents else { throw ValidationError("cannot read the development admin token at \(path)") }
        return String(decoding: contents.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

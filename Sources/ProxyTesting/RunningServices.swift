import CurlClient
import Logging
import NewSocialSimulator
import OCMWCore

/// Runs a curl client for the duration of `body`, then shuts it down.
public func withCurlClient<T: Sendable>(
    configuration: CurlClient.Configuration = .init(),
    logger: Logger = Logger(label: "test.curl", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: (CurlClient) async throws -> T
) async throws -> T {
    let client = CurlClient(configuration: configuration, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await client.run() }
        do {
            let result = try await body(client)
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

/// Runs simulated OCMWs on ephemeral ports for the duration of `body`.
/// - Parameter backends: `(tenant id, dialect)` pairs; each gets its own listener.
/// - Returns: what `body` returns; `body` receives the simulator and the bound port per tenant.
public func withSimulator<T: Sendable>(
    _ backends: [(id: String, dialect: Dialect)],
    dataset: Dataset? = nil,
    requireAPIKeys: Bool = false,
    logger: Logger = Logger(label: "test.sim", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: (NewSocialSimulator, [TenantID: Int]) async throws -> T
) async throws -> T {
    let ids = backends.compactMap { TenantID($0.id) }
    precondition(ids.count == backends.count, "fixture tenant ids must be valid slugs")
    let simulated = zip(ids, backends).map { id, backend in
        // The variable TestTenants.entry names for this tenant, and the key tests resolve it to.
        let variable = "OCMW_\(id.rawValue.uppercased().replacingOccurrences(of: "-", with: "_"))_API_KEY"
        return SimulatedBackend(
            tenant: id, dialect: backend.dialect, port: 0,
            requiredAPIKey: requireAPIKeys ? TestTenants.apiKey(forVariable: variable) : nil)
    }
    let simulator = NewSocialSimulator(
        backends: simulated,
        dataset: dataset ?? Dataset.generate(seed: 7, tenants: ids, citizens: 50),
        logger: logger)
    let ports = try await simulator.start()
    do {
        let result = try await body(simulator, ports)
        try await simulator.stop()
        return result
    } catch {
        try? await simulator.stop()
        throw error
    }
}

/// The curl client's request type under a name that does not clash with HTTPTypes' `HTTPRequest`
/// in files that also import Hummingbird.
public typealias BackendRequest = HTTPRequest

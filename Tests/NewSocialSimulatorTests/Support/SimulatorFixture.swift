import OCMWCore

@testable import NewSocialSimulator

/// Tenant ids and datasets shared by the tests.
enum Fixture {
    static let gent = tenant("gent")
    static let bonheiden = tenant("bonheiden")
    static let leuven = tenant("leuven")
    static let lastMonth = CalendarMonth.literal(2025, 10)
    static let dataset = Dataset.generate(seed: 7, tenants: [gent, bonheiden, leuven], citizens: 30, lastMonth: lastMonth)

    static func tenant(_ id: String) -> TenantID {
        guard let tenant = TenantID(id) else { preconditionFailure("bad test tenant id \(id)") }
        return tenant
    }

    /// Starts a simulator on ephemeral ports, runs `body`, and always stops it.
    static func withSimulator<T>(
        _ backends: [SimulatedBackend] = [SimulatedBackend(tenant: gent, dialect: .v2), SimulatedBackend(tenant: bonheiden, dialect: .v1)],
        adminPort: Int? = nil,
        _ body: (NewSocialSimulator, [TenantID: Int]) async throws -> T
    ) async throws -> T {
        let simulator = NewSocialSimulator(backends: backends, dataset: dataset, adminPort: adminPort)
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
}

extension [TenantID: Int] {
    /// The port of a tenant that the fixture simulates; 0 (connection refused) otherwise.
    subscript(port tenant: TenantID) -> Int { self[tenant] ?? 0 }
}

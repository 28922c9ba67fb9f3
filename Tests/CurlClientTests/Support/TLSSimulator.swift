import NewSocialSimulator
import OCMWCore

/// Runs one simulated v2 backend for Gent serving HTTPS (and mutual TLS when `clientCAPath` is
/// given) on an ephemeral port for the duration of `body`.
func withTLSSimulator<T: Sendable>(
    certificate: String, key: String, clientCAPath: String? = nil,
    _ body: (NewSocialSimulator, Int) async throws -> T
) async throws -> T {
    let gent = TenantID("gent")!
    let backend = SimulatedBackend(
        tenant: gent, dialect: .v2,
        tls: SimulatedTLS(certificateChainPath: certificate, privateKeyPath: key, clientCAPath: clientCAPath))
    let simulator = NewSocialSimulator(backends: [backend], dataset: Dataset.generate(seed: 7, tenants: [gent], citizens: 20))
    let ports = try await simulator.start()
    do {
        let result = try await body(simulator, ports[gent] ?? 0)
        try await simulator.stop()
        return result
    } catch {
        try? await simulator.stop()
        throw error
    }
}

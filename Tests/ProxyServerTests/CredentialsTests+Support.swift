import BackendAccess
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyServer
import Synchronization

/// A token fetcher that counts its calls and numbers its tokens (`token-1`, `token-2`, …).
final class CountingFetcher: OAuth2TokenFetching {
    private struct State {
        var calls = 0
        var failuresLeft: Int
        var lastCredentials: OAuth2ClientCredentials?
    }

    private let state: Mutex<State>
    private let lifetime: Duration
    private let delay: Duration

    init(lifetime: Duration = .seconds(3_600), delay: Duration = .zero, failures: Int = 0) {
        self.state = Mutex(State(failuresLeft: failures))
        self.lifetime = lifetime
        self.delay = delay
    }

    var calls: Int { state.withLock { $0.calls } }
    var lastCredentials: OAuth2ClientCredentials? { state.withLock { $0.lastCredentials } }

    func fetchToken(_ credentials: OAuth2ClientCredentials, for tenant: Tenant) async throws(CredentialError) -> AccessToken {
        let (call, fail) = state.withLock { state in
            state.calls += 1
            state.lastCredentials = credentials
            defer { state.failuresLeft -= 1 }
            return (state.calls, state.failuresLeft > 0)
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        if fail { throw .tokenRequestFailed("token endpoint answered 503") }
        return AccessToken(value: "token-\(call)", lifetime: lifetime)
    }
}

/// A clock that moves only when told to.
final class FakeClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    var now: @Sendable () -> ContinuousClock.Instant {
        { [self] in start + offset.withLock { $0 } }
    }

    func advance(_ duration: Duration) { offset.withLock { $0 += duration } }
}

/// A scratch directory for secret files, removed afterwards.
func withSecretDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocmw-secrets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Runs one simulated backend (with its credential settings) and passes its base URL.
func withCredentialSimulator<T: Sendable>(
    _ backend: SimulatedBackend, _ body: (NewSocialSimulator, String) async throws -> T
) async throws -> T {
    let simulator = NewSocialSimulator(
        backends: [backend],
        dataset: Dataset.generate(seed: 7, tenants: [backend.tenant], citizens: 20))
    let ports = try await simulator.start()
    do {
        let result = try await body(simulator, "http://127.0.0.1:\(ports[backend.tenant] ?? 0)")
        try await simulator.stop()
        return result
    } catch {
        try? await simulator.stop()
        throw error
    }
}

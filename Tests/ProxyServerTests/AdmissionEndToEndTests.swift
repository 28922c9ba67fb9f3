import Admission
import BackendAccess
import CurlClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewSocialSimulator
import OCMWCore
import Observability
import ProxyServer
import ProxyTesting
import Testing

/// The door through the real HTTP server: what is not admitted is refused at once, `503`
/// `overloaded` with `Retry-After`, and nothing of it reaches an OCMW. Places are held by
/// unfinished uploads (`HeldRequest`), never by timing.
@Suite("Admission end to end", .timeLimit(.minutes(2)))
struct AdmissionEndToEndTests {
    static let insz = DemoCitizens.wireframeINSZ

    /// A door that admits one request at a time and queues none.
    static let oneAtATime = AdmissionConfiguration(
        limit: .init(minLimit: 1, maxLimit: 1, initialLimit: 1), queueSize: 0, maxDiscoveries: 1_000,
        maxDiscoveriesPerClient: 1_000, maxUploadBytesInFlight: 1 << 40, uploadBodyTimeout: .seconds(600),
        sheddingSignal: .seconds(600))

    /// A live proxy with `admission`, its admin router, and the routing index knowing the
    /// wireframe citizen at Gent.
    func withDoor(
        _ admission: AdmissionConfiguration, requestDeadlineMs: Int = testRequestDeadlineMs,
        _ body: @Sendable (AuthorizedClient, NewSocialSimulator, ProxyApplication, _ adminToken: String) async throws -> Void
    ) async throws {
        try await withSimulator([("gent", .v2), ("bonheiden", .v1)]) { simulator, ports in
            let security = try await TestSecurity()
            let token = try await security.token()
            let registry = try TestTenants.registry([
                ("gent", .v2, ports[TenantID("gent")!] ?? 0), ("bonheiden", .v1, ports[TenantID("bonheiden")!] ?? 0),
            ])
            let index = InMemoryRoutingIndex()
            await index.register(try IsolationTests.registration(Self.insz, "gent"))
            let logger = Logger(label: "proxy", factory: { _ in SwiftLogNoOpLogHandler() })
            let client = CurlClient(logger: logger)
            let proxy = ProxyApplication(
                configuration: testConfiguration(requestDeadlineMs: requestDeadlineMs, admission: admission),
                registry: TenantRegistryStore(registry), client: client, routingIndex: index,
                security: security.security, audit: security.audit,
                credentials: BackendCredentials(client: client, logger: logger, environment: TestTenants.environment),
                outbox: try TestSecurity.outbox(), logger: logger)
            try await proxy.makeApplication().test(.live) { raw in
                try await body(AuthorizedClient(raw: raw, token: token), simulator, proxy, security.adminToken)
            }
        }
    }

    @Test("Past the limit a request is refused at once: 503 overloaded with Retry-After, no OCMW called; readiness says shedding")
    func refusedAtTheDoor() async throws {
        try await withDoor(Self.oneAtATime) { client, simulator, proxy, adminToken in
            let port = try #require(client.port)
            let held = try HeldRequest.upload(port: port, token: client.token, insz: Self.insz, key: "held", contentLength: 10_000)
            defer { held.release() }
            // Wait until the held upload has the one place (its body is still to come).
            try await DeliveryEndToEndTests.eventually { proxy.admission.status.inFlight == 1 }
            #expect(proxy.admission.status.inFlight == 1)
            let refused: TestResponse? = try await client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get)
            #expect(refused?.status == .serviceUnavailable)
            let response = try #require(refused)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.headers[.retryAfter] == "1")
            #expect(String(buffer: response.body).contains("urn:ocmw-proxy:problem:overloaded"))
            let served = simulator.statistics(for: TenantID("gent")!).requestsServed
            // A refused request calls no OCMW.
            let again = try await client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get)
            #expect(again.status == .serviceUnavailable)
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == served)
            // Health is never refused, and says the proxy sheds.
            let ready = try await client.execute(uri: "/health/ready", method: .get, authorization: nil)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).contains(#""status":"shedding""#))
            #expect(ready.headers[.retryAfter] == "1")
            let live = try await client.execute(uri: "/health/live", method: .get, authorization: nil)
            #expect(live.status == .ok)
            // The admin port is never refused; the metrics count the refusals per reason and OCMW.
            try await Application(router: proxy.makeAdminRouter()).test(.router) { admin in
                let metrics = try await admin.execute(
                    uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(adminToken)"])
                #expect(metrics.status == .ok)
                let text = String(buffer: metrics.body)
                #expect(text.contains(#"ocmw_admission_shed_total{reason="queueFull",tenant="gent"}"#))
                #expect(text.contains("ocmw_admission_limit 1"))
                #expect(text.contains("ocmw_admission_in_flight 1"))
            }
            // Once the place is free, reads are served again.
            held.release()
            var served200 = false
            for _ in 0..<3_000 where !served200 {
                served200 = try await client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get).status == .ok
                if !served200 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(served200)
        }
    }

    @Test("A request whose deadline leaves too little time is not started: 503 overloaded, no OCMW called")
    func tooLittleTimeLeft() async throws {
        // The deadline (50 ms from arrival) is below the time a request needs left to start (100 ms).
        try await withDoor(testAdmission, requestDeadlineMs: 50) { client, simulator, _, _ in
            let response = try await client.execute(uri: "/v1/citizens/\(Self.insz)/dossier", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("urn:ocmw-proxy:problem:overloaded"))
            #expect(String(buffer: response.body).contains("deadline"))
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 0)
        }
    }

    @Test("The deadline counts from arrival: a read that waited at the door past its deadline is not started")
    func deadlineFromArrival() async throws {
        var admission = Self.oneAtATime
        admission.queueSize = 8
        admission.maxQueueWait = .seconds(600)
        admission.queueTarget = .seconds(600)
        admission.queueInterval = .seconds(600)
        try await withDoor(admission, requestDeadlineMs: 300) { client, simulator, proxy, _ in
            let port = try #require(client.port)
            let held = try HeldRequest.upload(port: port, token: client.token, insz: Self.insz, key: "held", contentLength: 10_000)
            defer { held.release() }
            try await DeliveryEndToEndTests.eventually { proxy.admission.status.inFlight == 1 }
            async let read = client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get)
            try await DeliveryEndToEndTests.eventually { proxy.admission.status.queued == 1 }
            #expect(proxy.admission.status.queued == 1)
            // The read has now waited longer than its whole deadline (a lower bound, whatever the machine).
            try await Task.sleep(for: .milliseconds(400))
            held.release()
            let response = try await read
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("deadline"))
            #expect(simulator.statistics(for: TenantID("gent")!).requestsServed == 0)
        }
    }

    @Test("A slow OCMW does not shrink the limit: the door learns from the proxy's own share of the latency")
    func slowOCMWDoesNotShrinkTheLimit() async throws {
        // Tolerant enough that a busy machine's own delays never shrink it (up to 400 × the 5 ms
        // latency floor: 2 s of the proxy's own time per request), while a 4 s backend counted as
        // the proxy's latency would (800 ×).
        let admission = AdmissionConfiguration(
            limit: .init(minLimit: 1, maxLimit: 100, initialLimit: 50, tolerance: 400, sampleWeight: 0.5), queueSize: 64,
            maxDiscoveries: 1_000, maxDiscoveriesPerClient: 1_000, maxUploadBytesInFlight: 1 << 40, uploadBodyTimeout: .seconds(600))
        try await withDoor(admission) { client, simulator, proxy, _ in
            for _ in 0..<5 {
                let status = try await client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get).status
                #expect(status == .ok)
            }
            simulator.setFault(Fault(latencyMs: 4_000), for: TenantID("gent")!)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let status = try await client.execute(uri: "/v1/citizens/\(Self.insz)/debts", method: .get).status
                        #expect(status == .ok)
                    }
                }
                try await group.waitForAll()
            }
            #expect(proxy.admission.status.limit == 50)
        }
    }

    @Test("Upload bytes in flight are capped: past the cap an upload is refused 503 overloaded")
    func uploadBytesCapped() async throws {
        var admission = testAdmission
        admission.maxUploadBytesInFlight = 15_000
        try await withDoor(admission) { client, _, proxy, _ in
            let port = try #require(client.port)
            let held = try HeldRequest.upload(port: port, token: client.token, insz: Self.insz, key: "held", contentLength: 10_000)
            defer { held.release() }
            // Wait until the held upload has reserved its bytes (its body is still to come).
            try await DeliveryEndToEndTests.eventually { proxy.admission.status.uploadBytesReserved == 10_000 }
            #expect(proxy.admission.status.uploadBytesReserved == 10_000)
            let response = try await client.execute(
                uri: "/v1/citizens/\(Self.insz)/requests", method: .post,
                headers: SubmissionIntakeEndToEndTests.headers(key: "second"),
                body: SubmissionIntakeEndToEndTests.multipart(json: SubmissionIntakeEndToEndTests.form(), files: [Self.filler]))
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("uploads"))
            #expect(response.headers[.retryAfter] == "1")
            // Once the held upload is gone, its bytes are free again.
            held.release()
            try await DeliveryEndToEndTests.eventually { proxy.admission.status.uploadBytesReserved == 0 }
            #expect(proxy.admission.status.uploadBytesReserved == 0)
        }
    }

    @Test("An upload whose body stalls is answered 408 once the body-read timeout has passed")
    func stalledUploadTimesOut() async throws {
        var admission = testAdmission
        admission.uploadBodyTimeout = .milliseconds(300)
        try await withDoor(admission) { client, _, _, _ in
            let port = try #require(client.port)
            let held = try HeldRequest.upload(port: port, token: client.token, insz: Self.insz, key: "stalled", contentLength: 10_000)
            defer { held.release() }
            #expect(try await held.status() == 408)
        }
    }

    /// A PDF of about 8 KB (its magic bytes, then filler), so two uploads pass a 15 000-byte cap.
    static let filler: [UInt8] = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x20, count: 8_000) + Array("\n%%EOF\n".utf8)
}

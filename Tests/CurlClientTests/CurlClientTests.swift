import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// The curl client against a real local server (the simulator) over real sockets.
@Suite struct CurlClientTests {
    static let gent = TenantID("gent")!
    static let debtsPath = "/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/debts"

    func url(_ ports: [TenantID: Int], _ path: String = debtsPath) -> String {
        "http://127.0.0.1:\(ports[Self.gent] ?? 0)\(path)"
    }

    @Test func manyConcurrentTransfersShareOneMultiHandle() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            try await withCurlClient { client in
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<200 {
                        group.addTask { try await client.execute(HTTPRequest(url: url(ports))).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.count == 200)
                #expect(statuses.allSatisfy { $0 == 200 })
            }
        }
    }

    @Test func responseCarriesStatusHeadersAndBody() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            try await withCurlClient { client in
                let response = try await client.execute(
                    HTTPRequest(
                        url: url(ports), headers: [HTTPHeader("X-Request-Id", "req-42")]))
                #expect(response.status == 200)
                #expect(response.header("content-type")?.hasPrefix("application/json") == true)
                #expect(response.header("x-request-id") == "req-42")
                let body = String(decoding: response.body, as: UTF8.self)
                #expect(body.contains("568974"))
            }
        }
    }

    @Test func keepAliveConnectionsAreReused() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            try await withCurlClient { client in
                var newConnections = 0
                for _ in 0..<20 {
                    let response = try await client.execute(HTTPRequest(url: url(ports)))
                    #expect(response.status == 200)
                    newConnections += response.newConnections
                }
                #expect(newConnections == 1)
                #expect(simulator.statistics(for: Self.gent).connectionsAccepted == 1)
                #expect(simulator.statistics(for: Self.gent).requestsServed == 20)
            }
        }
    }

    @Test func deadlineEndsAHungTransfer() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            simulator.setFault(Fault(mode: .hang), for: Self.gent)
            try await withCurlClient { client in
                let start = ContinuousClock.now
                let error = await #expect(throws: CurlClientError.self) {
                    _ = try await client.execute(
                        HTTPRequest(url: url(ports), totalTimeoutMs: 600_000),
                        deadline: .now + .milliseconds(300))
                }
                #expect(error?.kind == .timedOut)
                // The deadline, not the 10 min total timeout, ended it. The bound is far from both
                // so that a machine under heavy load cannot make the test lie either way.
                #expect(start.duration(to: .now) < .seconds(120))
            }
        }
    }

    @Test func totalTimeoutEndsAHungTransfer() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            simulator.setFault(Fault(mode: .hang), for: Self.gent)
            try await withCurlClient { client in
                let error = await #expect(throws: CurlClientError.self) {
                    _ = try await client.execute(HTTPRequest(url: url(ports), totalTimeoutMs: 200))
                }
                #expect(error?.kind == .timedOut)
            }
        }
    }

    @Test func cancellationRemovesTheTransferAtOnce() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            simulator.setFault(Fault(mode: .hang), for: Self.gent)
            try await withCurlClient { client in
                let task = Task {
                    try await client.execute(HTTPRequest(url: url(ports), totalTimeoutMs: 600_000))
                }
                try await Task.sleep(for: .milliseconds(100))
                let start = ContinuousClock.now
                task.cancel()
                let result = await task.result
                // Cancellation, not the 10 min total timeout, ended it (bound far from both).
                #expect(start.duration(to: .now) < .seconds(120))
                #expect(throws: CurlClientError.cancelled) { try result.get() }

                // The client is still healthy afterwards.
                simulator.setFault(.none, for: Self.gent)
                let healthy = try await client.execute(HTTPRequest(url: url(ports)))
                #expect(healthy.status == 200)
            }
        }
    }

    @Test func alreadyCancelledTaskNeverStartsATransfer() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            try await withCurlClient { client in
                let task = Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await client.execute(HTTPRequest(url: url(ports)))
                }
                await #expect(throws: CurlClientError.cancelled) { try await task.value }
                #expect(simulator.statistics(for: Self.gent).requestsServed == 0)
            }
        }
    }

    @Test func responseSizeCapAbortsTheTransfer() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            try await withCurlClient { client in
                let error = await #expect(throws: CurlClientError.self) {
                    _ = try await client.execute(HTTPRequest(url: url(ports), maxResponseBytes: 64))
                }
                #expect(error?.kind == .responseTooLarge)
                // Under the cap the same request succeeds.
                let underCap = try await client.execute(HTTPRequest(url: url(ports), maxResponseBytes: 1 << 20))
                #expect(underCap.status == 200)
            }
        }
    }

    @Test func refusedConnectionIsAConnectFailure() async throws {
        try await withCurlClient { client in
            // Port 1 on loopback: nothing listens there.
            let error = await #expect(throws: CurlClientError.self) {
                _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:1/", connectTimeoutMs: 500))
            }
            #expect(error?.kind == .connectFailed)
        }
    }

    @Test func resetConnectionIsAConnectionLoss() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            simulator.setFault(Fault(mode: .reset), for: Self.gent)
            try await withCurlClient { client in
                let error = await #expect(throws: CurlClientError.self) {
                    _ = try await client.execute(HTTPRequest(url: url(ports)))
                }
                #expect(error?.kind == .connectionLost)
            }
        }
    }

    @Test func requestBodyAndMethodAreSent() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            try await withCurlClient { client in
                // The simulator answers 404 to unknown routes: what matters is that a POST with a
                // body goes out and a complete response comes back on the same client.
                let response = try await client.execute(
                    HTTPRequest(
                        method: .post, url: url(ports, "/api/v2/unknown"), body: Array("{}".utf8)))
                #expect(response.status == 404)
            }
        }
    }

    @Test func clientRefusesWorkAfterShutdown() async throws {
        let client = try await withCurlClient { $0 }
        let error = await #expect(throws: CurlClientError.self) {
            _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.kind == .shutdown)
    }
}

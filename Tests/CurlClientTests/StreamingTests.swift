import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// Streamed responses: head first, then the body chunk by chunk, the same bytes as buffered.
@Suite struct StreamingTests {
    @Test func streamedBodyEqualsTheBufferedOne() async throws {
        try await withSimulator([("gent", .v2)]) { _, ports in
            try await withCurlClient { client in
                let url = "http://127.0.0.1:\(ports[TenantID("gent")!] ?? 0)/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/trajectories"
                let buffered = try await client.execute(HTTPRequest(url: url))
                let streamed = try await client.stream(HTTPRequest(url: url))
                #expect(streamed.status == 200)
                #expect(streamed.header("content-type")?.hasPrefix("application/json") == true)
                var bytes: [UInt8] = []
                for try await chunk in streamed.body { bytes += chunk }
                #expect(bytes == buffered.body)
            }
        }
    }

    @Test func slowBackendStreamsAsItArrives() async throws {
        try await withSimulator([("gent", .v2)]) { simulator, ports in
            simulator.setFault(Fault(mode: .trickle, trickleBytesPerSecond: 2_000), for: TenantID("gent")!)
            try await withCurlClient { client in
                let url = "http://127.0.0.1:\(ports[TenantID("gent")!] ?? 0)/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/debts"
                let streamed = try await client.stream(HTTPRequest(url: url, totalTimeoutMs: 30_000))
                var chunks = 0
                var total = 0
                for try await chunk in streamed.body {
                    chunks += 1
                    total += chunk.count
                }
                #expect(total > 0)
                #expect(chunks > 1, "a trickled body arrives in pieces, each passed on as it comes")
            }
        }
    }

    @Test func failureBeforeTheHeadIsThrown() async throws {
        _ = try await withCurlClient { client in
            await #expect(throws: CurlClientError.self) {
                _ = try await client.stream(HTTPRequest(url: "http://127.0.0.1:1/", connectTimeoutMs: 300))
            }
        }
    }
}

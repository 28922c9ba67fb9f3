import Foundation
import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Fault injection over the wire")
struct FaultInjectionTests {
    static let citizenPath = "/api/v2/citizens/\(DemoCitizens.wireframeINSZ)"

    /// Runs `body` against a simulator whose gent backend (v2) has `fault`; bonheiden stays healthy.
    func withFault(_ fault: Fault, _ body: (NewSocialSimulator, Int, Int) async throws -> Void) async throws {
        try await Fixture.withSimulator { simulator, ports in
            simulator.setFault(fault, for: Fixture.gent)
            try await body(simulator, ports[port: Fixture.gent], ports[port: Fixture.bonheiden])
        }
    }

    func elapsedMs(_ work: () throws -> Void) rethrows -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        let elapsed = clock.now - start
        return Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    @Test("hang: the request is read, never answered, the connection stays open")
    func hang() async throws {
        try await withFault(Fault(mode: .hang)) { simulator, gent, bonheiden in
            let connection = try RawHTTPConnection(port: gent, timeoutMs: 300)
            #expect(throws: RawHTTPError.timeout) { try connection.get(Self.citizenPath) }
            #expect(simulator.statistics(for: Fixture.gent).requestsServed == 1)
            #expect(simulator.statistics(for: Fixture.gent).connectionsOpen == 1)
            // Another tenant is not affected.
            #expect(try RawHTTPConnection(port: bonheiden).get("/nsapi/v1/dossiers/\(DemoCitizens.twoOCMWINSZ)").status == 200)
        }
    }

    @Test("a hung request stays in flight until its connection closes; the peak is kept")
    func inFlightCounting() async throws {
        try await withFault(Fault(mode: .hang)) { simulator, gent, _ in
            var connections: [RawHTTPConnection] = []
            for _ in 0..<3 {
                let connection = try RawHTTPConnection(port: gent, timeoutMs: 100)
                #expect(throws: RawHTTPError.timeout) { try connection.get(Self.citizenPath) }
                connections.append(connection)
            }
            #expect(simulator.statistics(for: Fixture.gent).requestsInFlight == 3)
            connections.removeAll()
            for _ in 0..<1_500 where simulator.statistics(for: Fixture.gent).requestsInFlight > 0 {
                try await Task.sleep(for: .milliseconds(20))
            }
            let statistics = simulator.statistics(for: Fixture.gent)
            #expect(statistics.requestsInFlight == 0)
            #expect(statistics.peakRequestsInFlight == 3)
            #expect(statistics.requestsServed == 3)
        }
    }

    @Test("answered requests leave the in-flight count")
    func answeredRequestsLeaveFlight() async throws {
        try await withFault(.none) { simulator, gent, _ in
            let connection = try RawHTTPConnection(port: gent)
            for _ in 0..<3 { #expect(try connection.get(Self.citizenPath).status == 200) }
            let statistics = simulator.statistics(for: Fixture.gent)
            #expect(statistics.requestsInFlight == 0)
            #expect(statistics.peakRequestsInFlight == 1, "one keep-alive connection: one request at a time")
        }
    }

    @Test("otherCitizen: the answer is about another citizen the backend knows")
    func otherCitizen() async throws {
        try await withFault(Fault(mode: .otherCitizen)) { _, gent, _ in
            let response = try RawHTTPConnection(port: gent).get(Self.citizenPath)
            #expect(response.status == 200)
            #expect(!response.body.contains(DemoCitizens.wireframeINSZ))
            let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
            let reported = try #require(object?["insz"] as? String)
            #expect(reported != DemoCitizens.wireframeINSZ)
            #expect(reported.count == 11)
        }
    }

    @Test("reset: the connection is reset")
    func reset() async throws {
        try await withFault(Fault(mode: .reset)) { _, gent, _ in
            let connection = try RawHTTPConnection(port: gent)
            #expect(throws: RawHTTPError.reset) { try connection.get(Self.citizenPath) }
        }
    }

    @Test("garbage: 200 with a body that is not JSON")
    func garbage() async throws {
        try await withFault(Fault(mode: .garbage)) { _, gent, _ in
            let response = try RawHTTPConnection(port: gent).get(Self.citizenPath)
            #expect(response.status == 200)
            #expect(!response.body.isEmpty)
            #expect((try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) == nil)
        }
    }

    @Test("trickle: slow but complete")
    func trickle() async throws {
        try await withFault(Fault(mode: .trickle, trickleBytesPerSecond: 400)) { _, gent, _ in
            var response: RawResponse?
            let ms = try elapsedMs { response = try RawHTTPConnection(port: gent).get(Self.citizenPath) }
            #expect(response?.body == WireframeBodiesTests.v2Citizen)
            // 87 bytes at 400 B/s: about 220 ms at least (how much more is the machine's business).
            #expect(ms >= 150)
        }
    }

    @Test("latency: the answer comes late but right")
    func latency() async throws {
        try await withFault(Fault(latencyMs: 250)) { _, gent, _ in
            var response: RawResponse?
            let ms = try elapsedMs { response = try RawHTTPConnection(port: gent).get(Self.citizenPath) }
            #expect(response?.status == 200)
            #expect(ms >= 250)
        }
    }

    @Test("errorRate 1: every request gets a 500 with a JSON body")
    func errorRate() async throws {
        try await withFault(Fault(errorRate: 1)) { _, gent, _ in
            let connection = try RawHTTPConnection(port: gent)
            for _ in 0..<3 {
                let response = try connection.get(Self.citizenPath)
                #expect(response.status == 500)
                #expect(response.body == #"{"error":"simulated failure"}"#)
            }
        }
    }

    @Test("errorRate 0.5 fails some requests and not others")
    func partialErrorRate() async throws {
        try await withFault(Fault(errorRate: 0.5)) { _, gent, _ in
            let connection = try RawHTTPConnection(port: gent)
            let statuses = try (0..<40).map { _ in try connection.get(Self.citizenPath).status }
            #expect(statuses.contains(500) && statuses.contains(200))
        }
    }

    @Test("a fault can be lifted at runtime")
    func heal() async throws {
        try await withFault(Fault(mode: .garbage)) { simulator, gent, _ in
            let connection = try RawHTTPConnection(port: gent)
            #expect(try connection.get(Self.citizenPath).body != WireframeBodiesTests.v2Citizen)
            simulator.setFault(.none, for: Fixture.gent)
            #expect(simulator.fault(for: Fixture.gent) == .none)
            #expect(try connection.get(Self.citizenPath).body == WireframeBodiesTests.v2Citizen)
        }
    }
}

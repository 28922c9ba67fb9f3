import Foundation
import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Connections, lifecycle and admin")
struct ConnectionTests {
    @Test("keep-alive: three requests on one connection count one connection")
    func keepAlive() async throws {
        try await Fixture.withSimulator { simulator, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            for _ in 0..<3 {
                let response = try connection.get("/api/v2/citizens/\(DemoCitizens.wireframeINSZ)")
                #expect(response.status == 200 && response.headers["connection"] == "keep-alive")
            }
            let second = try RawHTTPConnection(port: ports[port: Fixture.gent])
            _ = try second.get("/api/v2/citizens/\(DemoCitizens.wireframeINSZ)", keepAlive: false)
            let statistics = simulator.statistics(for: Fixture.gent)
            #expect(statistics.connectionsAccepted == 2)
            #expect(statistics.requestsServed == 4)
            #expect(simulator.statistics(for: Fixture.bonheiden) == BackendStatistics())
        }
    }

    @Test("Connection: close is honoured")
    func connectionClose() async throws {
        try await Fixture.withSimulator { _, ports in
            let connection = try RawHTTPConnection(port: ports[port: Fixture.gent])
            let response = try connection.get("/api/v2/citizens/\(DemoCitizens.wireframeINSZ)", keepAlive: false)
            #expect(response.headers["connection"] == "close")
            #expect(throws: RawHTTPError.closed) { try connection.readUntilClosed() }
        }
    }

    @Test("each backend gets its own ephemeral port; stop closes them and hung connections")
    func lifecycle() async throws {
        let simulator = NewSocialSimulator(
            backends: [SimulatedBackend(tenant: Fixture.gent, dialect: .v2), SimulatedBackend(tenant: Fixture.leuven, dialect: .v2)],
            dataset: Fixture.dataset)
        let ports = try await simulator.start()
        #expect(ports.count == 2 && Set(ports.values).count == 2 && !ports.values.contains(0))
        #expect(simulator.boundPorts == ports)
        await #expect(throws: SimulatorError.self) { try await simulator.start() }
        simulator.setFault(Fault(mode: .hang), for: Fixture.gent)
        let hung = try RawHTTPConnection(port: ports[port: Fixture.gent], timeoutMs: 1_500)
        try await simulator.stop()
        try await simulator.stop()
        #expect(throws: RawHTTPError.self) { try hung.get("/api/v2/citizens/\(DemoCitizens.wireframeINSZ)") }
        #expect(throws: RawHTTPError.self) { try RawHTTPConnection(port: ports[port: Fixture.leuven]) }
    }

    @Test("admin: read, set and clear faults; read statistics")
    func admin() async throws {
        try await Fixture.withSimulator(adminPort: 0) { simulator, ports in
            let adminPort = try #require(simulator.boundAdminPort)
            let admin = try RawHTTPConnection(port: adminPort)
            let put = try admin.request(method: "PUT", path: "/faults/gent", body: #"{"mode":"garbage","latencyMs":5}"#)
            #expect(put.status == 200)
            #expect(simulator.fault(for: Fixture.gent) == Fault(latencyMs: 5, mode: .garbage))
            let all = try JSONDecoder().decode([String: Fault].self, from: Data(admin.get("/faults").body.utf8))
            #expect(all == ["gent": Fault(latencyMs: 5, mode: .garbage), "bonheiden": .none])
            #expect(try admin.request(method: "PUT", path: "/faults/gent", body: #"{"mode":"boom"}"#).status == 400)
            #expect(try admin.request(method: "PUT", path: "/faults/leuven", body: "{}").status == 404)
            #expect(try admin.request(method: "DELETE", path: "/faults/gent").status == 200)
            #expect(simulator.fault(for: Fixture.gent) == .none)
            _ = try RawHTTPConnection(port: ports[port: Fixture.gent]).get("/api/v2/citizens/\(DemoCitizens.wireframeINSZ)")
            let stats = try JSONDecoder().decode([String: BackendStatistics].self, from: Data(admin.get("/stats").body.utf8))
            #expect(stats["gent"]?.requestsServed == 1 && stats["gent"]?.connectionsAccepted == 1)
        }
    }

    @Test("backends from a tenant registry take the port of each baseURL")
    func backendsFromRegistry() throws {
        func entry(_ id: String, _ kbo: String, _ url: String, _ dialect: String, _ state: String) -> TenantsDocument.TenantEntry {
            TenantsDocument.TenantEntry(
                id: id, kbo: kbo, name: "OCMW \(id)", postalCodes: ["9000"],
                backend: .init(baseURL: url, dialect: dialect, credentials: ["env": "KEY_\(id.uppercased())"]),
                categoriesOfHelp: [.init(code: "LL", label: "Leefloon")], certificateTypes: [], state: state)
        }
        let registry = try TenantRegistry(
            validating: TenantsDocument(tenants: [
                entry("gent", "0212.214.125", "http://127.0.0.1:9101", "v2", "active"),
                entry("bonheiden", "0212.295.386", "http://127.0.0.1:9102", "v1", "onboarding"),
            ]))
        #expect(
            SimulatedBackend.backends(from: registry) == [
                SimulatedBackend(tenant: Fixture.gent, dialect: .v2, port: 9101),
                SimulatedBackend(tenant: Fixture.bonheiden, dialect: .v1, port: 9102),
            ])
    }
}

import Foundation
import NewSocialSimulator
import OCMWCore
import Synchronization
import Testing

@testable import LoadTest

@Suite("Traffic: the mix, the citizens and the requests drawn from them")
struct TrafficTests {
    @Test("A uniform draw maps to endpoints in proportion to their weights")
    func mix() {
        let mix = TrafficMix([.dossier: 3, .debts: 1, .payments: 0])
        #expect(mix.endpoint(forDraw: 0) == .dossier)
        #expect(mix.endpoint(forDraw: 0.74) == .dossier)
        #expect(mix.endpoint(forDraw: 0.75) == .debts)
        #expect(mix.endpoint(forDraw: 0.999) == .debts)
        #expect(mix.shares == [.dossier: 0.75, .debts: 0.25])
    }

    @Test("The pool holds the demo's citizens with the tenants of their records")
    func pool() throws {
        let registry = try Repository.registry()
        let dataset = Dataset.generate(seed: 42, tenants: registry.tenants.map(\.id), citizens: 300)
        let pool = CitizenPool(dataset: dataset, registry: registry)
        #expect(pool.people.count == dataset.citizens.count)
        let twoOCMW = try #require(pool.people.first { $0.insz == DemoCitizens.twoOCMWINSZ })
        #expect(twoOCMW.tenants == [.id("gent"), .id("bonheiden")])
        // Bonheiden speaks v1: no certificate documents or requests go there.
        #expect(!pool.downloads.isEmpty)
        #expect(pool.downloads.allSatisfy { $0.tenant != .id("bonheiden") })
        #expect(pool.certificateSubmitters.allSatisfy { $0.desk.tenant != .id("bonheiden") })
        // Oostende is onboarding: its citizens are read, but nothing is submitted to it.
        #expect(pool.people.contains { $0.tenants.contains(.id("oostende")) })
        #expect(pool.requestSubmitters.allSatisfy { $0.desk.tenant != .id("oostende") })
    }

    @Test("A pool of one OCMW's citizens holds only citizens whose every record is there")
    func poolOfOneOCMW() throws {
        let registry = try Repository.registry()
        let dataset = Dataset.generate(seed: 42, tenants: registry.tenants.map(\.id), citizens: 300)
        let pool = CitizenPool(dataset: dataset, registry: registry, onlyAt: [.id("leuven")])
        #expect(!pool.people.isEmpty)
        #expect(pool.people.allSatisfy { $0.tenants.allSatisfy { $0 == .id("leuven") } })
        #expect(!pool.people.contains { $0.insz == DemoCitizens.twoOCMWINSZ })
    }

    @Test("Requests follow the mix and count under the right tenants")
    func planner() throws {
        let registry = try Repository.registry()
        let pool = CitizenPool(dataset: Dataset.generate(seed: 7, tenants: registry.tenants.map(\.id), citizens: 200), registry: registry)
        let keys = KeyCounter()
        var planner = RequestPlanner(
            pool: pool, mix: TrafficMix([.dossier: 1, .certificateDocument: 1, .submitRequest: 1, .submitCertificate: 1]),
            seed: 1, makeKey: { keys.next() })
        var seen: Set<Endpoint> = []
        var idempotencyKeys: [String] = []
        for _ in 0..<400 {
            let next = planner.next()
            let planned = try #require(next)
            seen.insert(planned.endpoint)
            switch planned.endpoint {
            case .dossier:
                let insz = planned.path.split(separator: "/")[2]
                let person = try #require(pool.people.first { $0.insz == insz })
                #expect(planned.tenants == person.tenants)
                #expect(planned.method == .get && planned.path.hasSuffix("/dossier"))
            case .certificateDocument:
                #expect(planned.tenants.count == 1)
                #expect(planned.path.contains("/certificates/\(planned.tenants[0])/"))
            case .submitRequest, .submitCertificate:
                #expect(planned.method == .post)
                #expect(planned.tenants.count == 1)
                let body = String(decoding: planned.body ?? [], as: UTF8.self)
                #expect(body.contains(#""ocmw":"\#(planned.tenants[0])""#))
                idempotencyKeys.append(try #require(planned.idempotencyKey))
            default:
                Issue.record("endpoint outside the mix: \(planned.endpoint)")
            }
        }
        #expect(seen == [.dossier, .certificateDocument, .submitRequest, .submitCertificate])
        #expect(Set(idempotencyKeys).count == idempotencyKeys.count)
        let last = planner.next()
        let request = try #require(last).httpRequest(baseURL: "http://proxy", token: "t", timeoutMs: 1_234)
        #expect(request.url.hasPrefix("http://proxy/v1/citizens/"))
        #expect(request.headers.contains(.init("Authorization", "Bearer t")))
        #expect(request.totalTimeoutMs == 1_234)
    }

    @Test("The same seed draws the same traffic")
    func repeatable() throws {
        let registry = try Repository.registry()
        let pool = CitizenPool(dataset: Dataset.generate(seed: 7, tenants: registry.tenants.map(\.id), citizens: 50), registry: registry)
        var first = RequestPlanner(pool: pool, mix: TrafficMix([.dossier: 2, .debts: 1]), seed: 9)
        var second = RequestPlanner(pool: pool, mix: TrafficMix([.dossier: 2, .debts: 1]), seed: 9)
        for _ in 0..<50 { #expect(first.next() == second.next()) }
    }

    @Test("Onboarding rewrites only the tenant's state; a demo copy moves the backends' ports")
    func tenantsFile() throws {
        let shipped = try Repository.data("tenants.json")
        let activated = try TenantsFileEditor.activating(.id("oostende"), in: shipped)
        let registry = try TenantRegistry(jsonData: activated)
        #expect(registry.tenant(.id("oostende"))?.state == .active)
        #expect(registry.tenants.count == (try Repository.registry()).tenants.count)
        #expect(throws: TenantsFileEditor.Failure.self) { try TenantsFileEditor.activating(.id("nowhere"), in: shipped) }

        let moved = try TenantRegistry(jsonData: TenantsFileEditor.movingBackends(in: shipped, basePort: 29_100))
        #expect(moved.tenants.map(\.backend.baseURL).prefix(2) == ["http://127.0.0.1:29101", "http://127.0.0.1:29102"])
        #expect(moved.tenants.map(\.id) == (try Repository.registry()).tenants.map(\.id))
    }
}

/// Deterministic idempotency keys for the tests.
final class KeyCounter: Sendable {
    private let counter = Mutex(0)
    func next() -> String {
        counter.withLock {
            $0 += 1
            return "key-\($0)"
        }
    }
}

import CurlClient
import Logging
import NewSocialSimulator
import OCMWCore
import Testing

@testable import LoadTest

@Suite("Load runner: every scheduled request is sent and recorded; actions reach the simulator")
struct LoadRunnerTests {
    @Test("A short run against simulated OCMWs records each request and carries out its fault action")
    func shortRun() async throws {
        let registry = try Repository.registry()
        let dataset = Dataset.generate(seed: 3, tenants: registry.tenants.map(\.id), citizens: 30)
        let simulator = NewSocialSimulator(
            backends: [
                SimulatedBackend(tenant: .id("gent"), dialect: .v2, port: 0),
                SimulatedBackend(tenant: .id("bonheiden"), dialect: .v1, port: 0),
            ],
            dataset: dataset, adminPort: 0,
            logger: Logger(label: "test.sim", factory: { _ in SwiftLogNoOpLogHandler() }))
        let ports = try await simulator.start()
        let gentPort = try #require(ports[.id("gent")])
        let adminPort = try #require(simulator.boundAdminPort)

        var steps = scenario(rate: 40, duration: 0.5, warmup: 0.25, mix: [.dossier: 1, .debts: 1])
        steps.actions = [ScenarioAction(atSeconds: 0.1, kind: .fault(.id("bonheiden"), Fault(mode: .hang)))]
        let client = CurlClient(logger: Logger(label: "test.curl", factory: { _ in SwiftLogNoOpLogHandler() }))
        let result = await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await client.run() }
            defer { group.cancelAll() }
            // The simulator is not a proxy: it answers the proxy's paths with 404, which is all
            // this test needs to see every request go out and come back.
            let target = LoadTarget(
                proxyURL: "http://127.0.0.1:\(gentPort)/", token: "t",
                simulatorAdminURL: "http://127.0.0.1:\(adminPort)")
            let runner = LoadRunner(
                scenario: steps, pool: CitizenPool(dataset: dataset, registry: registry), target: target,
                client: client, progress: { _ in })
            return await runner.run()
        }
        try await simulator.stop()
        let schedule = ArrivalSchedule(steps)
        #expect(result.book.overall.count == schedule.measuredCount)
        #expect(result.book.unmeasured == schedule.totalCount - schedule.measuredCount)
        #expect(result.book.overall.outcomes == [.clientError: schedule.measuredCount])
        #expect(result.book.endpoints.keys.allSatisfy { [.dossier, .debts].contains($0) })
        #expect(result.actions == [Report.Action(atSeconds: 0.1, label: "fault bonheiden hang", result: "ok")])
        #expect(simulator.fault(for: .id("bonheiden")).mode == .hang)
    }

    @Test("An action without its admin URL is skipped, visibly")
    func skippedAction() async throws {
        let client = CurlClient(logger: Logger(label: "test.curl", factory: { _ in SwiftLogNoOpLogHandler() }))
        let performer = ActionPerformer(target: LoadTarget(proxyURL: "http://127.0.0.1:9", token: "t"), client: client)
        #expect(await performer.perform(.reload).hasPrefix("skipped"))
        #expect(await performer.perform(.heal(.id("gent"))).hasPrefix("skipped"))
    }
}

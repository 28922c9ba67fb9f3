import Foundation
import NewSocialSimulator
import OCMWCore

@testable import LoadTest

/// The repository's files the tests read (the shipped tenants file and scenarios).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    static func registry() throws -> TenantRegistry { try TenantRegistry(jsonData: data("tenants.json")) }

    static var scenarioFiles: [String] {
        let directory = root.appendingPathComponent("loadtest/scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }
}

extension TenantID {
    static func id(_ raw: String) -> TenantID {
        guard let id = TenantID(raw) else { preconditionFailure("bad test tenant id \(raw)") }
        return id
    }
}

func scenario(
    rate: Double = 4, duration: Double = 1, warmup: Double = 0, settle: Double = 0,
    mix: [Endpoint: Double] = [.dossier: 1]
) -> Scenario {
    Scenario(
        name: "test", warmupSeconds: warmup, phases: [.init(name: "p", rate: rate, durationSeconds: duration, settleSeconds: settle)],
        mix: mix)
}

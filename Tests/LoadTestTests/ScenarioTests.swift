import Foundation
import Testing

@testable import LoadTest

@Suite("Scenario files: decoding and validation")
struct ScenarioTests {
    @Test("Every shipped scenario decodes and validates", arguments: Repository.scenarioFiles)
    func shipped(name: String) throws {
        let scenario = try Scenario(jsonData: Repository.data("loadtest/scenarios/\(name)"))
        #expect(scenario.name + ".json" == name)
        #expect(!scenario.phases.isEmpty)
    }

    @Test("The six scenarios are shipped")
    func allShipped() {
        #expect(
            Repository.scenarioFiles == [
                "knee.json", "onboarding.json", "reload.json", "sick-tenant.json", "smoke.json", "tenants-300.json",
            ])
    }

    @Test("Defaults, phase names and actions are decoded")
    func decoding() throws {
        let json = """
            {"name": "x", "phases": [{"rate": 50, "durationSeconds": 10}, {"name": "fast", "rate": 2.5, "durationSeconds": 5}],
             "mix": {"dossier": 3, "submitCertificate": 1},
             "actions": [{"at": 1, "action": "fault", "tenant": "bonheiden", "fault": {"mode": "hang"}},
                         {"at": 2, "action": "reload", "every": 1, "until": 4},
                         {"at": 3, "action": "activate", "tenant": "oostende"}]}
            """
        let scenario = try Scenario(jsonData: Data(json.utf8))
        #expect(scenario.phases.map(\.name) == ["50/s", "fast"])
        #expect(scenario.mix == [.dossier: 3, .submitCertificate: 1])
        #expect(scenario.maxOutstanding == 256)
        #expect(scenario.seed == 42)
        #expect(scenario.runSeconds == 15)
        #expect(scenario.actions.map(\.label) == ["fault bonheiden hang", "reload", "activate oostende"])
        #expect(scenario.actions[1].moments(runSeconds: scenario.runSeconds) == [2, 3, 4])
    }

    @Test("Every validation problem is reported at once")
    func validation() {
        let json = """
            {"name": "x", "phases": [{"rate": 0, "durationSeconds": 10}, {"rate": 5, "durationSeconds": -1}],
             "mix": {"dossier": 0}, "maxOutstanding": 0, "actions": [{"at": 99, "action": "reload"}]}
            """
        #expect {
            try Scenario(jsonData: Data(json.utf8))
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.problems == [
                "phases[0].rate: must be in (0, 100000]",
                "phases[1].durationSeconds: must be greater than 0",
                "phases[1].settleSeconds: must be at least 0 and shorter than the phase",
                "mix: at least one endpoint needs a positive weight",
                "maxOutstanding: must be at least 1",
                "actions[0].at: must be within the run (0…9.0 s)",
            ]
        }
    }

    @Test(
        "Decoding errors name the place",
        arguments: [
            (#"{"phases": [], "mix": {}}"#, "name: is required"),
            (#"{"name": "x", "phases": [{"rate": 1}], "mix": {"dossier": 1}}"#, "phases[0].durationSeconds: is required"),
            (
                #"{"name": "x", "phases": [{"rate": 1, "durationSeconds": 1}], "mix": {"everything": 1}}"#,
                "mix: unknown endpoint everything"
            ),
            (
                #"{"name": "x", "phases": [{"rate": 1, "durationSeconds": 1}], "mix": {"dossier": 1}, "actions": [{"at": 0, "action": "explode"}]}"#,
                "actions[0].action: unknown action explode"
            ),
            ("not json", "not JSON"),
        ])
    func decodingErrors(json: String, expected: String) {
        #expect {
            try Scenario(jsonData: Data(json.utf8))
        } throws: { error in
            guard let error = error as? ScenarioError, error.problems.count == 1 else { return false }
            return error.problems[0].hasPrefix(expected)
        }
    }
}

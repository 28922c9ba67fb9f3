import Foundation
import Testing

@testable import NewSocialSimulator

@Suite("Fault specifications")
struct FaultSpecTests {
    @Test(
        "command-line specs parse",
        arguments: [
            ("hang", Fault(mode: .hang)),
            ("reset", Fault(mode: .reset)),
            ("garbage", Fault(mode: .garbage)),
            ("otherCitizen", Fault(mode: .otherCitizen)),
            ("none", Fault.none),
            ("trickle", Fault(mode: .trickle)),
            ("trickle:32", Fault(mode: .trickle, trickleBytesPerSecond: 32)),
            ("latency:200", Fault(latencyMs: 200)),
            ("latency:200,errors:0.25", Fault(latencyMs: 200, errorRate: 0.25)),
            ("errors:1,garbage", Fault(errorRate: 1, mode: .garbage)),
        ])
    func parses(spec: String, expected: Fault) {
        #expect(Fault(spec: spec) == expected)
    }

    @Test("bad specs are rejected", arguments: ["", "sleep", "latency", "latency:-1", "errors:2", "trickle:0", "hang:3", "latency:"])
    func rejects(spec: String) {
        #expect(Fault(spec: spec) == nil)
    }

    @Test("a partial JSON fault fills in the defaults")
    func partialJSON() throws {
        let fault = try JSONDecoder().decode(Fault.self, from: Data(#"{"mode":"trickle","trickleBytesPerSecond":10}"#.utf8))
        #expect(fault == Fault(mode: .trickle, trickleBytesPerSecond: 10))
        let empty = try JSONDecoder().decode(Fault.self, from: Data("{}".utf8))
        #expect(empty == .none)
    }

    @Test("an unknown mode is a decoding error")
    func unknownMode() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Fault.self, from: Data(#"{"mode":"explode"}"#.utf8)) }
    }
}

import OCMWCore
import Testing

/// Finding a national number inside a text the proxy did not write (a caller's request id).
@Suite struct INSZScanningTests {
    @Test(arguments: [
        "rid-90031204551", "90031204551", "90.03.12-045.51", "x85073003328y", "trace-185073003328",
        "85073003328-1", "id 1.85073003328",
    ])
    func aNumberPassingTheChecksIsFound(text: String) {
        #expect(INSZ.isContained(in: text))
    }

    @Test(arguments: [
        "", "rid-12345", "90031204552", "9003120455", "trace-00000000000", "550e8400-e29b-41d4-a716-446655440000",
        "90..03.12-045.51", "9003a1204551",
    ])
    func aTextWithoutOneIsLeftAlone(text: String) {
        #expect(!INSZ.isContained(in: text))
    }
}

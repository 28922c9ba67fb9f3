import RoutingImport
import Testing

@Suite("Import progress line")
struct ImportProgressLineTests {
    @Test(
        "Bar, percentage, counts and rate",
        arguments: [
            (520_000, 1_000_000 as Int?, 2.0, "[##########----------]  52% 520000/1000000 rows, 260000 rows/s"),
            (0, 10 as Int?, 0.0, "[--------------------]   0% 0/10 rows, 0 rows/s"),
            (10, 10 as Int?, 1.0, "[####################] 100% 10/10 rows, 10 rows/s"),
            (12, nil as Int?, 4.0, "12 rows, 3 rows/s"),
        ])
    func rendering(processed: Int, total: Int?, seconds: Double, expected: String) {
        #expect(ImportProgressLine.render(processed: processed, total: total, elapsedSeconds: seconds) == expected)
    }
}

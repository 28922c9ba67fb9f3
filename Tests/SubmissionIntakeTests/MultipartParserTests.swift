import OCMWCore
import Testing

@testable import SubmissionIntake

@Suite struct MultipartParserTests {
    let body = Fixtures.body([
        ("request", nil, Array("{\"a\":1}".utf8)), ("file", "brief.pdf", Fixtures.pdf),
        ("file", "foto.png", Fixtures.png),
    ])

    @Test func parsesPartsWithNamesFilenamesAndContent() throws {
        let events = try Fixtures.parse(body, chunkSizes: [])
        #expect(
            events == [
                .partStarted(name: "request", filename: nil, declaredContentType: nil), .partData(Array("{\"a\":1}".utf8)), .partEnded,
                .partStarted(name: "file", filename: "brief.pdf", declaredContentType: "application/pdf"),
                .partData(Fixtures.pdf), .partEnded,
                .partStarted(name: "file", filename: "foto.png", declaredContentType: "application/pdf"),
                .partData(Fixtures.png), .partEnded,
            ])
    }

    @Test(arguments: [1, 2, 3, 7, 13, 64, 1000])
    func sameEventsForEveryFixedChunkSize(size: Int) throws {
        #expect(
            try Fixtures.parse(body, chunkSizes: Array(repeating: size, count: body.count))
                == Fixtures.parse(body, chunkSizes: []))
    }

    @Test(arguments: [1, 42, 4711])
    func sameEventsForRandomChunkSizes(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let sizes = (0..<body.count).map { _ in Int.random(in: 1...40, using: &generator) }
        #expect(try Fixtures.parse(body, chunkSizes: sizes) == Fixtures.parse(body, chunkSizes: []))
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("Multipart/Form-Data; charset=utf-8; boundary=\"a b'c\"", "a b'c"),
    ])
    func boundaryFromContentType(header: String, expected: String) throws {
        #expect(try MultipartParser.boundary(fromContentType: header) == expected)
    }

    @Test(arguments: [
        "application/json", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\(String(repeating: "x", count: 71))",
        "multipart/form-data; boundary=a<b",
    ])
    func invalidContentTypesAreMalformed(header: String) {
        #expect { try MultipartParser.boundary(fromContentType: header) } throws: {
            ($0 as? IntakeError)?.kind == .malformed
        }
    }

    @Test(arguments: [
        "--\(Fixtures.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx",  // truncated
        "--\(Fixtures.boundary)\r\nContent-Type: text/plain\r\n\r\nx\r\n--\(Fixtures.boundary)--",  // no disposition
        "--\(Fixtures.boundary)\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--\(Fixtures.boundary)--",
        "--\(Fixtures.boundary)XX\r\n",
        "no boundary at all",
    ])
    func malformedBodiesAreRejected(text: String) {
        #expect { try Fixtures.parse(Array(text.utf8), chunkSizes: [3]) } throws: {
            ($0 as? IntakeError)?.kind == .malformed
        }
    }
}

import Testing

@testable import SubmissionIntake

@Suite struct LimitTests {
    static let b = Fixtures.boundary
    static let fileHead = Array("--\(b)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"\r\n\r\n".utf8)
    static let fieldHead = Array("--\(b)\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n".utf8)

    func limits(_ change: (inout IntakeLimits) -> Void) -> IntakeLimits {
        var limits = IntakeLimits.default
        change(&limits)
        return limits
    }

    @Test func fileTooLargeAtTheFirstByteOverTheLimit() throws {
        let body = Self.fileHead + Array(repeating: 0x41, count: 100) + Array("\r\n--\(Self.b)--".utf8)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxFileBytes = 10 }))
        #expect(failure.0 == Self.fileHead.count + 10)
        #expect(failure.1.kind == .tooLarge && failure.1.label == "fileTooLarge")
    }

    @Test func fileExactlyAtTheLimitPasses() throws {
        let body = Self.fileHead + Array(repeating: 0x41, count: 10) + Array("\r\n--\(Self.b)--".utf8)
        #expect(Fixtures.failingByte(body, limits: limits { $0.maxFileBytes = 10 }) == nil)
    }

    @Test func jsonPartTooLargeAtTheFirstByteOverTheLimit() throws {
        let body = Self.fieldHead + Array("{\"text\":\"0123456789\"}".utf8) + Array("\r\n--\(Self.b)--".utf8)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxFieldBytes = 5 }))
        #expect(failure.0 == Self.fieldHead.count + 5)
        #expect(failure.1.label == "fieldTooLarge")
    }

    @Test func totalTooLargeAtTheFirstByteOverTheLimit() throws {
        let body = Self.fileHead + Array(repeating: 0x41, count: 100)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxTotalBytes = 120 }))
        #expect(failure.0 == 120)
        #expect(failure.1.label == "bodyTooLarge")
    }

    @Test func headersTooLargeBeforeTheBlankLine() throws {
        let body = Array("--\(Self.b)\r\nContent-Disposition: form-data; name=\"\(String(repeating: "n", count: 200))\"\r\n\r\n".utf8)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxHeaderBytes = 64 }))
        #expect(failure.0 == "--\(Self.b)\r\n".utf8.count + 64)
        #expect(failure.1.label == "headersTooLarge")
    }

    @Test func tooManyFilesAtTheHeaderOfTheExtraFile() throws {
        let one = Self.fileHead + Fixtures.png + Array("\r\n".utf8)
        let body = one + one + Array("--\(Self.b)--".utf8)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxFiles = 1 }))
        #expect(failure.0 == one.count + Self.fileHead.count - 1)
        #expect(failure.1.label == "tooManyFiles")
    }

    @Test func tooManyParts() throws {
        let one = Self.fieldHead + Array("{}\r\n".utf8)
        let body = one + one + one + Array("--\(Self.b)--".utf8)
        let failure = try #require(Fixtures.failingByte(body, limits: limits { $0.maxParts = 2 }))
        #expect(failure.1.label == "tooManyParts")
    }

    @Test func aFailedParserStaysFailed() throws {
        var parser = MultipartParser(boundary: Self.b, limits: limits { $0.maxTotalBytes = 3 })
        #expect(throws: IntakeError.self) { _ = try parser.feed([1, 2, 3, 4]) }
        #expect(throws: IntakeError.self) { _ = try parser.feed([1]) }
        #expect(throws: IntakeError.self) { try parser.finish() }
    }
}

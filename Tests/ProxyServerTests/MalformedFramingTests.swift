import Foundation
import NewSocialSimulator
import ProxyTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Requests whose framing the HTTP parser cannot follow, sent byte for byte over a plain socket
/// (no client library would write them): each is the client's mistake, answered with a problem
/// and logged at info, never a 500 or an error line.
@Suite struct MalformedFramingTests {
    /// One raw HTTP/1.1 answer: status, headers (names lowercased) and body.
    struct RawAnswer {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    static func request(_ framing: String, body: String, token: String) -> String {
        "POST /v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer \(token)\r\nIdempotency-Key: framing-test\r\nContent-Type: application/json\r\n"
            + framing + "\r\n\r\n" + body
    }

    @Test(arguments: [
        ("Transfer-Encoding: xchunked", "5\r\nhello\r\n0\r\n\r\n", 400, "bad-request"),
        ("Transfer-Encoding: chunked, xchunked", "5\r\nhello\r\n0\r\n\r\n", 400, "bad-request"),
        ("Transfer-Encoding: chunked", "FFFFFFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n", 400, "bad-request"),
        ("Transfer-Encoding: chunked", "5x\r\nhello\r\n0\r\n\r\n", 400, "bad-request"),
        ("Content-Length: 5\r\nTransfer-Encoding: chunked", "5\r\nhello\r\n0\r\n\r\n", 400, "bad-request"),
        ("Transfer-Encoding: gzip, chunked", "5\r\nhello\r\n0\r\n\r\n", 501, "transfer-coding-not-implemented"),
    ])
    func malformedFramingIsAProblemLoggedAtInfo(framing: String, body: String, status: Int, type: String) async throws {
        let logs = LogCapture()
        try await withProxyAndSimulator(logs: logs) { client, simulator in
            let port = try #require(client.port)
            let answer = try Self.exchange(port: port, Self.request(framing, body: body, token: client.token))
            #expect(answer.status == status)
            #expect(answer.headers["content-type"] == "application/problem+json")
            #expect(answer.headers["connection"] == "close")
            #expect(answer.body.contains("urn:ocmw-proxy:problem:\(type)"))
            #expect(simulator.statistics(for: .init("gent")!).requestsServed == 0)
        }
        let records = logs.records
        #expect(records.allSatisfy { $0.level < .warning }, "no warning or error: \(records.filter { $0.level >= .warning }.map(\.line))")
        #expect(records.contains { $0.level == .info && $0.message == "malformed request" && $0.line.contains("status=\(status)") })
    }

    @Test func aMalformedRequestPipelinedAfterAGoodOneIsAnsweredAfterItAndTheConnectionClosed() async throws {
        try await withProxyAndSimulator { client, _ in
            let port = try #require(client.port)
            let good = "GET /v1/ocmws HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(client.token)\r\n\r\n"
            let bad = Self.request("Transfer-Encoding: xchunked", body: "5\r\nhello\r\n0\r\n\r\n", token: client.token)
            let answers = try Self.exchange(port: port, good + bad, untilClosed: true)
            #expect(answers.map(\.status) == [200, 400], "in the order of the requests, nothing after the problem")
            #expect(answers.last?.body.contains("urn:ocmw-proxy:problem:bad-request") == true)
        }
    }

    /// Writes `request` on a fresh connection and reads the first answer.
    static func exchange(port: Int, _ request: String) throws -> RawAnswer {
        try #require(try exchange(port: port, request, untilClosed: false).first)
    }

    /// Writes `request` on a fresh connection and reads the answers (head and `Content-Length`
    /// body): the first, or with `untilClosed` every one until the proxy closes the connection.
    /// Gives up after a minute of silence.
    static func exchange(port: Int, _ request: String, untilClosed: Bool) throws -> [RawAnswer] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { break }  // the proxy may close once it has answered
            sent += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while untilClosed || Self.parse(received[...]) == nil {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        var answers: [RawAnswer] = []
        var rest = received[...]
        while let (answer, used) = Self.parse(rest) {
            answers.append(answer)
            rest = rest.dropFirst(used)
        }
        #expect(!answers.isEmpty, "a complete answer: \(String(decoding: received, as: UTF8.self))")
        return answers
    }

    /// The first complete answer in `bytes` and how many bytes it took, or nil while it is
    /// incomplete.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (RawAnswer, Int)? {
        let separator = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[bytes.startIndex..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headEnd + separator.count
        guard bytes.endIndex - bodyStart >= length else { return nil }
        let body = String(decoding: bytes[bodyStart..<(bodyStart + length)], as: UTF8.self)
        return (RawAnswer(status: status, headers: headers, body: body), bodyStart + length - bytes.startIndex)
    }
}

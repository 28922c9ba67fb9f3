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

    /// Writes `request` on a fresh connection and reads the first answer (head and
    /// `Content-Length` body), giving up after a minute of silence.
    static func exchange(port: Int, _ request: String) throws -> RawAnswer {
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
            guard written > 0 else { break }  // the server may close once it has answered
            sent += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while Self.parse(received) == nil {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                print("DEBUG3 recv", count, errno)
                break
            }
            received += buffer[0..<count]
        }
        return try #require(Self.parse(received), "a complete answer: \(String(decoding: received, as: UTF8.self))")
    }

    /// The first complete answer in `bytes`, or nil while it is incomplete.
    static func parse(_ bytes: [UInt8]) -> RawAnswer? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let body = Array(text[end.upperBound...].utf8)
        guard body.count >= length else { return nil }
        return RawAnswer(status: status, headers: headers, body: String(decoding: body.prefix(length), as: UTF8.self))
    }
}

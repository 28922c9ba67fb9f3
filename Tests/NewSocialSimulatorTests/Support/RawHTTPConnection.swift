#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as read off the socket.
struct RawResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    /// The body as UTF-8 text.
    var body: String
    /// The body as received, for binary bodies.
    var bytes: [UInt8]
}

/// Why a raw exchange failed.
enum RawHTTPError: Error, Equatable {
    case timeout, reset, closed, malformed
    case system(Int32)
}

/// A blocking HTTP/1.1 client over one TCP connection, with a receive timeout, so tests can see
/// exactly what the server does (hang, reset, keep-alive) without a client library hiding it.
final class RawHTTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// - Parameter timeoutMs: How long a read may wait; generous by default, because a busy
    ///   machine must not turn a slow answer into a failed test. A test that expects no answer
    ///   (a hung backend) passes a short one.
    init(port: Int, timeoutMs: Int = 30_000) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.system(errno) }
        var timeout = timeval(tv_sec: timeoutMs / 1_000, tv_usec: (timeoutMs % 1_000) * 1_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw RawHTTPError.system(error)
        }
    }

    deinit { close(fd) }

    /// Sends a GET and reads the whole response.
    func get(_ path: String, headers: [String: String] = [:], keepAlive: Bool = true) throws -> RawResponse {
        try request(method: "GET", path: path, headers: headers, keepAlive: keepAlive)
    }

    func request(
        method: String, path: String, headers: [String: String] = [:], body: String = "",
        keepAlive: Bool = true
    ) throws -> RawResponse {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += keepAlive ? "\r\n" : "Connection: close\r\n\r\n"
        text += body
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw RawHTTPError.system(errno) }
        return try readResponse()
    }

    private func readResponse() throws -> RawResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil { try receive() }
        }
        guard let headEnd else { throw RawHTTPError.malformed }
        let lines = String(decoding: buffer[..<(headEnd - 4)], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw RawHTTPError.malformed }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while buffer.count < headEnd + length { try receive() }
        let bytes = Array(buffer[headEnd..<(headEnd + length)])
        buffer.removeFirst(headEnd + length)
        return RawResponse(status: status, headers: headers, body: String(decoding: bytes, as: UTF8.self), bytes: bytes)
    }

    /// Reads without sending: throws `.closed` once the server has closed its side.
    func readUntilClosed() throws {
        while true { try receive() }
    }

    private func receive() throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return buffer += chunk[..<count] }
        if count == 0 { throw RawHTTPError.closed }
        switch errno {
        case EAGAIN, EWOULDBLOCK: throw RawHTTPError.timeout
        case ECONNRESET: throw RawHTTPError.reset
        case let error: throw RawHTTPError.system(error)
        }
    }
}

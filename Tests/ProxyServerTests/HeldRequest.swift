import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A request over a raw socket whose body is left unfinished, so that it holds its place in the
/// proxy (an admission slot, reserved upload bytes) for exactly as long as a test wants, whatever
/// the machine's speed.
final class HeldRequest: @unchecked Sendable {
    // Only the test that made it touches it, one call at a time.
    private let socket: Int32
    private var closed = false

    /// Connects to 127.0.0.1:`port` and sends `head` (the request line and headers, ending in an
    /// empty line) and the first bytes of the body.
    init(port: Int, head: String, bodyStart: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw HeldRequestError.socket }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw HeldRequestError.connect
        }
        let bytes = Array((head + bodyStart).utf8)
        guard send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw HeldRequestError.send }
    }

    /// A multipart request for help of `contentLength` declared bytes, of which only the first
    /// boundary is sent.
    static func upload(port: Int, token: String, insz: String, key: String, contentLength: Int) throws -> HeldRequest {
        let boundary = "held-boundary"
        let head =
            "POST /v1/citizens/\(insz)/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Idempotency-Key: \(key)\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
            + "Content-Length: \(contentLength)\r\n\r\n"
        return try HeldRequest(port: port, head: head, bodyStart: "--\(boundary)\r\n")
    }

    /// Waits for the answer's status line (polling, so no thread is blocked) and returns its code;
    /// nil when the connection closed without one or nothing came within `limit`.
    func status(waitingAtMost limit: Duration = .seconds(120)) async throws -> Int? {
        var received: [UInt8] = []
        let clock = ContinuousClock()
        let end = clock.now + limit
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while clock.now < end {
            let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                let text = String(decoding: received, as: UTF8.self)
                if let line = text.split(separator: "\r\n").first, text.contains("\r\n") {
                    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
                }
            } else if count == 0 {
                return nil
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        return nil
    }

    /// Lets the request go: the connection closes with the body unfinished. Once only: the
    /// descriptor number may be another file's afterwards.
    func release() {
        guard !closed else { return }
        closed = true
        close(socket)
    }
}

enum HeldRequestError: Error {
    case socket, connect, send
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ports for a child process that must be told its ports in advance (it cannot report a port 0
/// back): two neighbours below Linux's ephemeral range (32768–60999), so that no outgoing
/// connection of the busy test run takes them, and each checked free by binding it once.
enum FreePorts {
    /// A port `p` such that `p` and `p + 1` were both free on 127.0.0.1 a moment ago.
    static func pair() -> Int {
        for _ in 0..<100 {
            let port = Int.random(in: 20_000...29_000)
            if isFree(port), isFree(port + 1) { return port }
        }
        return Int.random(in: 20_000...29_000)
    }

    static func isFree(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

import Crypto
import CurlClient
import Foundation
import Logging
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// A 20 MB certificate passes through the proxy to a slow reader without the proxy holding it.
///
/// How memory is judged: by the proxy's own stream statistics (the most bytes one stream held
/// waiting for its caller, and whether the transfer from the OCMW was paused), not by the
/// process's RSS. Here the simulator, the proxy and the client share one test process with other
/// tests running in parallel, so RSS would measure all of them and the allocator's moods; the
/// statistics count exactly the bytes the streaming path holds, and the pauses show that the
/// slow reader's backpressure reached the OCMW's connection instead of piling up in between.
@Suite struct LargeDocumentStreamingTests {
    static let documentBytes = 20 * 1024 * 1024
    static let path = "certificates/ATT-2023-0042/document"

    @Test func twentyMegabyteDocumentStreamsToASlowReaderWithBoundedBuffers() async throws {
        let proxyCurl = CurlClient(logger: Logger(label: "proxy", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await withProxyAndSimulator(curl: proxyCurl) { client, simulator in
            let gent = TenantID("gent")!
            simulator.setFault(Fault(documentBytes: Self.documentBytes), for: gent)
            let proxyPort = try #require(client.port)
            let simulatorPort = try #require(simulator.boundPorts[gent])
            try await withCurlClient { reader in
                let direct = try await Self.download(
                    reader, url: "http://127.0.0.1:\(simulatorPort)/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/\(Self.path)",
                    headers: [], pauseEveryChunk: false)
                let proxied = try await Self.download(
                    reader,
                    url: "http://127.0.0.1:\(proxyPort)/v1/citizens/\(DemoCitizens.wireframeINSZ)/certificates/gent/ATT-2023-0042/document",
                    headers: [HTTPHeader("Authorization", "Bearer \(client.token)")], pauseEveryChunk: true)

                #expect(proxied.status == 200)
                #expect(proxied.contentLength == String(Self.documentBytes))
                #expect(proxied.count == Self.documentBytes)
                #expect(proxied.digest == direct.digest)
                #expect(direct.count == Self.documentBytes)
                #expect(proxied.first.starts(with: Array("%PDF-".utf8)))
            }
            let statistics = proxyCurl.streamBufferStatistics
            #expect(statistics.bytesReceived >= Self.documentBytes)
            // The sink pauses at 256 KiB; one curl chunk may land on top. 1 MiB leaves room for
            // that and nothing like the document.
            #expect(statistics.maxBufferedBytes < 1024 * 1024)
            #expect(statistics.pauses > 0)
        }
    }

    struct Download {
        var status = 0
        var contentLength: String?
        var count = 0
        var first: [UInt8] = []
        var digest = ""
    }

    /// Streams `url`, hashing as it goes; with `pauseEveryChunk`, sleeps after every chunk, so
    /// the reader is slower than the OCMW and the proxy must hold the OCMW back.
    static func download(_ reader: CurlClient, url: String, headers: [HTTPHeader], pauseEveryChunk: Bool) async throws -> Download {
        let response = try await reader.stream(
            BackendRequest(
                url: url, headers: headers, connectTimeoutMs: 2_000, totalTimeoutMs: 120_000, maxResponseBytes: 64 * 1024 * 1024))
        var download = Download(status: response.status, contentLength: response.header("content-length"))
        var hash = SHA256()
        for try await chunk in response.body {
            if download.first.isEmpty { download.first = Array(chunk.prefix(16)) }
            download.count += chunk.count
            hash.update(data: chunk)
            if pauseEveryChunk { try await Task.sleep(for: .milliseconds(1)) }
        }
        download.digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        return download
    }
}

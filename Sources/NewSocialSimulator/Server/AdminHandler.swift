import NIOCore
import NIOHTTP1
import OCMWCore

import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder

/// What the admin listener can see and change.
struct AdminContext: Sendable {
    let tenants: [TenantID]
    let faults: FaultBoard
    let counters: [TenantID: BackendCounters]
    let ledgers: [TenantID: SubmissionLedger]
}

/// What one backend's submission desk has seen: the count a caller's delivery must match.
struct SubmissionCounts: Encodable {
    /// Submission `POST`s received, duplicates and refused ones included.
    let received: Int
    /// Distinct submissions created.
    let created: Int
    /// Answered from the idempotency record (the same key again) instead of created twice.
    let duplicates: Int
}

/// The admin API (see "Simulator" in docs/newsocial-api.md): read and change faults, read counters.
final class AdminHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private static let maxBodyBytes = 64 * 1024
    private let admin: AdminContext
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(_ admin: AdminContext) { self.admin = admin }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            if body.readableBytes + chunk.readableBytes <= Self.maxBodyBytes { body.writeBuffer(&chunk) }
        case .end:
            guard let head else { return }
            self.head = nil
            let (status, json) = handle(method: head.method, path: Responder.split(head.uri).path, body: Data(body.readableBytesView))
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(json.utf8.count))
            headers.add(name: "Connection", value: head.isKeepAlive ? "keep-alive" : "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: json)))), promise: nil)
            let keepAlive = head.isKeepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                if !keepAlive { context.close(promise: nil) }
            }
        }
    }

    private func handle(method: HTTPMethod, path: Substring, body: Data) -> (HTTPResponseStatus, String) {
        let parts = path.split(separator: "/")
        switch (method, parts.count, parts.first) {
        case (.GET, 1, "faults"):
            return (.ok, encode(Dictionary(uniqueKeysWithValues: admin.tenants.map { ($0.rawValue, admin.faults.fault(for: $0)) })))
        case (.GET, 1, "stats"):
            return (
                .ok,
                encode(
                    Dictionary(
                        uniqueKeysWithValues: admin.tenants.map {
                            ($0.rawValue, admin.counters[$0]?.snapshot ?? BackendStatistics())
                        }))
            )
        case (.GET, 1, "submissions"):
            return (
                .ok,
                encode(
                    Dictionary(
                        uniqueKeysWithValues: admin.tenants.map { tenant in
                            let ledger = admin.ledgers[tenant]
                            return (
                                tenant.rawValue,
                                SubmissionCounts(
                                    received: ledger?.received ?? 0, created: ledger?.created ?? 0,
                                    duplicates: ledger?.duplicates ?? 0)
                            )
                        }))
            )
        case (_, 2, "faults"):
            guard let tenant = TenantID(String(parts[1])), admin.tenants.contains(tenant) else {
                return (.notFound, #"{"error":"unknown tenant"}"#)
            }
            switch method {
            case .GET: break
            case .PUT:
                guard let fault = try? JSONDecoder().decode(Fault.self, from: body) else {
                    return (.badRequest, #"{"error":"body is not a fault"}"#)
                }
                admin.faults.set(fault, for: tenant)
            case .DELETE: admin.faults.set(.none, for: tenant)
            default: return (.methodNotAllowed, #"{"error":"method not allowed"}"#)
            }
            return (.ok, encode(admin.faults.fault(for: tenant)))
        default:
            return (.notFound, #"{"error":"not found"}"#)
        }
    }

    private func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return #"{"error":"encoding failed"}"# }
        return String(decoding: data, as: UTF8.self)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

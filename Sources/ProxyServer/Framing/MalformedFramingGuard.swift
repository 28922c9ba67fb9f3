import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OCMWCore

/// Answers requests whose framing cannot be followed, right behind the HTTP/1.1 parser and before
/// the application sees them: a `Transfer-Encoding` other than `chunked` alone, or anything the
/// parser gives up on (a chunk size that is not a number or overflows, `Content-Length` beside
/// `Transfer-Encoding`, …).
///
/// Left to the application, such a request raced the parser's error against the route's answer:
/// the caller got a 500, a bare 400, or nothing until the connection timed out. Here it gets one
/// `application/problem+json` answer (400, or 501 for a coding the proxy does not implement,
/// RFC 9112 §6.1 and §6.3) with `Connection: close`, after the answers to any earlier pipelined
/// requests; then the connection is closed, and nothing the client sent after the fault is read.
/// It is logged at info: the client's mistake, not ours.
final class MalformedFramingGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let logger: Logger
    /// A problem was decided here: nothing more is read, and the connection closes once it is out.
    private var refused = false
    /// The problem waiting for the answers to earlier (pipelined) requests to go out first.
    private var pending: (problem: ProblemDetails, requestID: String)?
    /// Requests passed on whose answer has not ended yet.
    private var awaiting = 0
    /// A request passed on whose body has not ended: after a fault it never will, and the
    /// problem is its answer.
    private var bodyOpen = false
    /// A response head went out and its end did not yet.
    private var responding = false

    init(logger: Logger) {
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let problem = Self.transferCodingProblem(head.headers[canonicalForm: "transfer-encoding"].map(String.init)) {
                refuse(problem, reason: "transfer-encoding", context: context)
                return
            }
            awaiting += 1
            bodyOpen = true
        case .end:
            bodyOpen = false
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !refused else { return }
        refuse(
            ProblemDetails(
                status: .badRequest, type: .badRequest, title: "The request is not well-formed HTTP/1.1",
                detail: Self.detail(parserError)),
            reason: "\(parserError)", context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        context.write(data, promise: promise)
        switch part {
        case .head(let head) where head.status.code >= 200:
            responding = true
        case .end:
            responding = false
            awaiting = max(awaiting - 1, 0)
            if let waiting = pending, mayAnswer {
                pending = nil
                answer(waiting.problem, requestID: waiting.requestID, context: context)
            }
        case .head, .body:
            break
        }
    }

    /// Whether the problem may go out now: every answer the application still owes is out, but
    /// the one to a request whose body broke off (it would wait for that body forever).
    private var mayAnswer: Bool { !responding && awaiting - (bodyOpen ? 1 : 0) <= 0 }

    /// Decides on `problem`: answered now, or once the answers to earlier requests are out, so
    /// that answers keep the order of the requests.
    private func refuse(_ problem: ProblemDetails, reason: String, context: ChannelHandlerContext) {
        refused = true
        let requestID = UUID.random().uuidString
        logger.info(
            "malformed request",
            metadata: ["error": "\(reason)", "status": "\(problem.status.code)", "request_id": "\(requestID)"])
        if mayAnswer {
            answer(problem, requestID: requestID, context: context)
        } else {
            pending = (problem, requestID)
        }
    }

    /// Writes `problem` with `Connection: close`, then closes the connection. Closing also ends a
    /// route still waiting for the broken request's body.
    private func answer(_ problem: ProblemDetails, requestID: String, context: ChannelHandlerContext) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = context.channel.allocator.buffer(bytes: (try? encoder.encode(problem)) ?? Data())
        let headers = HTTPHeaders([
            ("Content-Type", "application/problem+json"), ("Content-Length", "\(body.readableBytes)"),
            ("Connection", "close"), ("X-Request-Id", requestID),
        ])
        let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: Int(problem.status.code)), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        // Closed once the answer is out: closing at once could drop it unwritten.
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// A `Transfer-Encoding` the proxy cannot read a body through: `chunked` must be the last
    /// coding (RFC 9112 §6.3: else the body's length cannot be known, 400), and it is the only
    /// one the proxy decodes (another coding before it, e.g. `gzip, chunked`, is 501).
    static func transferCodingProblem(_ values: [String]) -> ProblemDetails? {
        let codings = values.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !codings.isEmpty else { return nil }
        guard codings.last == "chunked" else {
            return ProblemDetails(
                status: .badRequest, type: .badRequest, title: "The request's Transfer-Encoding is not valid",
                detail: "the last transfer coding must be chunked")
        }
        guard codings.count == 1 else {
            return ProblemDetails(
                status: .notImplemented, type: .transferCodingNotImplemented,
                title: "The request uses a transfer coding the proxy does not implement",
                detail: "only chunked is implemented")
        }
        return nil
    }

    private static func detail(_ error: HTTPParserError) -> String {
        switch error {
        case .invalidChunkSize: "the chunked body has an invalid chunk size"
        case .invalidContentLength, .unexpectedContentLength: "the Content-Length is not valid for this request"
        default: "the request's framing (Transfer-Encoding, Content-Length or chunks) is not valid"
        }
    }
}

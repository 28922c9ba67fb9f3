import NIOCore
import NIOHTTP1
import OCMWCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What every connection of one simulated backend shares.
struct BackendContext: Sendable {
    let tenant: TenantID
    let responder: Responder
    let faults: FaultBoard
    let counters: BackendCounters
    let currentYear: @Sendable () -> Int
    /// The credentials demanded (none by default) and the OAuth2 token endpoint, if any.
    let access: BackendAccess
    /// Answers submission `POST`s, with this backend's idempotency records and counters.
    let submissions: SubmissionDesk
    /// The installation's date (Europe/Brussels), for submission dates and numbers.
    let today: @Sendable () -> DayDate
}

/// Serves New Social API requests on one connection, applying the tenant's fault to each.
///
/// `HTTPServerPipelineHandler` (added by `configureHTTPServerPipeline`) holds back pipelined
/// requests until the previous response is complete, so one request is in flight at a time here.
final class BackendHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let backend: BackendContext
    private var head: HTTPRequestHead?
    /// The request body, kept for the token endpoint's form and submissions: up to
    /// `maxBodyBytes` (`SubmissionDesk.maxBodyBytes` for a `POST`); `bodyTooLarge` beyond.
    private var body: [UInt8] = []
    private var bodyTooLarge = false
    private static let maxBodyBytes = 8_192
    /// Set once the connection hangs or resets: nothing more is read or written.
    private var silenced = false
    /// A generated document being sent, as fast as the connection takes it.
    private var sending: (cursor: GeneratedBody.Cursor, keepAlive: Bool)?
    /// A request was read and its answer is not complete yet (it counts in the statistics'
    /// in-flight figure until it is, or until the connection closes).
    private var requestInFlight = false

    init(_ backend: BackendContext) { self.backend = backend }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !silenced else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: false)
            bodyTooLarge = false
        case .body(var chunk):
            let limit = head?.method == .POST ? SubmissionDesk.maxBodyBytes : Self.maxBodyBytes
            let room = max(0, limit - body.count)
            if chunk.readableBytes > room { bodyTooLarge = true }
            if let bytes = chunk.readBytes(length: min(room, chunk.readableBytes)) { body += bytes }
        case .end:
            guard let head else { return }
            self.head = nil
            backend.counters.requestStarted()
            requestInFlight = true
            if backend.access.isTokenRequest(head) {
                return write(backend.access.token(form: body), for: head, trickle: nil, context: context)
            }
            if let denial = backend.access.denial(for: head) {
                return write(denial, for: head, trickle: nil, context: context)
            }
            let submission = SubmissionRoute(
                method: head.method.rawValue, path: Responder.split(head.uri).path,
                dialect: backend.responder.dialect)
            if submission != nil { backend.submissions.ledger.noteReceived() }
            let (fault, fail) = backend.faults.decide(for: backend.tenant)
            let request = Request(head: head, submission: submission, body: body, bodyTooLarge: bodyTooLarge)
            guard fault.latencyMs > 0 else { return act(fault, fail: fail, request: request, context: context) }
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(fault.latencyMs))) {
                self.act(fault, fail: fail, request: request, context: context)
            }
        }
    }

    /// One complete request, as `act` needs it after the fault's latency.
    private struct Request {
        let head: HTTPRequestHead
        /// Set for a submission `POST`.
        let submission: SubmissionRoute?
        let body: [UInt8]
        let bodyTooLarge: Bool
    }

    /// Applies the fault: `hang`, `reset` and `errorRate` failures leave a submission unprocessed;
    /// with `garbage` or `trickle` it is processed and only its answer is spoilt or slowed.
    private func act(_ fault: Fault, fail: Bool, request: Request, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let head = request.head
        switch fault.mode {
        case .hang:
            silenced = true
        case .reset:
            silenced = true
            // SO_LINGER 0 makes close() send RST instead of FIN: the peer sees "connection reset".
            guard let socket = context.channel as? any SocketOptionProvider else { return context.close(promise: nil) }
            socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .none, .garbage, .trickle, .otherCitizen, .refuseNamingTheCitizen:
            var response: WireResponse
            if fail {
                response = .json(500, DialectBodies.error("simulated failure"))
            } else if let route = request.submission, fault.mode == .refuseNamingTheCitizen {
                response = .json(422, DialectBodies.error(Self.refusalNaming(route, body: request.body)))
            } else if let route = request.submission {
                response = backend.submissions.answer(
                    route, idempotencyKey: head.headers.first(name: "Idempotency-Key"), body: request.body,
                    bodyTooLarge: request.bodyTooLarge, today: backend.today(), currentYear: backend.currentYear())
                if fault.mode == .garbage { response = Self.garbage }
            } else if fault.mode == .garbage {
                response = Self.garbage
            } else {
                let submissions = backend.submissions.ledger
                let uri = fault.mode == .otherCitizen ? backend.responder.uriOfAnotherCitizen(head.uri) : head.uri
                response = backend.responder.respond(
                    method: head.method.rawValue, uri: uri,
                    currentYear: backend.currentYear(), submitted: submissions.parts(for:),
                    documentBytes: fault.documentBytes, today: backend.today())
            }
            let trickle = fault.mode == .trickle ? fault.trickleBytesPerSecond : nil
            write(response, for: head, trickle: trickle, context: context)
        }
    }

    /// The `refuseNamingTheCitizen` fault's error text: the citizen's number and name, as the
    /// body gave them (`applicant` in v2, `aanvrager` in v1).
    private static func refusalNaming(_ route: SubmissionRoute, body: [UInt8]) -> String {
        let object = SubmissionForm.object(body)
        let person = (object?["applicant"] ?? object?["aanvrager"]) as? [String: Any]
        let first = (person?["firstName"] ?? person?["voornaam"]) as? String ?? ""
        let last = (person?["lastName"] ?? person?["naam"]) as? String ?? ""
        return "citizen \(route.insz) (\(first) \(last)) refused: domicile outside this municipality"
    }

    /// The `garbage` fault's answer: 200, announced as JSON, that is not JSON.
    private static let garbage = WireResponse(
        status: 200, contentType: "application/json",
        body: Array("<html><body><h1>Service Temporarily Unavailable</h1>{\"insz\":".utf8))

    private func write(
        _ response: WireResponse, for request: HTTPRequestHead, trickle bytesPerSecond: Int?,
        context: ChannelHandlerContext
    ) {
        let body = context.channel.allocator.buffer(bytes: response.body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.generated?.count ?? body.readableBytes))
        if let requestID = request.headers.first(name: "X-Request-Id") { headers.add(name: "X-Request-Id", value: requestID) }
        let keepAlive = request.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status),
            headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let generated = response.generated {
            sending = (GeneratedBody.Cursor(generated), keepAlive)
            pump(context: context)
        } else if let bytesPerSecond {
            context.flush()
            trickle(body, bytesPerSecond: bytesPerSecond, keepAlive: keepAlive, context: context)
        } else {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            finish(keepAlive: keepAlive, context: context)
        }
    }

    /// Sends the body in chunks of about 1/20 s worth of bytes, each after its share of delay.
    private func trickle(_ body: ByteBuffer, bytesPerSecond: Int, keepAlive: Bool, context: ChannelHandlerContext) {
        var remaining = body
        let chunkSize = max(1, bytesPerSecond / 20)
        let delay = TimeAmount.nanoseconds(Int64(chunkSize) * 1_000_000_000 / Int64(bytesPerSecond))
        func sendNext() {
            guard context.channel.isActive else { return }
            guard let chunk = remaining.readSlice(length: min(chunkSize, remaining.readableBytes)),
                chunk.readableBytes > 0
            else {
                return finish(keepAlive: keepAlive, context: context)
            }
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk))), promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: delay) { sendNext() }
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: delay) { sendNext() }
    }

    /// Writes generated chunks while the channel is writable; `channelWritabilityChanged` goes on
    /// once the peer has read. The peer's reading speed paces the generation, so memory stays at
    /// about the channel's high-water mark.
    private func pump(context: ChannelHandlerContext) {
        guard var sending, context.channel.isActive else { return }
        while context.channel.isWritable, !sending.cursor.isAtEnd {
            let chunk = sending.cursor.next(limit: 64 * 1024)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunk)))), promise: nil)
        }
        if sending.cursor.isAtEnd {
            self.sending = nil
            finish(keepAlive: sending.keepAlive, context: context)
        } else {
            self.sending = sending
            context.flush()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if sending != nil, context.channel.isWritable { pump(context: context) }
        context.fireChannelWritabilityChanged()
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        endRequest()
        let promise: EventLoopPromise<Void>? = keepAlive ? nil : context.eventLoop.makePromise()
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
        promise?.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A hung or reset request, or one whose caller went away: no longer in flight.
        endRequest()
        context.fireChannelInactive()
    }

    private func endRequest() {
        guard requestInFlight else { return }
        requestInFlight = false
        backend.counters.requestEnded()
    }
}

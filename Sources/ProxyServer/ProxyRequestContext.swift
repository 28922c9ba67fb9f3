import CallerAuth
import Hummingbird

/// The request context of the proxy's routes: Hummingbird's core storage plus the caller that
/// authentication established (nil on routes that need none, such as health).
public struct ProxyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The verified caller of this request.
    public var caller: VerifiedCaller?
    /// Correlates this request's answer, log lines, backend calls and audit record; fixed by the
    /// outermost middleware (`AccessLogMiddleware`).
    public var requestID: String
    /// When the request arrived (its head was read): the request deadline counts from here, so
    /// time spent waiting inside the proxy is spent from the caller's deadline, not added to it.
    public let arrival: ContinuousClock.Instant

    public init(source: Source) {
        arrival = .now
        coreContext = .init(source: source)
        caller = nil
        requestID = ""
    }
}

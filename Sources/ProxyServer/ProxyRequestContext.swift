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

    public init(source: Source) {
        coreContext = .init(source: source)
        caller = nil
        requestID = ""
    }
}

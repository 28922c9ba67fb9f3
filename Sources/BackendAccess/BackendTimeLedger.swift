import Synchronization

/// The longest backend time (curl's own) of the calls made for one request, so that the door can
/// judge the proxy by its own share of a request's latency: a slow OCMW makes its citizens'
/// answers slow, but says nothing about whether the proxy takes in too much.
///
/// Bound to the request's task with `BackendTimeLedger.$current`; the calls of a fan-out run in
/// child tasks, which inherit it. The calls run side by side, so the request waited for the
/// longest of them, not their sum.
package final class BackendTimeLedger: Sendable {
    /// The ledger of the request this task serves, if any.
    @TaskLocal package static var current: BackendTimeLedger?

    private let longest = Mutex<Duration>(.zero)

    package init() {}

    /// A backend call of this request took `duration` (as curl measured it).
    package func record(_ duration: Duration) {
        longest.withLock { $0 = max($0, duration) }
    }

    /// The longest backend call recorded so far.
    package var longestCall: Duration { longest.withLock { $0 } }
}

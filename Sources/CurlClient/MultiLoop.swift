import CCurl
import Foundation
import Synchronization

/// Drives one libcurl multi handle on one dedicated thread.
///
/// Other threads never touch curl (except `curl_multi_wakeup`, which is documented thread-safe):
/// they put transfers into `inbox` and wake the loop. The loop adds them, runs
/// `curl_multi_perform`, completes what finished and waits in `curl_multi_poll`, whose timeout
/// follows curl's own timers, so deadlines fire on time without a separate timer.
///
/// Safety: `@unchecked Sendable` because `multi`, `active` and `idleHandles` are used only on the
/// loop thread (or in `deinit`, when no thread runs), and `inbox` is behind a mutex.
final class MultiLoop: @unchecked Sendable {
    struct Configuration: Sendable {
        var maxConnectionsPerHost: Int
        var maxCachedConnections: Int
        var maxIdleHandles: Int
    }

    private struct Inbox {
        var added: [Transfer] = []
        var removed: [Transfer] = []
        var resumed: [Transfer] = []
        var stopping = false
        var stopped = false
        /// A new per-host connection cap for the loop to apply at its next turn.
        var hostConnectionCap: Int?
    }

    private let multi: UnsafeMutableRawPointer
    private let configuration: Configuration
    private let inbox = Mutex(Inbox())
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    /// The per-host connection cap curl was last given (set on the loop thread, read anywhere).
    let appliedHostConnectionCap: Mutex<Int>

    init(configuration: Configuration) {
        CurlGlobal.initialiseOnce()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        self.configuration = configuration
        appliedHostConnectionCap = Mutex(configuration.maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, configuration.maxCachedConnections)
    }

    deinit {
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    /// Queues a transfer for the loop. After shutdown it fails at once.
    func submit(_ transfer: Transfer) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.stopping else { return false }
            inbox.added.append(transfer)
            return true
        }
        guard accepted else {
            transfer.finish(.failure(.shutdown))
            return
        }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to take a transfer's handle out of the multi handle (after cancellation).
    func remove(_ transfer: Transfer) {
        inbox.withLock { $0.removed.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to resume a transfer its stream consumer had fallen behind on.
    func unpause(_ transfer: Transfer) {
        inbox.withLock { $0.resumed.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to cap the connections per host at `cap` from its next turn on (curl lets
    /// connections already open over the cap finish; new ones wait below it).
    func setHostConnectionCap(_ cap: Int) {
        inbox.withLock { $0.hostConnectionCap = cap }
        curl_multi_wakeup(multi)
    }

    /// Makes `run()` return after failing every transfer still open with `.shutdown`.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    /// The loop body; runs until `stop()`. Call on the dedicated thread only.
    func run() {
        ccurl_set_thread_name("curl-multi")
        while true {
            let (added, removed, resumed, stopping, cap) = inbox.withLock { inbox in
                defer {
                    inbox.added.removeAll(keepingCapacity: true)
                    inbox.removed.removeAll(keepingCapacity: true)
                    inbox.resumed.removeAll(keepingCapacity: true)
                    inbox.hostConnectionCap = nil
                }
                return (inbox.added, inbox.removed, inbox.resumed, inbox.stopping, inbox.hostConnectionCap)
            }
            if let cap {
                _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, cap)
                appliedHostConnectionCap.withLock { $0 = cap }
            }
            for transfer in added { start(transfer) }
            for transfer in removed { detach(transfer) }
            for transfer in resumed {
                if let handle = transfer.easyHandle, active[handle] != nil { _ = ccurl_easy_unpause(handle) }
            }
            if stopping { break }

            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            _ = curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
        shutDown()
    }

    private func start(_ transfer: Transfer) {
        // Cancelled while queued: nothing to add.
        guard !transfer.isFinished else { return }
        guard let handle = idleHandles.popLast() ?? curl_easy_init() else {
            transfer.finish(.failure(CurlClientError(.transport, detail: "curl_easy_init failed")))
            return
        }
        if let error = EasyHandleSetup.configure(handle, for: transfer) {
            recycle(handle, of: transfer)
            transfer.finish(.failure(error))
            return
        }
        transfer.easyHandle = handle
        active[handle] = transfer
        _ = curl_multi_add_handle(multi, handle)
    }

    private func detach(_ transfer: Transfer) {
        guard let handle = transfer.easyHandle, active.removeValue(forKey: handle) != nil else { return }
        curl_multi_remove_handle(multi, handle)
        recycle(handle, of: transfer)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard ccurl_msg_is_done(message) != 0, let handle = ccurl_msg_easy_handle(message),
                let transfer = active.removeValue(forKey: handle)
            else { continue }
            let result = EasyHandleSetup.result(of: transfer, code: ccurl_msg_result(message), handle: handle)
            curl_multi_remove_handle(multi, handle)
            recycle(handle, of: transfer)
            transfer.finish(result)
        }
    }

    /// Returns the handle to the pool. `curl_easy_reset` keeps the handle's connection cache
    /// link, while the connections themselves live in the multi handle and are reused from there.
    private func recycle(_ handle: UnsafeMutableRawPointer, of transfer: Transfer) {
        transfer.easyHandle = nil
        if let list = transfer.headerList {
            curl_slist_free_all(list)
            transfer.headerList = nil
        }
        if idleHandles.count < configuration.maxIdleHandles {
            curl_easy_reset(handle)
            idleHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }

    private func shutDown() {
        let late = inbox.withLock { inbox in
            inbox.stopped = true
            defer { inbox.added.removeAll() }
            return inbox.added
        }
        for transfer in late { transfer.finish(.failure(.shutdown)) }
        for (handle, transfer) in active {
            curl_multi_remove_handle(multi, handle)
            recycle(handle, of: transfer)
            transfer.finish(.failure(.shutdown))
        }
        active.removeAll()
    }
}

/// `curl_global_init` is not thread-safe and must run once before any other curl call.
enum CurlGlobal {
    private static let initialised: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func initialiseOnce() {
        precondition(initialised, "curl_global_init failed")
    }
}

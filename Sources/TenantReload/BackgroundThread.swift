import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs jobs one at a time on a dedicated thread of low CPU priority (nice 10 on Linux).
///
/// Reloading a 300-tenant file decodes and validates a few hundred kilobytes of JSON. On the
/// server's threads that work would delay every request queued behind it; here a request thread
/// that wakes up takes the core from it (its scheduling weight is a tenth of theirs), yet it
/// still progresses on a busy machine (nice 19 starved it for seconds), and jobs never overlap, so triggers that fire together queue
/// up instead of competing. The thread exits after a few idle seconds and is started again by
/// the next job.
///
/// Safety: `@unchecked Sendable` because `jobs` and `running` are only touched with `condition`
/// locked.
package final class BackgroundThread: @unchecked Sendable {
    private let name: String
    private let idleExit: TimeInterval
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var running = false

    /// - Parameter idleExit: Seconds without work after which the thread ends.
    package init(name: String, idleExit: TimeInterval = 5) {
        self.name = name
        self.idleExit = idleExit
    }

    /// Runs `work` on the thread and returns its result; the caller's task is suspended meanwhile.
    package func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            enqueue { continuation.resume(returning: work()) }
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        if running {
            condition.signal()
            return
        }
        running = true
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    private func loop() {
        Self.lowerOwnPriority()
        while let job = next() { job() }
    }

    /// The next job; nil (and the thread marked stopped) after `idleExit` seconds without one.
    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        let until = Date(timeIntervalSinceNow: idleExit)
        while jobs.isEmpty {
            if !condition.wait(until: until), jobs.isEmpty {
                running = false
                return nil
            }
        }
        return jobs.removeFirst()
    }

    /// Nice 10 for the calling thread only: Linux schedules threads as tasks, so `setpriority`
    /// with the thread's id (from /proc/thread-self) leaves the rest of the process alone.
    private static func lowerOwnPriority() {
        #if os(Linux)
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
            let last = link.split(separator: "/").last, let tid = id_t(last)
        else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), tid, 10)
        #endif
    }

    /// CPU time the calling thread has used so far (user and system); zero where unknown.
    package static func threadCPUTime() -> Duration {
        #if os(Linux)
        var usage = rusage()
        // RUSAGE_THREAD (1): this thread only; the constant is not imported into Swift.
        guard getrusage(__rusage_who_t(1), &usage) == 0 else { return .zero }
        return .seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + .microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
        #else
        return .zero
        #endif
    }
}

/// Call counts over the last `windowDuration`, kept in `bucketCount` time slices.
///
/// Time-sliced rather than count-based: a tenant with 3 calls a minute and one with 300 a second
/// then mean the same thing by "recently". Each slice is tagged with its epoch (slice number since
/// the first call), so stale slices are recognised and reused without a sweep. Calls age out one
/// slice at a time: a call is counted for between `windowDuration - slice` and `windowDuration`.
struct RollingWindow<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    private struct Bucket: Sendable {
        var epoch: Int64 = -1
        var counts = CircuitWindowCounts()
    }

    private let sliceNanoseconds: Int64
    private var origin: Instant?
    private var buckets: [Bucket]

    init(windowDuration: Duration, bucketCount: Int) {
        let count = max(bucketCount, 1)
        sliceNanoseconds = max(windowDuration.wholeNanoseconds / Int64(count), 1)
        buckets = Array(repeating: Bucket(), count: count)
    }

    mutating func record(failure: Bool, slow: Bool, now: Instant) {
        if origin == nil { origin = now }
        let epoch = self.epoch(now)
        let slot = Int(epoch % Int64(buckets.count))
        if buckets[slot].epoch != epoch { buckets[slot] = Bucket(epoch: epoch) }
        buckets[slot].counts.calls += 1
        if failure { buckets[slot].counts.failures += 1 }
        if slow { buckets[slot].counts.slowCalls += 1 }
    }

    func counts(now: Instant) -> CircuitWindowCounts {
        guard origin != nil else { return CircuitWindowCounts() }
        let current = epoch(now)
        let oldest = current - Int64(buckets.count) + 1
        var total = CircuitWindowCounts()
        for bucket in buckets where (oldest...current).contains(bucket.epoch) {
            total.calls += bucket.counts.calls
            total.failures += bucket.counts.failures
            total.slowCalls += bucket.counts.slowCalls
        }
        return total
    }

    mutating func reset() {
        origin = nil
        buckets = Array(repeating: Bucket(), count: buckets.count)
    }

    /// The slice `now` falls in; an instant before the origin counts as the first slice.
    private func epoch(_ now: Instant) -> Int64 {
        guard let origin else { return 0 }
        return max(origin.duration(to: now).wholeNanoseconds, 0) / sliceNanoseconds
    }
}

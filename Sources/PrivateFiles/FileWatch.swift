/// The one way the proxy notices that a file it reads changed on disk (the tenants file, the
/// callers' JWKS): its `FileFingerprint` (a `stat` that follows links: modification time to the
/// nanosecond, size, device and inode) is polled, so an editor that rewrites the file, one that
/// replaces it, and a swapped link (a Kubernetes ConfigMap or Secret) are all seen. Secrets are
/// not polled but fingerprinted on use (`SecretStore`), with the same fingerprint.
public struct FileWatch: Sendable {
    public let path: String
    public let interval: Duration

    public init(path: String, interval: Duration) {
        self.path = path
        self.interval = interval
    }

    /// Polls every `interval` until the task is cancelled or `stopping()` says so, and calls
    /// `changed` each time the fingerprint differs from the last one seen (appearing and
    /// disappearing count). Changes made while `changed` runs are seen at the next poll.
    public func run(stopping: @Sendable () -> Bool = { false }, changed: () async -> Void) async {
        var last = FileFingerprint(path: path)
        while !Task.isCancelled, !stopping() {
            try? await Task.sleep(for: interval)
            let now = FileFingerprint(path: path)
            if now != last {
                last = now
                await changed()
            }
        }
    }
}

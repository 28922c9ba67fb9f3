/// How the door admits requests: the adaptive limit, the queue in front of it, and the budgets
/// for discovery and uploads.
public struct AdmissionConfiguration: Sendable, Equatable {
    /// Off, every request is admitted at once (the budgets for discovery and uploads still hold).
    public var enabled: Bool
    /// The adaptive concurrency limit.
    public var limit: GradientLimitConfiguration
    /// Requests that may wait for a place; past it the least deserving is shed.
    public var queueSize: Int
    /// The longest a request waits while the queue drains normally.
    public var maxQueueWait: Duration
    /// CoDel's target: once the queue has not been empty for `queueInterval`, a request waits at
    /// most this long, and the newest waiters are served first.
    public var queueTarget: Duration
    /// CoDel's interval: how long a queue may stay non-empty before it counts as standing.
    public var queueInterval: Duration
    /// Discovery (an unknown citizen, asked of every OCMW) running at once, in all.
    public var maxDiscoveries: Int
    /// Discovery running at once for one client.
    public var maxDiscoveriesPerClient: Int
    /// Request bytes of uploads held at once, in all.
    public var maxUploadBytesInFlight: Int
    /// The longest an upload's body may take to arrive.
    public var uploadBodyTimeout: Duration
    /// What `Retry-After` says when a request is shed, in whole seconds.
    public var retryAfterSeconds: Int
    /// A request whose deadline leaves less than this when its route starts is not started.
    public var minimumTimeLeft: Duration
    /// How long after the last refusal readiness still says `shedding`.
    public var sheddingSignal: Duration

    public init(
        enabled: Bool = true, limit: GradientLimitConfiguration = .init(), queueSize: Int = 64,
        maxQueueWait: Duration = .milliseconds(50), queueTarget: Duration = .milliseconds(5),
        queueInterval: Duration = .milliseconds(100), maxDiscoveries: Int = 16, maxDiscoveriesPerClient: Int = 4,
        maxUploadBytesInFlight: Int = 128 * 1024 * 1024, uploadBodyTimeout: Duration = .seconds(30),
        retryAfterSeconds: Int = 1, minimumTimeLeft: Duration = .milliseconds(100),
        sheddingSignal: Duration = .seconds(1)
    ) {
        self.sheddingSignal = sheddingSignal
        self.minimumTimeLeft = minimumTimeLeft
        self.enabled = enabled
        self.limit = limit
        self.queueSize = max(0, queueSize)
        self.maxQueueWait = maxQueueWait
        self.queueTarget = min(queueTarget, maxQueueWait)
        self.queueInterval = queueInterval
        self.maxDiscoveries = max(1, maxDiscoveries)
        self.maxDiscoveriesPerClient = max(1, maxDiscoveriesPerClient)
        self.maxUploadBytesInFlight = max(1, maxUploadBytesInFlight)
        self.uploadBodyTimeout = uploadBodyTimeout
        self.retryAfterSeconds = max(1, retryAfterSeconds)
    }
}

/// Why a request was not admitted (a metric label).
public enum ShedReason: String, Sendable, CaseIterable {
    /// The queue was full and the request deserved its place least.
    case queueFull
    /// A more deserving request took its place in the queue.
    case displaced
    /// It waited as long as the queue allows.
    case queueTimeout
    /// Its deadline left too little time to be served.
    case deadline
    /// The discovery budget (in all or for its client) was spent.
    case discovery
    /// The bytes of uploads in flight reached their cap.
    case uploads
}

/// Which requests go first when not all can.
public enum AdmissionPriority: Int, Sendable, Comparable, CaseIterable {
    /// Reads of citizen data and everything else.
    case read = 0
    /// Submissions (requests for help, certificate requests): a citizen's act, not a look.
    case submission = 1

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A metric label.
    public var label: String { self == .read ? "read" : "submission" }
}

/// What one request will ask of the OCMWs it needs: for fair share and for their bulkheads.
public struct AdmissionShare<Key: Hashable & Sendable>: Sendable, Equatable {
    /// The OCMW (tenant) this share is of.
    public var key: Key
    /// Backend calls the request makes to it (a dossier: one per part).
    public var calls: Int
    /// The tenant's weight in fair share (1 by default).
    public var weight: Double
    /// Calls the tenant can take at once (its bulkhead's slots and queue); nil: no bound.
    public var capacity: Int?

    public init(key: Key, calls: Int, weight: Double = 1, capacity: Int? = nil) {
        self.key = key
        self.calls = max(0, calls)
        self.weight = weight > 0 ? weight : 1
        self.capacity = capacity
    }
}

import OCMWCore

/// One finished request, as the runner hands it to the book. Times are seconds from the start
/// of the run.
public struct Sample: Sendable, Equatable {
    public var endpoint: Endpoint
    /// The tenants it counts under.
    public var tenants: [TenantID]
    /// Index of the schedule segment (warm-up or phase) it belongs to.
    public var segment: Int
    /// `false` for warm-up and settle-time requests: counted apart, not recorded.
    public var measured: Bool
    /// When it should have been sent.
    public var intendedSeconds: Double
    /// When it was sent (after the generator and the in-flight cap let it go).
    public var sentSeconds: Double
    /// When the answer (or the failure) came.
    public var completedSeconds: Double
    public var outcome: Outcome
    /// For a partial answer: its gaps as `tenant/part/status` labels.
    public var gaps: [String]

    public init(
        endpoint: Endpoint, tenants: [TenantID], segment: Int, measured: Bool, intendedSeconds: Double,
        sentSeconds: Double, completedSeconds: Double, outcome: Outcome, gaps: [String] = []
    ) {
        self.endpoint = endpoint
        self.tenants = tenants
        self.segment = segment
        self.measured = measured
        self.intendedSeconds = intendedSeconds
        self.sentSeconds = sentSeconds
        self.completedSeconds = completedSeconds
        self.outcome = outcome
        self.gaps = gaps
    }

    /// The open-model latency: from the intended send time, not from the actual one.
    public var latencyMicroseconds: UInt64 {
        OpenModelLatency.microseconds(intendedSeconds: intendedSeconds, completedSeconds: completedSeconds)
    }
}

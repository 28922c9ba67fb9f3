/// How the proxy finds the OCMWs of a citizen the routing index does not know.
public struct DiscoveryConfiguration: Sendable {
    /// Whether to ask the active OCMWs at all; off, an unknown citizen simply has no OCMWs.
    public var enabled: Bool
    /// How long an OCMW's "I do not know this citizen" is believed.
    public var negativeTTL: Duration
    /// How many citizens' negative answers are remembered at most.
    public var maxCachedCitizens: Int
    /// How many probes run at once for one citizen (bounds the burst toward 300 backends).
    public var maxConcurrentProbes: Int
    /// One overall deadline for all probes of one citizen; what has not answered by then is
    /// reported with its status and not cached.
    public var deadlineMs: Int

    public init(
        enabled: Bool = true, negativeTTL: Duration = .seconds(300), maxCachedCitizens: Int = 100_000,
        maxConcurrentProbes: Int = 32, deadlineMs: Int = 1_500
    ) {
        self.enabled = enabled
        self.negativeTTL = negativeTTL
        self.maxCachedCitizens = maxCachedCitizens
        self.maxConcurrentProbes = maxConcurrentProbes
        self.deadlineMs = deadlineMs
    }
}

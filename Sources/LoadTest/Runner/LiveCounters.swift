/// What the progress line shows, updated as requests go out and come back.
struct LiveCounters: Sendable {
    var sent = 0
    var completed = 0
    var sentAtLastLine = 0
    /// The latest a send started after its intended time since the last line, in seconds.
    var maxLateSinceLine = 0.0
}

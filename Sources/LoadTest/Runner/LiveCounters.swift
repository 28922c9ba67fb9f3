/// What the progress line shows, updated as requests go out and come back.
struct LiveCounters: Sendable {
    var sent = 0
    var completed = 0
    var sentAtLastLine = 0
}

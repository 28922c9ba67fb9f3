import CurlClient

/// Runs a scenario: sends the schedule's requests at their intended times (open model), caps
/// the requests in flight, carries out the actions at their moments, and records every answer.
public struct LoadRunner: Sendable {
    /// What a run leaves behind.
    public struct Result: Sendable {
        /// Everything recorded.
        public var book: LatencyBook
        /// The actions as carried out, in time order.
        public var actions: [Report.Action]
    }

    let scenario: Scenario
    let pool: CitizenPool
    let target: LoadTarget
    let client: CurlClient
    let progress: @Sendable (String) -> Void

    /// - Parameters:
    ///   - client: A running curl client; its connection pool is the generator's.
    ///   - progress: Receives a status line every second, and a line per action.
    public init(
        scenario: Scenario, pool: CitizenPool, target: LoadTarget, client: CurlClient,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.scenario = scenario
        self.pool = pool
        self.target = target
        self.client = client
        self.progress = progress
    }

    /// Runs the whole scenario; returns once every request has finished.
    public func run() async -> Result {
        let schedule = ArrivalSchedule(scenario)
        let book = Shared(LatencyBook(lateWarningSeconds: scenario.lateWarningMs / 1_000))
        let live = Shared(LiveCounters())
        let actions = Shared<[Report.Action]>([])
        let start = ContinuousClock.now
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await dispatch(schedule: schedule, start: start, book: book, live: live)
                return true
            }
            group.addTask {
                await reportProgress(schedule: schedule, start: start, book: book, live: live)
                return false
            }
            group.addTask {
                await performActions(start: start, log: actions)
                return false
            }
            // The load decides the end: the progress line and pending actions stop with it.
            while let loadFinished = await group.next() {
                if loadFinished { group.cancelAll() }
            }
        }
        return Result(book: book.withLock { $0 }, actions: actions.withLock { $0 }.sorted { $0.atSeconds < $1.atSeconds })
    }

    private func dispatch(
        schedule: ArrivalSchedule, start: ContinuousClock.Instant, book: Shared<LatencyBook>,
        live: Shared<LiveCounters>
    ) async {
        var planner = RequestPlanner(pool: pool, mix: TrafficMix(scenario.mix), seed: scenario.seed)
        let slots = SendSlots(limit: scenario.maxOutstanding)
        let segments = schedule.segments
        await withDiscardingTaskGroup { group in
            for arrival in schedule {
                if case .wait = Pacing.decide(intendedSeconds: arrival.offsetSeconds, nowSeconds: Self.seconds(since: start)) {
                    try? await Task.sleep(until: start + .seconds(arrival.offsetSeconds), tolerance: .milliseconds(1), clock: .continuous)
                }
                // Waiting here for a free slot delays the send, not the intended time.
                await slots.acquire()
                guard let planned = planner.next() else {
                    slots.release()
                    break
                }
                let sentSeconds = Self.seconds(since: start)
                live.withLock {
                    $0.sent += 1
                    $0.maxLateSinceLine = max($0.maxLateSinceLine, sentSeconds - arrival.offsetSeconds)
                }
                let request = planned.httpRequest(baseURL: target.proxyURL, token: target.token, timeoutMs: scenario.timeoutMs)
                let client = self.client
                let measured = arrival.measured && segments[arrival.segment].isMeasured
                group.addTask {
                    let outcome: Outcome
                    var gaps: [String] = []
                    do {
                        let response = try await client.execute(request)
                        outcome = Outcome.classify(status: response.status, body: response.body, endpoint: planned.endpoint)
                        // Parsed only for partial answers: rare when healthy, and what explains them.
                        if outcome == .partial { gaps = AnswerGaps.labels(in: response.body, endpoint: planned.endpoint) }
                    } catch let error as CurlClientError {
                        outcome = Outcome.classify(error)
                    } catch {
                        outcome = .transport
                    }
                    let sample = Sample(
                        endpoint: planned.endpoint, tenants: planned.tenants, segment: arrival.segment, measured: measured,
                        intendedSeconds: arrival.offsetSeconds, sentSeconds: sentSeconds,
                        completedSeconds: Self.seconds(since: start), outcome: outcome, gaps: gaps)
                    slots.release()
                    book.withLock { $0.record(sample) }
                    live.withLock { $0.completed += 1 }
                }
            }
        }
    }

    private func reportProgress(
        schedule: ArrivalSchedule, start: ContinuousClock.Instant, book: Shared<LatencyBook>,
        live: Shared<LiveCounters>
    ) async {
        var tick = 1
        while !Task.isCancelled {
            do { try await Task.sleep(until: start + .seconds(tick), clock: .continuous) } catch { return }
            let elapsed = Self.seconds(since: start)
            let (sentInSecond, outstanding, late) = live.withLock { counters in
                defer {
                    counters.sentAtLastLine = counters.sent
                    counters.maxLateSinceLine = 0
                }
                return (counters.sent - counters.sentAtLastLine, counters.sent - counters.completed, counters.maxLateSinceLine)
            }
            let behind = late * 1_000 > scenario.lateWarningMs ? ", BEHIND by up to \(Report.format(late * 1_000)) ms" : ""
            let (p99, errors, outcomes, recorded) = book.withLock {
                ($0.overall.milliseconds(atPercentile: 99), $0.overall.errors, $0.overall.outcomes, $0.overall.count)
            }
            let segment = schedule.segments.last { $0.startSeconds <= elapsed }
            let breakdown = outcomes.filter { $0.key.isError }.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
            progress(
                "[\(Self.pad(Int(elapsed)))s] \(segment?.name ?? "-") target \(Report.format(segment?.rate ?? 0))/s "
                    + "sent \(sentInSecond)/s, in flight \(outstanding), recorded \(recorded), p99 so far \(Report.format(p99)) ms, "
                    + "errors \(errors)" + (breakdown.isEmpty ? "" : " (\(breakdown.joined(separator: ", ")))") + behind)
            tick += 1
        }
    }

    private func performActions(start: ContinuousClock.Instant, log: Shared<[Report.Action]>) async {
        let performer = ActionPerformer(target: target, client: client)
        let timeline = scenario.actions.flatMap { action in action.moments(runSeconds: scenario.runSeconds).map { ($0, action) } }
            .sorted { $0.0 < $1.0 }
        for (moment, action) in timeline {
            do { try await Task.sleep(until: start + .seconds(moment), clock: .continuous) } catch { return }
            let result = await performer.perform(action.kind)
            progress("[\(Self.pad(Int(Self.seconds(since: start))))s] action \(action.label): \(result)")
            log.withLock { $0.append(Report.Action(atSeconds: moment, label: action.label, result: result)) }
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private static func pad(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }
}

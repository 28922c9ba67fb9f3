import CitizenDispatch
import Hummingbird
import OCMWCore
import OCMWDomain

/// Query parameters of citizen reads, parsed and checked once.
///
/// - `includePaid=true|false` (debts; default false).
/// - `include=ended` (rights and trajectories that ended, marked; default: only current ones).
/// - `year=yyyy` (requests; default all years).
/// - Payments window, past months only: `months=N` (1–24, default 3: the N months before the
///   current one), or `from=yyyy-MM&to=yyyy-MM` (both before the current month, at most 24 months).
///   A window that ends with last month also brings the upcoming payments (this month and the
///   next two).
enum ReadOptions {
    static let defaultMonths = 3
    static let maxMonths = 24

    static func parse(_ query: Parameters, today: DayDate) throws -> PartOptions {
        let includePaid = try bool("includePaid", query) ?? false
        let months = try window(query, today: today)
        return PartOptions(
            includePaid: includePaid, months: months, upcoming: upcoming(after: months, today: today), today: today,
            includeEnded: try includeEnded(query))
    }

    /// How many months after the current one the upcoming payments cover.
    static let upcomingMonthsAhead = 2

    /// The current month and the next two, when the past window ends right before them (the
    /// default, or `months=N`, or a `to` of last month): they are fetched in the same call. A
    /// window further back is a look at history and has no upcoming payments.
    private static func upcoming(after months: MonthRange, today: DayDate) -> MonthRange? {
        let current = CalendarMonth(containing: today)
        guard months.to.adding(months: 1) == current, let last = current.adding(months: upcomingMonthsAhead) else { return nil }
        return MonthRange(from: current, to: last)
    }

    /// `include=ended`: rights and trajectories that ended are listed too, marked `ended`.
    /// The only value for now; a list (`include=a,b`) may follow when there is a second.
    private static func includeEnded(_ query: Parameters) throws -> Bool {
        guard let text = query.get("include") else { return false }
        guard text == "ended" else { throw ProblemDetails.invalidParameter("include", "expected ended") }
        return true
    }

    /// `year=yyyy` (requests): only the requests submitted in that year; `nil` when not given.
    static func year(_ query: Parameters) throws -> Int? {
        guard let text = query.get("year") else { return nil }
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(text), year >= 1000 else {
            throw ProblemDetails.invalidParameter("year", "expected a year of four digits, e.g. 2022")
        }
        return year
    }

    private static func bool(_ name: String, _ query: Parameters) throws -> Bool? {
        guard let text = query.get(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ProblemDetails.invalidParameter(name, "expected true or false")
        }
    }

    private static func window(_ query: Parameters, today: DayDate) throws -> MonthRange {
        let current = CalendarMonth(containing: today)
        guard let lastPast = current.adding(months: -1) else {
            throw ProblemDetails.invalidParameter("months", "today is outside the supported calendar")
        }
        switch (query.get("from"), query.get("to"), query.get("months")) {
        case (nil, nil, let text):
            let count =
                try text.map { text in
                    guard let count = Int(text), (1...maxMonths).contains(count) else {
                        throw ProblemDetails.invalidParameter("months", "expected a whole number from 1 to \(maxMonths)")
                    }
                    return count
                } ?? defaultMonths
            guard let first = lastPast.adding(months: -(count - 1)), let range = MonthRange(from: first, to: lastPast) else {
                throw ProblemDetails.invalidParameter("months", "window outside the supported calendar")
            }
            return range
        case (let from?, let to?, nil):
            guard let first = CalendarMonth(iso8601: from) else { throw ProblemDetails.invalidParameter("from", "expected yyyy-MM") }
            guard let last = CalendarMonth(iso8601: to) else { throw ProblemDetails.invalidParameter("to", "expected yyyy-MM") }
            guard last < current else { throw ProblemDetails.invalidParameter("to", "payments are shown for past months only") }
            guard let range = MonthRange(from: first, to: last), range.from.distance(to: range.to) < maxMonths else {
                throw ProblemDetails.invalidParameter("from", "expected from ≤ to, at most \(maxMonths) months")
            }
            return range
        default:
            throw ProblemDetails.invalidParameter("months", "give either months, or both from and to")
        }
    }
}

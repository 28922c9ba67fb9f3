import OCMWCore

/// A response before it meets the wire: status code and JSON body.
struct WireResponse: Sendable, Equatable {
    var status: Int
    var body: String

    static func json(_ status: Int, _ value: JSONValue) -> WireResponse { WireResponse(status: status, body: value.serialized) }
}

/// Answers New Social API requests for one tenant from its slice of the dataset. Pure: no I/O.
struct Responder: Sendable {
    let dialect: Dialect
    /// This tenant's records, by the citizen's 11 digits.
    let records: [String: OCMWRecord]

    init(tenant: TenantID, dialect: Dialect, dataset: Dataset) {
        self.dialect = dialect
        var records: [String: OCMWRecord] = [:]
        for citizen in dataset.citizens {
            if let record = citizen.record(at: tenant) { records[citizen.insz] = record }
        }
        self.records = records
    }

    private enum Resource { case citizen, debts, payments }

    /// Routes and answers one request.
    /// - Parameters:
    ///   - method: The HTTP method; only `GET` is served.
    ///   - uri: Path and query as received.
    ///   - currentYear: Today's year, for INSZ validation.
    func respond(method: String, uri: String, currentYear: Int) -> WireResponse {
        let (path, query) = Self.split(uri)
        let parts = path.split(separator: "/")
        let prefix: [Substring] = dialect == .v2 ? ["api", "v2", "citizens"] : ["nsapi", "v1", "dossiers"]
        guard parts.count == 4 || parts.count == 5, Array(parts.prefix(3)) == prefix else {
            return .json(404, DialectBodies.error("not found"))
        }
        let resource: Resource
        switch parts.count == 4 ? nil : parts[4] {
        case nil: resource = .citizen
        case "debts" where dialect == .v2, "schulden" where dialect == .v1: resource = .debts
        case "payments" where dialect == .v2, "betalingen" where dialect == .v1: resource = .payments
        default: return .json(404, DialectBodies.error("not found"))
        }
        guard method == "GET" else { return .json(405, DialectBodies.error("method not allowed")) }
        let digits = parts[3]
        guard digits.utf8.count == 11, digits.utf8.allSatisfy({ (48...57).contains($0) }),
              (try? INSZ(parsing: digits, currentYear: currentYear)) != nil else {
            return .json(400, DialectBodies.error("invalid insz"))
        }
        let insz = String(digits)
        guard let record = records[insz] else { return .json(404, DialectBodies.error("unknown citizen")) }
        switch resource {
        case .citizen: return .json(200, DialectBodies.citizen(insz, record, dialect: dialect))
        case .debts: return .json(200, DialectBodies.debts(insz, record, dialect: dialect))
        case .payments:
            guard let range = monthRange(query) else { return .json(400, DialectBodies.error("invalid month range")) }
            let payments = record.payments.filter { range.contains($0.periodStart.yearMonth) }
            return .json(200, DialectBodies.payments(insz, payments, dialect: dialect))
        }
    }

    /// `from`/`to` (v2, `yyyy-MM`) or `van`/`tot` (v1, `MM/yyyy`); payments are selected by the
    /// month their period starts in.
    private func monthRange(_ query: [String: Substring]) -> ClosedRange<YearMonth>? {
        let from: YearMonth?, to: YearMonth?
        switch dialect {
        case .v2: (from, to) = (query["from"].flatMap(YearMonth.init(iso:)), query["to"].flatMap(YearMonth.init(iso:)))
        case .v1: (from, to) = (query["van"].flatMap(YearMonth.init(belgian:)), query["tot"].flatMap(YearMonth.init(belgian:)))
        }
        guard let from, let to, from <= to else { return nil }
        return from...to
    }

    /// Path and percent-decoded query items.
    static func split(_ uri: String) -> (path: Substring, query: [String: Substring]) {
        guard let mark = uri.firstIndex(of: "?") else { return (uri[...], [:]) }
        var query: [String: Substring] = [:]
        for item in uri[uri.index(after: mark)...].split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            query[String(percentDecoded(pair[0]))] = percentDecoded(pair[1])
        }
        return (uri[..<mark], query)
    }

    private static func percentDecoded(_ text: Substring) -> Substring {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return Substring(String(decoding: bytes, as: UTF8.self))
    }
}

import OCMWCore

extension Responder {
    /// `from`/`to` (v2, `yyyy-MM`) or `van`/`tot` (v1, `MM/yyyy`); payments are selected by the
    /// month their period starts in.
    func monthRange(_ query: [String: Substring]) -> ClosedRange<CalendarMonth>? {
        let from: CalendarMonth?, to: CalendarMonth?
        switch dialect {
        case .v2: (from, to) = (query["from"].flatMap(CalendarMonth.init(iso8601:)), query["to"].flatMap(CalendarMonth.init(iso8601:)))
        case .v1: (from, to) = (query["van"].flatMap(CalendarMonth.init(belgian:)), query["tot"].flatMap(CalendarMonth.init(belgian:)))
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

    /// A query item with `%XX` and `+` (space) decoded; a malformed escape is kept as is.
    private static func percentDecoded(_ text: Substring) -> Substring {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return Substring(String(decoding: bytes, as: UTF8.self))
    }
}

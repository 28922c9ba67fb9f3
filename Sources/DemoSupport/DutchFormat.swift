/// Amounts, days and months written as the wireframes of Bijlage 4 write them: `€ 2.721,96`,
/// `20/08/2023`, `01/08/2022-30/09/2023`, `augustus 2023`. Exact: cents are never turned into
/// floating point.
package enum DutchFormat {
    /// `272196` → `€ 2.721,96`; `-500` → `- € 5,00`.
    package static func money(cents: Int) -> String {
        let magnitude = cents.magnitude
        let euros = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in euros.enumerated() {
            if index > 0, (euros.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let rest = magnitude % 100
        return (cents < 0 ? "- " : "") + "€ \(grouped),\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `2023-08-20` → `20/08/2023`; anything else as it came.
    package static func day(_ iso: String) -> String {
        let pieces = iso.split(separator: "-")
        guard pieces.count == 3 else { return iso }
        return "\(pieces[2])/\(pieces[1])/\(pieces[0])"
    }

    /// A period: `start-end`, or the one day when there is no end (or it is the same day).
    package static func period(start: String, end: String?) -> String {
        guard let end, end != start else { return day(start) }
        return "\(day(start))-\(day(end))"
    }

    /// A period that may hold on: `vanaf 01/03/2023` without an end.
    package static func openPeriod(start: String, end: String?) -> String {
        guard let end else { return "vanaf \(day(start))" }
        return period(start: start, end: end)
    }

    package static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]

    /// `2023-08` → `augustus 2023`.
    package static func month(_ iso: String) -> String {
        let pieces = iso.split(separator: "-")
        guard pieces.count == 2, let number = Int(pieces[1]), (1...12).contains(number) else { return iso }
        return "\(monthNames[number - 1]) \(pieces[0])"
    }

    /// `OCMW Gent` → `Gent`, for "het OCMW van Gent".
    package static func municipality(ofOCMW name: String) -> String {
        name.hasPrefix("OCMW ") ? String(name.dropFirst(5)) : name
    }
}

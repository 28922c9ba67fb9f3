import Foundation
import OCMWCore
import OCMWDomain
import Testing

/// The citizen of the Mijn Burgerprofiel wireframes, and the fixtures that describe them in
/// both New Social dialects.
enum Wireframe {
    static let inszDigits = "85073003328"

    static func insz() throws -> INSZ { try INSZ(parsing: inszDigits, currentYear: 2026) }

    /// Another valid citizen, for responses about the wrong person.
    static func otherINSZ() throws -> INSZ { try INSZ(parsing: "17073003384", currentYear: 2026) }

    enum Part: String, Sendable { case debts, payments, dossiers, rights, trajectories, requests, certificates }

    /// The fixture file for a part in a dialect (v1 has no certificates fixture).
    static func fixture(_ part: Part, _ dialect: Dialect) throws -> Data {
        let name =
            switch (part, dialect) {
            case (.debts, .v1): "schulden"
            case (.debts, .v2): "debts"
            case (.payments, .v1): "betalingen"
            case (.payments, .v2): "payments"
            case (.dossiers, .v1): "dossiers"
            case (.dossiers, .v2): "citizen"
            case (.rights, .v1): "rechten"
            case (.trajectories, .v1): "trajecten"
            case (.requests, .v1): "aanvragen"
            case (.certificates, .v1): "attesten"
            case (.rights, .v2), (.trajectories, .v2), (.requests, .v2), (.certificates, .v2): part.rawValue
            }
        let url = try #require(
            Bundle.module.url(
                forResource: name, withExtension: "json",
                subdirectory: "Fixtures/\(dialect.rawValue)"))
        return try Data(contentsOf: url)
    }

    /// The wireframe's debts, written out by hand from the wireframe, not from the fixtures.
    static func debts() throws -> DebtOverview {
        DebtOverview(
            reference: "568974",
            items: [
                Debt(
                    description: "Verhuur", period: try period("2023-08-20"),
                    decision: Decision(date: try day("2023-08-15"), point: "223"), originalCents: 30_000, outstandingCents: 30_000),
                Debt(
                    description: "Prothese", period: try period("2023-07-03"),
                    decision: Decision(date: try day("2023-06-01"), point: "358"), originalCents: 68_000, outstandingCents: 68_000),
                Debt(
                    description: "Verplooiingsvergoeding", period: try period("2023-04-20"),
                    decision: nil, originalCents: 2_000, outstandingCents: 2_000),
                Debt(
                    description: "Karwei", period: try period("2023-04-20"),
                    decision: nil, originalCents: 7_196, outstandingCents: 7_196),
                Debt(
                    description: "Huurwaarborg", period: try period("2022-10-01"),
                    decision: Decision(date: try day("2022-10-10"), point: "157"), originalCents: 90_000, outstandingCents: 90_000),
                Debt(
                    description: "Leefloon", period: try period("2022-08-01", "2023-09-30"),
                    decision: Decision(date: try day("2022-10-08"), point: "122"), originalCents: 100_000, outstandingCents: 75_000),
                Debt(
                    description: "Speelpleinwerking", period: try period("2022-07-01", "2022-07-31"),
                    decision: nil, originalCents: 6_200, outstandingCents: 0),
            ])
    }

    /// The wireframe's payments for August 2023, in fixture order.
    static func payments() throws -> [Payment] {
        let paidOn = try day("2023-09-02")
        let august = try period("2023-08-01", "2023-08-31")
        return [
            Payment(
                label: "leefloon", amountCents: 45_000, period: try period("2023-08-01", "2023-08-18"),
                paymentDate: paidOn, paidTo: nil, paidVia: "aan kassa", status: .paid),
            Payment(
                label: "inhouding schuld OCMW (partner)", amountCents: 2_500, period: august,
                paymentDate: paidOn, paidTo: "OCMW Gent", paidVia: nil, status: .paid),
            Payment(
                label: "inhouding energiekosten", amountCents: 13_025, period: august,
                paymentDate: paidOn, paidTo: "Engie", paidVia: nil, status: .paid),
            Payment(
                label: "medische kosten", amountCents: 5_543, period: try period("2023-08-25"),
                paymentDate: try day("2023-08-25"), paidTo: "AZ Jan Palfijn", paidVia: nil, status: .paid),
            Payment(
                label: "leefloon", amountCents: 33_956, period: try period("2023-08-19", "2023-08-31"),
                paymentDate: nil, paidTo: nil, paidVia: "aan kassa", status: .inPayment),
            Payment(
                label: "aanvullende financiële hulp", amountCents: 15_845, period: august,
                paymentDate: nil, paidTo: nil, paidVia: nil, status: .notPaid),
            Payment(
                label: "inhouding huishuur", amountCents: 58_986, period: august,
                paymentDate: nil, paidTo: nil, paidVia: nil, status: .notPaid),
        ]
    }
}

/// A date from an ISO literal; fails the test (instead of crashing) when the literal is wrong.
func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try #require(CalendarDate(iso8601: iso), sourceLocation: sourceLocation)
}

func period(_ start: String, _ end: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> DatePeriod {
    let startDay = try day(start, sourceLocation: sourceLocation)
    let endDay = try end.map { try day($0, sourceLocation: sourceLocation) }
    return try #require(DatePeriod(start: startDay, end: endDay), sourceLocation: sourceLocation)
}

import Foundation
import OCMWCore

/// Small one-record response bodies for probing a single field, built as JSON text so that a
/// value can be replaced by any JSON fragment (a string, a number, `null`) or left out.
enum WireBodies {
    /// Leaves a key out of the record.
    static let absent = "<absent>"

    /// A JSON string fragment.
    static func text(_ value: String) -> String { "\"\(value)\"" }

    static func debts(
        _ dialect: Dialect, insz: String = Wireframe.inszDigits,
        _ overrides: [String: String] = [:]
    ) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz), "referentie": text("568974")], list: "schulden",
                record: [
                    ("omschrijving", text("Leefloon")), ("periode", text("01/08/2022-30/09/2023")),
                    ("beslissingsdatum", text("08/10/2022")), ("agendapunt", text("122")),
                    ("oorspronkelijkBedrag", text("1.000,00")), ("openstaandSaldo", text("750,00")),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz), "reference": text("568974")], list: "debts",
                record: [
                    ("description", text("Leefloon")), ("periodStart", text("2022-08-01")), ("periodEnd", text("2023-09-30")),
                    ("decisionDate", text("2022-10-08")), ("decisionPoint", text("122")),
                    ("originalCents", "100000"), ("outstandingCents", "75000"),
                ], overrides)
        }
    }

    static func payments(
        _ dialect: Dialect, insz: String = Wireframe.inszDigits,
        _ overrides: [String: String] = [:]
    ) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz)], list: "betalingen",
                record: [
                    ("steun", text("leefloon")), ("bedrag", text("450,00")), ("periode", text("01/08/2023-18/08/2023")),
                    ("betaaldatum", text("02/09/2023")), ("betaalcode", text("3")), ("betaalstatus", text("")),
                    ("automatisch", text("N")), ("betaaldAan", text("")), ("betaaldVia", text("aan kassa")),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz)], list: "payments",
                record: [
                    ("label", text("leefloon")), ("amountCents", "45000"), ("periodStart", text("2023-08-01")),
                    ("periodEnd", text("2023-08-18")), ("paymentDate", text("2023-09-02")), ("statusCode", "3"),
                    ("status", "null"), ("automatic", "false"), ("paidTo", "null"), ("paidVia", text("aan kassa")),
                ], overrides)
        }
    }

    static func dossiers(
        _ dialect: Dialect, insz: String = Wireframe.inszDigits,
        _ overrides: [String: String] = [:]
    ) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz)], list: "dossiers",
                record: [
                    ("hoedanigheid", text("LL")), ("vanaf", text("01/08/2022")), ("tot", text("")),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz)], list: "dossiers",
                record: [
                    ("capacity", text("LL")), ("since", text("2022-08-01")), ("until", "null"),
                ], overrides)
        }
    }

    static func body(
        _ top: [String: String], list: String, record: [(String, String)],
        _ overrides: [String: String]
    ) -> Data {
        var fields = record.map { key, value in (key, overrides[key] ?? value) }
        // Keys that are not in the base record are added, e.g. a per-record `insz`.
        fields += overrides.filter { key, _ in !record.contains { $0.0 == key } }.sorted { $0.key < $1.key }
        let recordText = fields.filter { $0.1 != absent }.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
        let topText = top.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return Data("{\(topText), \"\(list)\": [{\(recordText)}]}".utf8)
    }
}

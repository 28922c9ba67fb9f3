import Foundation
import OCMWCore

/// One-record bodies of the parts added after debts and payments; see `WireBodies`.
extension WireBodies {
    static func rights(_ dialect: Dialect, insz: String = Wireframe.inszDigits, _ overrides: [String: String] = [:]) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz)], list: "rechten",
                record: [
                    ("code", text("AFH")), ("omschrijving", text("Aanvullende financiële hulp")), ("beslissing", text("TOEGEKEND")),
                    ("vanaf", text("01/03/2023")), ("tot", text("29/02/2024")), ("maandbedrag", text("110,00")),
                    ("voorwaardelijk", text("J")),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz)], list: "rights",
                record: [
                    ("code", text("AFH")), ("label", text("Aanvullende financiële hulp")), ("decisionStatus", text("granted")),
                    ("since", text("2023-03-01")), ("until", text("2024-02-29")), ("monthlyAmountCents", "11000"),
                    ("conditional", "true"),
                ], overrides)
        }
    }

    static func trajectories(
        _ dialect: Dialect, insz: String = Wireframe.inszDigits,
        _ overrides: [String: String] = [:]
    ) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz)], list: "trajecten",
                record: [
                    ("code", text("LL")), ("omschrijving", text("Leefloon en budgetbeheer")), ("vanaf", text("01/08/2022")),
                    ("tot", text("")), ("contactpersonen", contact(.v1)),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz)], list: "trajectories",
                record: [
                    ("code", text("LL")), ("label", text("Leefloon en budgetbeheer")), ("since", text("2022-08-01")),
                    ("until", "null"), ("contacts", contact(.v2)),
                ], overrides)
        }
    }

    /// A list of one contact person (Inge Claus), with fields replaced by `overrides`.
    static func contact(_ dialect: Dialect, _ overrides: [String: String] = [:]) -> String {
        let fields: [(String, String)] =
            switch dialect {
            case .v1:
                [
                    ("naam", text("Inge Claus")), ("functie", text("maatschappelijk werker")), ("telefoon", text("0475/895742")),
                    ("email", text("inge.claus@ocmw.gent")), ("kantoor", text("Welzijnsbureau Sint-Amandsberg")),
                    ("straatEnNummer", text("Wittemolenstraat 89")), ("postcode", text("9040")), ("gemeente", text("Sint-Amandsberg")),
                ]
            case .v2:
                [
                    ("name", text("Inge Claus")), ("role", text("maatschappelijk werker")), ("phone", text("0475/895742")),
                    ("email", text("inge.claus@ocmw.gent")),
                    (
                        "office",
                        #"{"name": "Welzijnsbureau Sint-Amandsberg", "streetAndNumber": "Wittemolenstraat 89", "#
                            + #""postalCode": "9040", "municipality": "Sint-Amandsberg"}"#
                    ),
                ]
            }
        let members = fields.map { key, value in (key, overrides[key] ?? value) }.filter { $0.1 != absent }
        return "[{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}]"
    }

    static func requests(_ dialect: Dialect, insz: String = Wireframe.inszDigits, _ overrides: [String: String] = [:]) -> Data {
        switch dialect {
        case .v1:
            body(
                ["rijksregisternummer": text(insz)], list: "aanvragen",
                record: [
                    ("dossiernummer", text("2023/155")), ("soortCode", text("AH")), ("soort", text("Administratieve hulp")),
                    ("indieningsdatum", text("12/09/2023")), ("status", text("IN_BEHANDELING")), ("beslissingsdatum", text("")),
                    ("beslissingVerwacht", text("N")),
                ], overrides)
        case .v2:
            body(
                ["insz": text(insz)], list: "requests",
                record: [
                    ("dossierNumber", text("2023/155")), ("kindCode", text("AH")), ("kindLabel", text("Administratieve hulp")),
                    ("submittedDate", text("2023-09-12")), ("status", text("inProgress")), ("decisionDate", "null"),
                    ("decisionExpected", "false"),
                ], overrides)
        }
    }

    /// v2 only.
    static func certificates(insz: String = Wireframe.inszDigits, _ overrides: [String: String] = [:]) -> Data {
        body(
            ["insz": text(insz)], list: "certificates",
            record: [
                ("id", text("ATT-2023-0042")), ("typeCode", text("ATT-LL")), ("typeLabel", text("Attest leefloon")),
                ("status", text("available")), ("requestedDate", text("2023-09-01")), ("issuedDate", text("2023-09-04")),
            ], overrides)
    }
}

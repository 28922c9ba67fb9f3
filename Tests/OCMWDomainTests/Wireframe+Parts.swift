import Foundation
import OCMWCore
import OCMWDomain
import Testing

/// The wireframe citizen's rights, trajectories, requests and certificates, written out by hand
/// from the wireframes of Bijlage 4, not from the fixtures.
extension Wireframe {
    /// Every decision, in fixture order: two granted (as in the wireframe), one refused, one pending.
    static func rightDecisions() throws -> [RightDecision] {
        let term = try validity("2023-03-01", "2024-02-29")
        return [
            RightDecision(
                label: "Leefloon", code: "LL", period: term, monthlyAmountCents: nil, conditional: true,
                status: .granted),
            RightDecision(
                label: "Aanvullende financiële hulp", code: "AFH", period: term, monthlyAmountCents: 11_000,
                conditional: true, status: .granted),
            RightDecision(
                label: "Stookoliepremie", code: "SP", period: try validity("2023-01-01", "2023-12-31"),
                monthlyAmountCents: nil, conditional: false, status: .refused),
            RightDecision(
                label: "Tussenkomst medische kosten", code: "MK", period: try validity("2023-09-01"),
                monthlyAmountCents: nil, conditional: false, status: .pending),
        ]
    }

    /// "Toegekende rechten": leefloon, and aanvullende financiële hulp at € 110/maand, both
    /// 01/03/2023-29/02/2024, on condition.
    static func grantedRights() throws -> [GrantedRight] {
        let term = try validity("2023-03-01", "2024-02-29")
        return [
            GrantedRight(label: "Leefloon", code: "LL", period: term, monthlyAmountCents: nil, conditional: true),
            GrantedRight(
                label: "Aanvullende financiële hulp", code: "AFH", period: term, monthlyAmountCents: 11_000,
                conditional: true),
        ]
    }

    /// The five contact persons of the wireframe, with their phones, mails and offices as written there.
    static func trajectories() throws -> [Trajectory] {
        func contact(
            _ name: String, _ role: String, _ phone: String, _ email: String, _ office: String,
            _ street: String, _ postalCode: String, _ municipality: String
        ) -> ContactPerson {
            ContactPerson(
                name: name, role: role, phone: phone, email: email,
                office: OfficeAddress(
                    name: office, streetAndNumber: street, postalCode: postalCode,
                    municipality: municipality))
        }
        func trajectory(_ code: String, _ label: String, _ since: String, _ person: ContactPerson) throws -> Trajectory {
            try #require(Trajectory(code: code, label: label, since: try day(since), until: nil, contacts: [person]))
        }
        return [
            try trajectory(
                "LL", "Leefloon en budgetbeheer", "2022-08-01",
                contact(
                    "Inge Claus", "maatschappelijk werker", "0475/895742", "inge.claus@ocmw.gent",
                    "Welzijnsbureau Sint-Amandsberg", "Wittemolenstraat 89", "9040", "Sint-Amandsberg")),
            try trajectory(
                "ACT", "Activering", "2023-01-09",
                contact(
                    "Bart Van Brabant", "Activeringsbegeleider", "0499/895742", "bart.vanbrabant@ocmw.gent",
                    "MAACT", "Malsstraat 142", "9000", "Gent")),
            try trajectory(
                "WB", "Woonbegeleiding", "2023-04-03",
                contact(
                    "Michiel Declercq", "woonbegeleider", "0478/589652", "michiel.declercq@ocmw.gent",
                    "Sociale woonbegeleiding", "Offerlaan 264", "9000", "Gent")),
            try trajectory(
                "PSY", "Psychologische begeleiding", "2023-05-15",
                contact(
                    "Eva De Mol", "psycholoog", "0475/895742", "eva.demol@ocmw.gent",
                    "Psychologische dienst", "Sint-Martensstraat 13", "9000", "Gent")),
            try trajectory(
                "SB", "Schuldbeheer", "2022-10-01",
                contact(
                    "Frans Ferdinand", "Dossierbeheerder schulden", "0475/885848", "frans.ferdinand@ocmw.gent",
                    "Dienst Financiën", "Franklin Rooseveltlaan 1", "9000", "Gent")),
        ]
    }

    /// Financial and administrative help under 2023/155 (the latter without a decision step), a
    /// decided leefloon request and a closed budget guidance request (no decision step, the kind
    /// deciding since the fixture leaves the flag out).
    static func requests() throws -> [HelpRequest] {
        [
            HelpRequest(
                dossierNumber: "2023/155", kind: CodeLabel(code: "AFH", label: "Aanvullende financiële hulp"),
                submittedDate: try day("2023-09-12"), status: .inProgress, decisionDate: nil, getsDecision: true),
            HelpRequest(
                dossierNumber: "2023/155", kind: CodeLabel(code: "AH", label: "Administratieve hulp"),
                submittedDate: try day("2023-09-12"), status: .inProgress, decisionDate: nil, getsDecision: false),
            HelpRequest(
                dossierNumber: "2023/034", kind: CodeLabel(code: "LL", label: "Leefloon"),
                submittedDate: try day("2023-02-06"), status: .decided, decisionDate: try day("2023-02-22"),
                getsDecision: true),
            HelpRequest(
                dossierNumber: "2022/412", kind: CodeLabel(code: "BB", label: "Budgetbegeleiding"),
                submittedDate: try day("2022-08-01"), status: .closed, decisionDate: nil, getsDecision: false),
        ]
    }

    static func certificates() throws -> [Certificate] {
        [
            Certificate(
                id: "ATT-2023-0042", type: CodeLabel(code: "ATT-LL", label: "Attest leefloon"), status: .available,
                requestedDate: try day("2023-09-01"), issuedDate: try day("2023-09-04")),
            Certificate(
                id: "ATT-2023-0057", type: CodeLabel(code: "ATT-STEUN", label: "Attest ontvangen steun"),
                status: .requested, requestedDate: try day("2023-09-20"), issuedDate: nil),
        ]
    }
}

func validity(_ start: String, _ end: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> ValidityPeriod {
    let startDay = try day(start, sourceLocation: sourceLocation)
    let endDay = try end.map { try day($0, sourceLocation: sourceLocation) }
    return try #require(ValidityPeriod(start: startDay, end: endDay), sourceLocation: sourceLocation)
}

/// Canonical JSON, as the proxy encodes the model.
func sortedJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

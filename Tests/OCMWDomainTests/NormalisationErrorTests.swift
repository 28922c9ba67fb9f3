import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Responses that must be rejected")
struct NormalisationErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        enum Part: Sendable { case debts, payments, dossiers, rights, trajectories, requests, certificates }

        let scenario: String
        let dialect: Dialect
        let part: Part
        let body: Data
        let reason: String
        /// The JSON path the error must point at, when the case is about one field.
        var field: String?

        var testDescription: String { "\(dialect.rawValue): \(scenario)" }

        func decode(insz: INSZ) throws(NormalisationError) {
            switch part {
            case .debts: _ = try NewSocialDecoder.decodeDebts(body, dialect: dialect, insz: insz)
            case .payments: _ = try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: insz)
            case .dossiers: _ = try NewSocialDecoder.decodeDossiers(body, dialect: dialect, insz: insz)
            case .rights: _ = try NewSocialDecoder.decodeRights(body, dialect: dialect, insz: insz)
            case .trajectories: _ = try NewSocialDecoder.decodeTrajectories(body, dialect: dialect, insz: insz)
            case .requests: _ = try NewSocialDecoder.decodeRequests(body, dialect: dialect, insz: insz)
            case .certificates: _ = try NewSocialDecoder.decodeCertificates(body, dialect: dialect, insz: insz)
            }
        }
    }

    static let other = "17073003384"
    static let t = WireBodies.text

    /// Cases that read the same in both dialects.
    static let bothDialects: [Case] = Dialect.allCases.flatMap { d -> [Case] in
        let debts = WireBodies.debts(d)
        return [
            Case(scenario: "garbage bytes", dialect: d, part: .debts, body: Data([0xFF, 0xFE, 0x00, 0x41, 0x9C]), reason: "invalidJSON"),
            Case(scenario: "empty body", dialect: d, part: .payments, body: Data(), reason: "invalidJSON"),
            Case(
                scenario: "an HTML error page", dialect: d, part: .debts,
                body: Data("<html><body>502 Bad Gateway</body></html>".utf8), reason: "invalidJSON"),
            Case(scenario: "truncated JSON", dialect: d, part: .debts, body: debts.prefix(debts.count / 2), reason: "invalidJSON"),
            Case(
                scenario: "a JSON array instead of an object", dialect: d, part: .debts, body: Data("[]".utf8),
                reason: "unexpectedShape", field: "$"),
            Case(
                scenario: "the 404 body of an unknown citizen", dialect: d, part: .dossiers,
                body: Data(#"{"error": "unknown citizen"}"#.utf8), reason: "missingValue"),
            Case(
                scenario: "debts of another citizen", dialect: d, part: .debts,
                body: WireBodies.debts(d, insz: other), reason: "inszMismatch"),
            Case(
                scenario: "payments of another citizen", dialect: d, part: .payments,
                body: WireBodies.payments(d, insz: other), reason: "inszMismatch"),
            Case(
                scenario: "dossiers of another citizen", dialect: d, part: .dossiers,
                body: WireBodies.dossiers(d, insz: other), reason: "inszMismatch"),
            Case(
                scenario: "the same citizen written with separators", dialect: d, part: .debts,
                body: WireBodies.debts(d, insz: "85.07.30-033.28"), reason: "inszMismatch"),
        ]
    }

    static let v1: [Case] = [
        Case(
            scenario: "amount 2.721,9x", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["openstaandSaldo": t("2.721,9x")]), reason: "invalidAmount",
            field: "schulden[0].openstaandSaldo"),
        Case(
            scenario: "negative payment", dialect: .v1, part: .payments,
            body: WireBodies.payments(.v1, ["bedrag": t("-450,00")]), reason: "negativeAmount", field: "betalingen[0].bedrag"),
        Case(
            scenario: "amount as a JSON number", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["oorspronkelijkBedrag": "1000"]), reason: "unexpectedShape",
            field: "schulden[0].oorspronkelijkBedrag"),
        Case(
            scenario: "outstanding above original", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["openstaandSaldo": t("1.000,01")]), reason: "outstandingExceedsOriginal"),
        Case(
            scenario: "31 February", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["beslissingsdatum": t("31/02/2023")]), reason: "invalidDate",
            field: "schulden[0].beslissingsdatum"),
        Case(
            scenario: "an ISO date in v1", dialect: .v1, part: .payments,
            body: WireBodies.payments(.v1, ["betaaldatum": t("2023-09-02")]), reason: "invalidDate"),
        Case(
            scenario: "a date without leading zeros", dialect: .v1, part: .dossiers,
            body: WireBodies.dossiers(.v1, ["vanaf": t("1/8/2022")]), reason: "invalidDate", field: "dossiers[0].vanaf"),
        Case(
            scenario: "a period ending before it starts", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["periode": t("30/09/2023-01/08/2022")]), reason: "invalidPeriod"),
        Case(
            scenario: "a period of three dates", dialect: .v1, part: .payments,
            body: WireBodies.payments(.v1, ["periode": t("01/08/2023-18/08/2023-31/08/2023")]), reason: "invalidPeriod"),
        Case(
            scenario: "a period with a malformed end", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["periode": t("01/08/2022-30/09/23")]), reason: "invalidDate"),
        Case(
            scenario: "a dossier ending before it starts", dialect: .v1, part: .dossiers,
            body: WireBodies.dossiers(.v1, ["tot": t("31/07/2022")]), reason: "invalidPeriod"),
        Case(
            scenario: "an agenda point without a decision date", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["beslissingsdatum": t("")]), reason: "incompleteDecision"),
        Case(
            scenario: "an empty description", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["omschrijving": t("")]), reason: "missingValue", field: "schulden[0].omschrijving"),
        Case(
            scenario: "a payment code that is not a number", dialect: .v1, part: .payments,
            body: WireBodies.payments(.v1, ["betaalcode": t("drie")]), reason: "malformedPaymentStatus"),
        Case(
            scenario: "automatisch neither J nor N", dialect: .v1, part: .payments,
            body: WireBodies.payments(.v1, ["automatisch": t("ja")]), reason: "malformedPaymentStatus",
            field: "betalingen[0].automatisch"),
        Case(
            scenario: "a record about another citizen", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, ["rijksregisternummer": t(other)]), reason: "inszMismatch", field: "schulden[0]"),
        Case(
            scenario: "another citizen whose record is broken too", dialect: .v1, part: .debts,
            body: WireBodies.debts(.v1, insz: other, ["openstaandSaldo": t("2.721,9x")]), reason: "inszMismatch"),
    ]

    static let v2: [Case] = [
        Case(
            scenario: "negative original amount", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["originalCents": "-100000"]), reason: "negativeAmount", field: "debts[0].originalCents"),
        Case(
            scenario: "negative payment", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["amountCents": "-45000"]), reason: "negativeAmount"),
        Case(
            scenario: "amount as a Belgian string", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["originalCents": t("1.000,00")]), reason: "unexpectedShape",
            field: "debts[0].originalCents"),
        Case(
            scenario: "amount with a fraction", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["amountCents": "450.5"]), reason: "unexpectedShape",
            field: "payments[0].amountCents"),
        Case(
            scenario: "amount beyond Int", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["amountCents": "123456789012345678901234567890"]), reason: "unexpectedShape",
            field: "payments[0].amountCents"),
        Case(
            scenario: "a status code with a fraction", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["statusCode": "3.5"]), reason: "unexpectedShape", field: "payments[0].statusCode"),
        Case(
            scenario: "implausibly large amount", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["originalCents": "1000000000001"]), reason: "amountOutOfRange"),
        Case(
            scenario: "null amount", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["outstandingCents": "null"]), reason: "missingValue", field: "debts[0].outstandingCents"),
        Case(
            scenario: "missing amount", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["amountCents": WireBodies.absent]), reason: "missingValue"),
        Case(
            scenario: "outstanding above original", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["outstandingCents": "100001"]), reason: "outstandingExceedsOriginal"),
        Case(
            scenario: "a Belgian date in v2", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["periodStart": t("01/08/2022")]), reason: "invalidDate", field: "debts[0].periodStart"),
        Case(
            scenario: "30 February", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["paymentDate": t("2023-02-30")]), reason: "invalidDate"),
        Case(
            scenario: "a date with a time", dialect: .v2, part: .dossiers,
            body: WireBodies.dossiers(.v2, ["since": t("2022-08-01T00:00:00Z")]), reason: "invalidDate"),
        Case(
            scenario: "a period ending before it starts", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["periodEnd": t("2023-07-31")]), reason: "invalidPeriod"),
        Case(
            scenario: "an agenda point without a decision date", dialect: .v2, part: .debts,
            body: WireBodies.debts(.v2, ["decisionDate": "null"]), reason: "incompleteDecision"),
        Case(
            scenario: "automatic as a string", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["automatic": t("J")]), reason: "unexpectedShape"),
        Case(
            scenario: "a null label", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["label": "null"]), reason: "missingValue", field: "payments[0].label"),
        Case(
            scenario: "a record about another citizen", dialect: .v2, part: .payments,
            body: WireBodies.payments(.v2, ["insz": t(other)]), reason: "inszMismatch", field: "payments[0]"),
        Case(
            scenario: "no insz at all", dialect: .v2, part: .debts,
            body: Data(#"{"reference": "568974", "debts": []}"#.utf8), reason: "missingValue", field: "insz"),
    ]

    @Test("A bad response is rejected with a stable reason", arguments: bothDialects + v1 + v2 + parts)
    func rejected(_ badCase: Case) throws {
        let insz = try Wireframe.insz()
        let error = #expect(throws: NormalisationError.self) { try badCase.decode(insz: insz) }
        #expect(error?.reason == badCase.reason)
        if let field = badCase.field { #expect(error?.field == field) }
    }

    @Test("No error message contains either citizen's INSZ", arguments: bothDialects + v1 + v2 + parts)
    func messagesNeverContainINSZ(_ badCase: Case) throws {
        let insz = try Wireframe.insz()
        let error = #expect(throws: NormalisationError.self) { try badCase.decode(insz: insz) }
        let rendered = [error.map { "\($0)" }, error?.reason, error?.field, error.map { String(reflecting: $0) }]
            .compactMap { $0 }
        #expect(!rendered.isEmpty)
        for text in rendered {
            #expect(!text.contains(Wireframe.inszDigits))
            #expect(!text.contains(Self.other))
        }
    }

    @Test("Errors compare by reason, so callers can match the public constants")
    func equalityByReason() {
        let body = WireBodies.debts(.v2, insz: Self.other)
        #expect(throws: NormalisationError.inszMismatch) {
            try NewSocialDecoder.decodeDebts(body, dialect: .v2, insz: try Wireframe.insz())
        }
        #expect(NormalisationError.inszMismatch != NormalisationError.invalidJSON)
        #expect(NormalisationError.invalidAmount.reason == "invalidAmount")
    }

    @Test(
        "Unknown fields are ignored in both dialects",
        arguments: [
            (Dialect.v1, ["dossierbeheerder": WireBodies.text("Jan"), "extra": "[1, 2, {\"a\": null}]"]),
            (Dialect.v2, ["caseWorker": WireBodies.text("Jan"), "extra": "[1, 2, {\"a\": null}]"]),
        ])
    func unknownFieldsIgnored(_ dialect: Dialect, extra: [String: String]) throws {
        let overview = try NewSocialDecoder.decodeDebts(
            WireBodies.debts(dialect, extra), dialect: dialect,
            insz: Wireframe.insz())
        #expect(overview.totals == DebtTotals(originalCents: 100_000, outstandingCents: 75_000))
    }
}

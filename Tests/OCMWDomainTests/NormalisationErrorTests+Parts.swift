import Foundation
import OCMWCore
import OCMWDomain

extension NormalisationErrorTests {
    /// Rights, trajectories, requests and certificates that must be rejected.
    static let parts: [Case] = crossCitizen + malformedParts

    /// A body or a single record about someone else makes the whole part an error, in every part.
    static let crossCitizen: [Case] =
        Dialect.allCases.flatMap { d -> [Case] in
            let recordKey = d == .v1 ? "rijksregisternummer" : "insz"
            let (rights, trajectories, requests) =
                d == .v1
                ? ("rechten", "trajecten", "aanvragen")
                : ("rights", "trajectories", "requests")
            return [
                Case(
                    scenario: "rights of another citizen", dialect: d, part: .rights,
                    body: WireBodies.rights(d, insz: other), reason: "inszMismatch", field: recordKey),
                Case(
                    scenario: "a right about another citizen", dialect: d, part: .rights,
                    body: WireBodies.rights(d, [recordKey: t(other)]), reason: "inszMismatch", field: "\(rights)[0]"),
                Case(
                    scenario: "trajectories of another citizen", dialect: d, part: .trajectories,
                    body: WireBodies.trajectories(d, insz: other), reason: "inszMismatch", field: recordKey),
                Case(
                    scenario: "a trajectory about another citizen", dialect: d, part: .trajectories,
                    body: WireBodies.trajectories(d, [recordKey: t(other)]), reason: "inszMismatch", field: "\(trajectories)[0]"),
                Case(
                    scenario: "requests of another citizen", dialect: d, part: .requests,
                    body: WireBodies.requests(d, insz: other), reason: "inszMismatch", field: recordKey),
                Case(
                    scenario: "a request about another citizen", dialect: d, part: .requests,
                    body: WireBodies.requests(d, [recordKey: t(other)]), reason: "inszMismatch", field: "\(requests)[0]"),
                Case(
                    scenario: "a request about another citizen whose status is unknown too", dialect: d, part: .requests,
                    body: WireBodies.requests(d, [recordKey: t(other), "status": t("X")]), reason: "inszMismatch"),
            ]
        } + [
            Case(
                scenario: "certificates of another citizen", dialect: .v2, part: .certificates,
                body: WireBodies.certificates(insz: other), reason: "inszMismatch", field: "insz"),
            Case(
                scenario: "a certificate about another citizen", dialect: .v2, part: .certificates,
                body: WireBodies.certificates(["insz": t(other)]), reason: "inszMismatch", field: "certificates[0]"),
            Case(
                scenario: "certificates asked of v1", dialect: .v1, part: .certificates,
                body: WireBodies.certificates(), reason: "partNotOffered"),
        ]

    static let malformedParts: [Case] = [
        Case(
            scenario: "an empty decision status", dialect: .v1, part: .rights,
            body: WireBodies.rights(.v1, ["beslissing": t("")]), reason: "missingValue", field: "rechten[0].beslissing"),
        Case(
            scenario: "a decision status that is a number", dialect: .v2, part: .rights,
            body: WireBodies.rights(.v2, ["decisionStatus": "1"]), reason: "unexpectedShape",
            field: "rights[0].decisionStatus"),
        Case(
            scenario: "voorwaardelijk neither J nor N", dialect: .v1, part: .rights,
            body: WireBodies.rights(.v1, ["voorwaardelijk": t("ja")]), reason: "invalidFlag",
            field: "rechten[0].voorwaardelijk"),
        Case(
            scenario: "a negative monthly amount", dialect: .v2, part: .rights,
            body: WireBodies.rights(.v2, ["monthlyAmountCents": "-11000"]), reason: "negativeAmount",
            field: "rights[0].monthlyAmountCents"),
        Case(
            scenario: "a monthly amount in English notation", dialect: .v1, part: .rights,
            body: WireBodies.rights(.v1, ["maandbedrag": t("110.00")]), reason: "invalidAmount", field: "rechten[0].maandbedrag"),
        Case(
            scenario: "a right ending before it starts", dialect: .v2, part: .rights,
            body: WireBodies.rights(.v2, ["until": t("2023-02-28")]), reason: "invalidPeriod"),
        Case(
            scenario: "a right without a code", dialect: .v1, part: .rights,
            body: WireBodies.rights(.v1, ["code": t("")]), reason: "missingValue", field: "rechten[0].code"),
        Case(
            scenario: "a trajectory ending before it starts", dialect: .v1, part: .trajectories,
            body: WireBodies.trajectories(.v1, ["tot": t("31/07/2022")]), reason: "invalidPeriod"),
        Case(
            scenario: "a contact person without a name", dialect: .v2, part: .trajectories,
            body: WireBodies.trajectories(.v2, ["contacts": WireBodies.contact(.v2, ["name": "null"])]),
            reason: "missingValue", field: "trajectories[0].contacts[0].name"),
        Case(
            scenario: "an office without a postal code", dialect: .v1, part: .trajectories,
            body: WireBodies.trajectories(.v1, ["contactpersonen": WireBodies.contact(.v1, ["postcode": t("")])]),
            reason: "incompleteAddress", field: "trajecten[0].contactpersonen[0]"),
        Case(
            scenario: "an office with only a name", dialect: .v2, part: .trajectories,
            body: WireBodies.trajectories(.v2, ["contacts": WireBodies.contact(.v2, ["office": #"{"name": "MAACT"}"#])]),
            reason: "incompleteAddress", field: "trajectories[0].contacts[0].office"),
        Case(
            scenario: "a request without a kind label", dialect: .v2, part: .requests,
            body: WireBodies.requests(.v2, ["kindLabel": WireBodies.absent]), reason: "missingValue",
            field: "requests[0].kindLabel"),
        Case(
            scenario: "a request's case worker without a name", dialect: .v2, part: .requests,
            body: WireBodies.requests(.v2, ["caseWorker": String(WireBodies.contact(.v2, ["name": t(" ")]).dropFirst().dropLast())]),
            reason: "missingValue", field: "requests[0].caseWorker.name"),
        Case(
            scenario: "a request's dossierbeheerder whose office has no postal code", dialect: .v1, part: .requests,
            body: WireBodies.requests(
                .v1, ["dossierbeheerder": String(WireBodies.contact(.v1, ["postcode": t("")]).dropFirst().dropLast())]),
            reason: "incompleteAddress", field: "aanvragen[0].dossierbeheerder"),
        Case(
            scenario: "beslissingVerwacht neither J nor N", dialect: .v1, part: .requests,
            body: WireBodies.requests(.v1, ["beslissingVerwacht": t("nee")]), reason: "invalidFlag"),
        Case(
            scenario: "an ISO submission date in v1", dialect: .v1, part: .requests,
            body: WireBodies.requests(.v1, ["indieningsdatum": t("2023-09-12")]), reason: "invalidDate"),
        Case(
            scenario: "an empty certificate status", dialect: .v2, part: .certificates,
            body: WireBodies.certificates(["status": t(" ")]), reason: "missingValue", field: "certificates[0].status"),
        Case(
            scenario: "a certificate without an id", dialect: .v2, part: .certificates,
            body: WireBodies.certificates(["id": "null"]), reason: "missingValue", field: "certificates[0].id"),
    ]
}

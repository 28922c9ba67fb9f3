import OCMWCore

import struct Foundation.Data

/// v1 `GET /nsapi/v1/dossiers/{insz}/aanvragen`.
enum V1Requests {
    struct Body: CitizenResponse {
        let rijksregisternummer: String
        let aanvragen: [Item]

        var citizen: (insz: String, field: String) { (rijksregisternummer, "rijksregisternummer") }
        var records: (items: [Item], field: String) { (aanvragen, "aanvragen") }
    }

    struct Item: Decodable, CitizenRecord {
        let rijksregisternummer: String?
        let dossiernummer: String?
        let soortCode: String?
        let soort: String?
        let indieningsdatum: String?
        let status: String?
        let beslissingsdatum: String?
        let beslissingVerwacht: String?
        /// The case worker, a contact person as in `trajecten`; absent or `null` when none.
        let dossierbeheerder: V1Trajectories.Contact?

        var reportedINSZ: String? { RecordRules.optionalText(rijksregisternummer) }
    }

    static func normalise(_ data: Data, insz: INSZ) throws(NormalisationError) -> [HelpRequest] {
        try Body.normalise(data, about: insz, each: normalise(_:field:)).records
    }

    private static func normalise(_ item: Item, field: String) throws(NormalisationError) -> HelpRequest {
        RecordRules.request(
            dossierNumber: try RecordRules.requiredText(item.dossiernummer, field: "\(field).dossiernummer"),
            kind: CodeLabel(
                code: try RecordRules.requiredText(item.soortCode, field: "\(field).soortCode"),
                label: try RecordRules.requiredText(item.soort, field: "\(field).soort")),
            submittedDate: try BelgianNotation.date(item.indieningsdatum, field: "\(field).indieningsdatum"),
            status: try StatusCodes.read(item.status, table: V1Codes.request, field: "\(field).status"),
            decisionDate: try BelgianNotation.optionalDate(item.beslissingsdatum, field: "\(field).beslissingsdatum"),
            decisionExpected: try BelgianNotation.optionalFlag(
                item.beslissingVerwacht,
                field: "\(field).beslissingVerwacht"),
            caseWorker: try item.dossierbeheerder.map { contact throws(NormalisationError) in
                try V1Trajectories.normalise(contact, field: "\(field).dossierbeheerder")
            })
    }
}

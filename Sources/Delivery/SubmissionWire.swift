import Foundation
import OCMWCore
import Outbox

/// A submission in the words of the tenant's New Social dialect (docs/newsocial-api.md,
/// "Submissions"), and the reading of its answer.
package enum SubmissionWire {
    /// The largest body a New Social installation must accept (docs/newsocial-api.md,
    /// "Submissions": at least 16 MiB; a larger one gets 413). Documents travel in base64, a
    /// third larger than the files: a submission whose body would exceed this is refused at the
    /// door, since the OCMW would refuse it for good after it was accepted.
    package static let maxBodyBytes = 16 * 1024 * 1024

    /// The path and JSON body for `submission` in `dialect`, or nil when the dialect does not
    /// take this kind.
    package static func request(
        for submission: Submission, envelope: SubmissionEnvelope, dialect: Dialect
    ) throws -> (path: String, body: [UInt8])? {
        try request(kind: submission.status.kind, citizen: submission.citizen, envelope: envelope, dialect: dialect)
    }

    /// The path and JSON body of a `kind` submission for `citizen` in `dialect`, or nil when the
    /// dialect does not take this kind.
    package static func request(
        kind: SubmissionKind, citizen: INSZ, envelope: SubmissionEnvelope, dialect: Dialect
    ) throws -> (path: String, body: [UInt8])? {
        let insz = citizen.digits
        switch (kind, dialect) {
        case (.helpRequest, .v2):
            guard let help = envelope.helpRequest else { return nil }
            let body = V2Request(
                applicant: help.applicant, categories: help.categories, text: help.text,
                documents: envelope.documents)
            return ("/api/v2/citizens/\(insz)/requests", try encode(body))
        case (.certificateRequest, .v2):
            guard let type = envelope.certificateType else { return nil }
            return ("/api/v2/citizens/\(insz)/certificate-requests", try encode(["certificateType": type]))
        case (.helpRequest, .v1):
            guard let help = envelope.helpRequest else { return nil }
            return ("/nsapi/v1/dossiers/\(insz)/aanvragen", try encode(V1Request(help, documents: envelope.documents)))
        case (.certificateRequest, .v1):
            return nil
        }
    }

    /// The dossier or request number in a 200/201 answer, whichever dialect wrote it.
    package static func number(in body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        for key in ["dossierNumber", "requestNumber", "dossiernummer"] {
            if let value = object[key] as? String, !value.isEmpty { return value }
        }
        return nil
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    private struct V2Request: Encodable {
        let applicant: SubmissionEnvelope.Applicant
        let categories: [String]
        let text: String
        let documents: [SubmissionEnvelope.Document]
    }

    private struct V1Request: Encodable {
        struct Address: Encodable {
            package let straat, postcode, gemeente: String
            package init(_ address: SubmissionEnvelope.Address) {
                straat = address.street
                postcode = address.postalCode
                gemeente = address.municipality
            }
        }

        struct Aanvrager: Encodable {
            package let naam, voornaam: String
            package let domicilie: Address
            package let verblijfplaats: Address?
            package let email, telefoon: String
        }

        struct Bijlage: Encodable {
            package let mediatype, sha256, inhoudBase64: String
        }

        let aanvrager: Aanvrager
        let categorieen: [String]
        let omschrijving: String
        let bijlagen: [Bijlage]

        init(_ help: SubmissionEnvelope.HelpRequest, documents: [SubmissionEnvelope.Document]) {
            let applicant = help.applicant
            aanvrager = Aanvrager(
                naam: applicant.lastName, voornaam: applicant.firstName, domicilie: Address(applicant.domicile),
                verblijfplaats: applicant.residence.map(Address.init), email: applicant.email,
                telefoon: applicant.phone)
            categorieen = help.categories
            omschrijving = help.text
            bijlagen = documents.map { Bijlage(mediatype: $0.mediaType, sha256: $0.sha256, inhoudBase64: $0.contentBase64) }
        }
    }
}

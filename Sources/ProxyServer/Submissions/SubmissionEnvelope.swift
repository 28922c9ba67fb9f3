import Foundation
import SubmissionIntake

/// What the outbox keeps of an accepted submission until it is delivered: the validated request
/// in a dialect-neutral form, and the documents. Encoded as JSON with sorted keys, so the same
/// submission always gives the same bytes (and the same idempotency fingerprint); the delivery
/// service writes the tenant's dialect from it at delivery time.
struct SubmissionEnvelope: Codable, Sendable, Equatable {
    struct Address: Codable, Sendable, Equatable {
        let street: String
        let postalCode: String
        let municipality: String

        init(_ address: PostalAddress) {
            street = address.street
            postalCode = address.postalCode
            municipality = address.municipality
        }
    }

    struct Applicant: Codable, Sendable, Equatable {
        let lastName: String
        let firstName: String
        let domicile: Address
        let residence: Address?
        let email: String
        let phone: String
    }

    struct HelpRequest: Codable, Sendable, Equatable {
        let applicant: Applicant
        let categories: [String]
        let text: String
    }

    struct Document: Codable, Sendable, Equatable {
        let mediaType: String
        let sha256: String
        let contentBase64: String
    }

    var helpRequest: HelpRequest?
    var certificateType: String?
    var documents: [Document] = []

    init(_ request: ValidatedHelpRequest, documents: [Document]) {
        let applicant = request.applicant
        helpRequest = HelpRequest(
            applicant: Applicant(lastName: applicant.lastName, firstName: applicant.firstName,
                                 domicile: Address(applicant.domicile), residence: applicant.residence.map(Address.init),
                                 email: applicant.email, phone: applicant.phone),
            categories: request.categories, text: request.text)
        self.documents = documents
    }

    init(_ request: ValidatedCertificateRequest) {
        certificateType = request.certificateType
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

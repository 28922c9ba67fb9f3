import Foundation
import SubmissionIntake

/// What the outbox keeps of an accepted submission until it is delivered: the validated request
/// in a dialect-neutral form, and the documents. Encoded as JSON with sorted keys, so the same
/// submission always gives the same bytes (and the same idempotency fingerprint); the delivery
/// service writes the tenant's dialect from it at delivery time.
package struct SubmissionEnvelope: Codable, Sendable, Equatable {
    package struct Address: Codable, Sendable, Equatable {
        package let street: String
        package let postalCode: String
        package let municipality: String

        package init(_ address: PostalAddress) {
            street = address.street
            postalCode = address.postalCode
            municipality = address.municipality
        }
    }

    package struct Applicant: Codable, Sendable, Equatable {
        package let lastName: String
        package let firstName: String
        package let domicile: Address
        package let residence: Address?
        package let email: String
        package let phone: String
    }

    package struct HelpRequest: Codable, Sendable, Equatable {
        package let applicant: Applicant
        package let categories: [String]
        package let text: String
    }

    package struct Document: Codable, Sendable, Equatable {
        package let mediaType: String
        package let sha256: String
        package let contentBase64: String

        package init(mediaType: String, sha256: String, contentBase64: String) {
            self.mediaType = mediaType
            self.sha256 = sha256
            self.contentBase64 = contentBase64
        }
    }

    package var helpRequest: HelpRequest?
    package var certificateType: String?
    package var documents: [Document] = []

    package init(_ request: ValidatedHelpRequest, documents: [Document]) {
        let applicant = request.applicant
        helpRequest = HelpRequest(
            applicant: Applicant(
                lastName: applicant.lastName, firstName: applicant.firstName,
                domicile: Address(applicant.domicile), residence: applicant.residence.map(Address.init),
                email: applicant.email, phone: applicant.phone),
            categories: request.categories, text: request.text)
        self.documents = documents
    }

    package init(_ request: ValidatedCertificateRequest) {
        certificateType = request.certificateType
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

import OCMWCore

/// A postal address that passed validation, trimmed.
public struct PostalAddress: Sendable, Equatable {
    public let street: String
    /// Four digits.
    public let postalCode: String
    public let municipality: String
}

extension PostalAddress {
    /// The same place, however the texts are capitalised or spaced.
    func isSameAddress(as other: PostalAddress) -> Bool {
        func folded(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return postalCode == other.postalCode && folded(street) == folded(other.street)
            && folded(municipality) == folded(other.municipality)
    }
}

/// An applicant that passed validation, trimmed.
public struct ApplicantData: Sendable, Equatable {
    public let lastName: String
    public let firstName: String
    public let domicile: PostalAddress
    public let residence: PostalAddress?
    public let email: String
    public let phone: String
}

/// A request for help that passed validation against its tenant.
public struct ValidatedHelpRequest: Sendable, Equatable {
    public let tenant: TenantID
    public let applicant: ApplicantData
    /// Category codes in the order sent, without duplicates.
    public let categories: [String]
    /// Free text, trimmed; empty when none was given.
    public let text: String
}

/// A certificate request that passed validation against its tenant.
public struct ValidatedCertificateRequest: Sendable, Equatable {
    public let tenant: TenantID
    public let certificateType: String
}

/// Something the caller should be told although the submission is accepted.
public struct SubmissionWarning: Sendable, Equatable, Hashable {
    /// Stable, e.g. `domicileOutsideMunicipality`.
    public let code: String
    /// For the citizen, in Dutch.
    public let message: String
}

/// A validated value together with the warnings it carries.
public struct Validated<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let warnings: [SubmissionWarning]
}

/// The JSON part of a request for help, as the client sent it. Every field is optional here so
/// that a missing one is reported by name during validation instead of as a decoding failure.
public struct HelpRequestForm: Sendable, Equatable, Codable {
    /// A postal address as sent.
    public struct Address: Sendable, Equatable, Codable {
        public var street: String?
        public var postalCode: String?
        public var municipality: String?

        public init(street: String? = nil, postalCode: String? = nil, municipality: String? = nil) {
            self.street = street
            self.postalCode = postalCode
            self.municipality = municipality
        }
    }

    /// The applicant as prefilled by Mijn Burgerprofiel and corrected by the citizen.
    public struct Applicant: Sendable, Equatable, Codable {
        public var lastName: String?
        public var firstName: String?
        public var domicile: Address?
        /// Only when the citizen lives somewhere other than their domicile.
        public var residence: Address?
        public var email: String?
        /// The e-mail address typed a second time, as the form asks; when given, it must be the
        /// same as `email` (not forwarded: it only catches a typo).
        public var emailConfirmation: String?
        public var phone: String?

        public init(
            lastName: String? = nil, firstName: String? = nil, domicile: Address? = nil,
            residence: Address? = nil, email: String? = nil, emailConfirmation: String? = nil, phone: String? = nil
        ) {
            self.lastName = lastName
            self.firstName = firstName
            self.domicile = domicile
            self.residence = residence
            self.email = email
            self.emailConfirmation = emailConfirmation
            self.phone = phone
        }
    }

    /// The chosen OCMW's tenant id.
    public var ocmw: String?
    public var applicant: Applicant?
    /// Codes from the OCMW's categories of help.
    public var categories: [String]?
    /// The citizen's explanation; optional, at most `IntakeLimits.maxTextCharacters` characters.
    public var text: String?
    /// Codes of the warnings the citizen saw (from a check before sending) and went on anyway
    /// ("verder"); not forwarded. Codes the proxy does not give are ignored.
    public var acknowledgedWarnings: [String]?

    public init(
        ocmw: String? = nil, applicant: Applicant? = nil, categories: [String]? = nil, text: String? = nil,
        acknowledgedWarnings: [String]? = nil
    ) {
        self.ocmw = ocmw
        self.applicant = applicant
        self.categories = categories
        self.text = text
        self.acknowledgedWarnings = acknowledgedWarnings
    }
}

/// The JSON body (or part) of a certificate request, as the client sent it.
public struct CertificateRequestForm: Sendable, Equatable, Codable {
    /// The chosen OCMW's tenant id.
    public var ocmw: String?
    /// A code from the OCMW's certificate types.
    public var certificateType: String?

    public init(ocmw: String? = nil, certificateType: String? = nil) {
        self.ocmw = ocmw
        self.certificateType = certificateType
    }
}

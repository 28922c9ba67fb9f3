/// Why a New Social response could not be turned into the shared model.
///
/// `reason` is short and stable, fit for a metric label. Neither it nor `description` ever
/// contains an INSZ or any other value from the response: only the JSON path of the offending
/// field, so the error can be logged without leaking dossier content.
public struct NormalisationError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Code: String, Sendable {
        case invalidJSON = "the body is not valid JSON"
        case unexpectedShape = "a value has the wrong JSON type"
        case missingValue = "a required value is missing"
        case inszMismatch = "the response is about another citizen than the one asked for"
        case invalidAmount = "an amount is not a valid amount"
        case negativeAmount = "an amount is negative"
        case amountOutOfRange = "an amount is implausibly large"
        case outstandingExceedsOriginal = "an outstanding balance exceeds the original amount"
        case invalidDate = "a date is malformed or does not exist"
        case invalidPeriod = "a period is malformed or ends before it starts"
        case incompleteDecision = "a decision has an agenda point but no date"
        case malformedPaymentStatus = "a payment status field is malformed"
        case invalidFlag = "a yes/no value is neither J nor N"
        case incompleteAddress = "an office address lacks its street, postal code or municipality"
        case notPDF = "a certificate document is not a PDF"
        case partNotOffered = "the dialect does not offer this part"
    }

    let code: Code
    /// Where in the body the problem is, as a JSON path (`debts[2].originalCents`), or `nil` when
    /// it concerns the body as a whole. Built from field names and indices only.
    public let field: String?

    init(_ code: Code, field: String? = nil) {
        self.code = code
        self.field = field
    }

    /// A short stable reason, usable as a metric label (e.g. `inszMismatch`).
    public var reason: String { String(describing: code) }

    public var description: String {
        if let field { return "New Social response rejected at '\(field)': \(code.rawValue)" }
        return "New Social response rejected: \(code.rawValue)"
    }

    /// Errors are equal when their reasons are: `field` is detail, not identity, so that
    /// `#expect(throws: NormalisationError.inszMismatch)` and `catch` patterns work.
    public static func == (lhs: NormalisationError, rhs: NormalisationError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let invalidJSON = NormalisationError(.invalidJSON)
    public static let unexpectedShape = NormalisationError(.unexpectedShape)
    public static let missingValue = NormalisationError(.missingValue)
    public static let inszMismatch = NormalisationError(.inszMismatch)
    public static let invalidAmount = NormalisationError(.invalidAmount)
    public static let negativeAmount = NormalisationError(.negativeAmount)
    public static let amountOutOfRange = NormalisationError(.amountOutOfRange)
    public static let outstandingExceedsOriginal = NormalisationError(.outstandingExceedsOriginal)
    public static let invalidDate = NormalisationError(.invalidDate)
    public static let invalidPeriod = NormalisationError(.invalidPeriod)
    public static let incompleteDecision = NormalisationError(.incompleteDecision)
    public static let malformedPaymentStatus = NormalisationError(.malformedPaymentStatus)
    public static let invalidFlag = NormalisationError(.invalidFlag)
    public static let incompleteAddress = NormalisationError(.incompleteAddress)
    public static let notPDF = NormalisationError(.notPDF)
    public static let partNotOffered = NormalisationError(.partNotOffered)
}

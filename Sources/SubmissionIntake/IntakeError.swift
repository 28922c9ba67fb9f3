/// Why a submission was refused while it was being received or validated.
///
/// `kind` tells the server which HTTP status to answer (the mapping itself lives in the server
/// module); `label` is short and stable, fit for a metric label; `message` is for the caller and
/// never contains more user input than a sanitised, truncated file name.
public struct IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure, one per HTTP status.
    public enum Kind: String, Sendable, Equatable {
        /// Not well-formed multipart or JSON (400).
        case malformed
        /// A size or count limit was exceeded (413).
        case tooLarge
        /// A file is not a PDF, JPEG or PNG by its content (415).
        case unsupportedMediaType
        /// Fields failed validation; see `problems` (400).
        case invalid
    }

    /// The class of failure.
    public let kind: Kind
    /// A short stable identifier such as `fileTooLarge`, usable as a metric label.
    public let label: String
    /// A human-readable explanation.
    public let message: String
    /// For `invalid`: every field that failed, each named by its path (`applicant.email`).
    public let problems: [FieldProblem]
    /// For `invalid`: the warnings the fields that are valid already give (a check before
    /// sending shows them with the problems).
    public let warnings: [SubmissionWarning]

    init(
        _ kind: Kind, _ label: String, _ message: String, problems: [FieldProblem] = [], warnings: [SubmissionWarning] = []
    ) {
        self.kind = kind
        self.label = label
        self.message = message
        self.problems = problems
        self.warnings = warnings
    }

    public var description: String { "\(label): \(message)" }

    static func malformed(_ label: String, _ message: String) -> IntakeError {
        IntakeError(.malformed, label, message)
    }

    static func tooLarge(_ label: String, _ message: String) -> IntakeError {
        IntakeError(.tooLarge, label, message)
    }

    static func invalid(_ problems: [FieldProblem], warnings: [SubmissionWarning] = []) -> IntakeError {
        let fields = problems.map(\.field).joined(separator: ", ")
        return IntakeError(.invalid, "invalidFields", "invalid fields: \(fields)", problems: problems, warnings: warnings)
    }
}

/// One field that failed validation.
public struct FieldProblem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The field's path in the JSON part, e.g. `applicant.domicile.postalCode` or `categories[1]`.
    public let field: String
    /// What is wrong, in English, without echoing the value (it may be personal data).
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

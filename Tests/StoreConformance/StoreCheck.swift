import Testing

/// One named check of a compatibility suite, run on whatever a runner opens for it (a store, or
/// a factory of stores over one fresh database). As a test argument it shows its name.
public struct StoreCheck<Subject: Sendable>: Sendable, CustomTestStringConvertible {
    /// What the check shows, as the test names it.
    public let name: String
    private let body: @Sendable (Subject) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (Subject) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check; failures are recorded as issues of the running test.
    public func run(_ subject: Subject) async throws { try await body(subject) }

    public var testDescription: String { name }
}

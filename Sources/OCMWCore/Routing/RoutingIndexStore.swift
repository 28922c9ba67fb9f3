/// Where the routing directory lives: INSZ → OCMW, capacity, period.
///
/// A registration is identified by *(insz, tenant, capacity, start)*. Every write is idempotent,
/// because New Social installations resend registrations after a timeout and a bulk import may be
/// run again after a failure.
public protocol RoutingIndexStore: Sendable {
    /// Stores a registration, replacing the end date of one with the same key.
    /// - Throws: when the store cannot be written.
    func register(_ registration: RoutingRegistration) async throws

    /// Removes the registration with this key.
    /// - Returns: `false` when there was none (unregistering twice is not an error).
    /// - Throws: when the store cannot be written.
    func unregister(insz: INSZ, tenant: TenantID, capacity: String, start: DayDate) async throws -> Bool

    /// The citizen's registrations whose period covers `day`, ordered by tenant, capacity, start.
    /// - Throws: when the store cannot be read.
    func lookup(insz: INSZ, on day: DayDate) async throws -> [RoutingRegistration]

    /// The number of registrations stored, whatever their period.
    /// - Throws: when the store cannot be read.
    func count() async throws -> Int

    /// Stores many registrations, each as `register(_:)` would, in large transactions.
    ///
    /// A failure leaves the transactions already committed in place: running the same import
    /// again is safe because every row is an upsert.
    /// - Parameters:
    ///   - registrations: Consumed once, lazily; need not fit in memory.
    ///   - progress: Called after each committed transaction with the number stored so far and
    ///     the total when `registrations` is a collection (`nil` otherwise).
    /// - Returns: The number of registrations stored.
    /// - Throws: when the store cannot be written.
    @discardableResult
    func importRegistrations(
        _ registrations: some Sequence<RoutingRegistration>,
        progress: (_ imported: Int, _ total: Int?) -> Void
    ) async throws -> Int

    /// Rows per write transaction in a bulk import: a file import hands over batches of this
    /// size, so that parsing the next batch overlaps writing this one.
    var importBatchRows: Int { get }
}

extension RoutingIndexStore {
    /// A store without a transaction size of its own takes batches of 10 000 rows.
    public var importBatchRows: Int { 10_000 }

    /// Stores many registrations without reporting progress.
    /// - Returns: The number of registrations stored.
    /// - Throws: when the store cannot be written.
    @discardableResult
    public func importRegistrations(_ registrations: some Sequence<RoutingRegistration>) async throws -> Int {
        try await importRegistrations(registrations, progress: { _, _ in })
    }
}

import Outbox

/// What the outbox compatibility suite needs of a store: the protocol, plus raw-row facts.
public typealias TestableOutboxStore = OutboxStore & OutboxStoreDiagnostics

/// Opens stores over one database. Each `open` is a restart of the proxy: a new store value,
/// possibly with another key ring, over the same data.
public struct OutboxStoreFactory: Sendable {
    private let opener: @Sendable (OutboxKeyRing) async throws -> any TestableOutboxStore

    /// - Parameter open: A new store over the factory's database, using the given key ring.
    public init(open: @escaping @Sendable (OutboxKeyRing) async throws -> any TestableOutboxStore) {
        opener = open
    }

    /// A new store over the factory's database.
    public func open(_ ring: OutboxKeyRing) async throws -> any TestableOutboxStore { try await opener(ring) }
}

import Foundation
import OCMWCore
import PostgresStores
import PostgresTesting
import StoreConformance
import Testing

/// Instances sharing one routing index hear each other's writes (`NOTIFY`), so a look-up cached
/// by one is read again as soon as another writes, not a TTL later.
@Suite(
    "Routing changes announced between instances (PostgreSQL)",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresRoutingChangeTests {
    typealias F = RoutingFixtures

    @Test(
        "A registration and a removal written through one instance reach another's cached look-up, long before its TTL",
        .timeLimit(.minutes(2)))
    func writesReachTheOtherInstance() async throws {
        try await PostgresTestDatabase.withClients(2) { clients in
            let logger = PostgresTestDatabase.logger
            // A TTL of ten minutes: only the announcement can explain a fresh answer.
            let cache = RoutingLookupCache<ContinuousClock.Instant>.Configuration(ttl: .seconds(600))
            // A channel of this test's own: other tests' writes on the database announce nothing here.
            let channel = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let writer = CachingRoutingIndex(
                wrapping: try await PostgresRoutingIndex(client: clients[0], logger: logger, changeChannel: channel),
                configuration: cache)
            let reader = CachingRoutingIndex(
                wrapping: try await PostgresRoutingIndex(client: clients[1], logger: logger, changeChannel: channel),
                configuration: cache)
            let (heard, announce) = AsyncStream<RoutingIndexChange>.makeStream()
            let listener = PostgresRoutingChangeListener(client: clients[1], logger: logger, channel: channel) { change in
                reader.apply(change)
                announce.yield(change)
            }
            let citizen = F.citizen(29_001)
            let registration = try F.registration(citizen, F.gent, from: -10, to: nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await listener.run() }
                defer { group.cancelAll() }
                var changes = heard.makeAsyncIterator()
                // Listening begins by forgetting everything: announcements may have been missed.
                #expect(await changes.next() == .everything)

                #expect(try await reader.lookup(insz: citizen, on: F.today).isEmpty)
                try await writer.register(registration)
                #expect(await changes.next() == .registered(citizen, tenant: F.gent))
                #expect(try await reader.lookup(insz: citizen, on: F.today) == [registration])

                #expect(try await writer.unregister(insz: citizen, tenant: F.gent, capacity: "LL", start: F.day(-10)))
                #expect(await changes.next() == .unregistered(citizen))
                #expect(try await reader.lookup(insz: citizen, on: F.today).isEmpty)
            }
        }
    }
}

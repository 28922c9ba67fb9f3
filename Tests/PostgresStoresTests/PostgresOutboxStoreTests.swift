import Foundation
import Outbox
import PostgresNIO
import PostgresStores
import PostgresTesting
import StoreConformance
import Testing

/// What only the PostgreSQL outbox has to show: instances with their own connection pools share
/// the rows without ever sharing a lease, take over a dead instance's leases, migrate together,
/// and never store personal data in clear.
@Suite(
    "PostgreSQL outbox store",
    .enabled(if: PostgresTestDatabase.isConfigured, "OCMW_TEST_POSTGRES_URL is not set (scripts/test sets it)")
)
struct PostgresOutboxStoreTests {
    typealias F = OutboxFixtures

    /// One store per client: each is one proxy instance with its own pool.
    private func instances(_ clients: [PostgresClient]) async throws -> [PostgresOutboxStore] {
        var stores: [PostgresOutboxStore] = []
        for client in clients {
            stores.append(try await PostgresOutboxStore(client: client, keyRing: F.ringA, logger: PostgresTestDatabase.logger))
        }
        return stores
    }

    @Test("A lease held by an instance that died is taken by another after it expires, and only then")
    func takeoverAfterExpiry() async throws {
        try await PostgresTestDatabase.withClients(2) { clients in
            let stores = try await instances(clients)
            let (dead, alive) = (stores[0], stores[1])
            let id = try #require(try await alive.accept(F.submission()).status?.id)
            let taken = try await dead.lease(
                tenant: F.gent, owner: "instance-dead", now: F.at(1),
                leaseDuration: .seconds(60), limit: 10)
            #expect(taken.map(\.id) == [id])
            // "instance-dead" never records anything. Until its lease expires, the row is not due.
            #expect(
                try await alive.lease(
                    tenant: F.gent, owner: "instance-alive", now: F.at(60),
                    leaseDuration: .seconds(60), limit: 10
                ).isEmpty)
            #expect(try await alive.nextDueDate(tenant: F.gent) == F.at(61))
            let takeover = try await alive.lease(
                tenant: F.gent, owner: "instance-alive", now: F.at(61),
                leaseDuration: .seconds(60), limit: 10)
            #expect(takeover.map(\.id) == [id])
            #expect(takeover.first?.submission.status.attempts == 2)
            #expect(takeover.first?.submission.citizen == F.citizen(1))
            let late = await #expect(throws: OutboxStoreError.self) {
                try await dead.markDelivered(id: id, owner: "instance-dead", dossierNumber: "2026/1", now: F.at(62))
            }
            #expect(late?.kind == .leaseNotHeld)
            try await alive.markDelivered(id: id, owner: "instance-alive", dossierNumber: "2026/2", now: F.at(63))
            #expect(try await dead.status(id: id)?.state == .delivered(dossierNumber: "2026/2"))
        }
    }

    @Test("Instances leasing at once through their own pools get disjoint rows and all of them")
    func concurrentInstancesLeaseDisjointRows() async throws {
        try await PostgresTestDatabase.withClients(2) { clients in
            let stores = try await instances(clients)
            for index in 0..<200 { _ = try await stores[index % 2].accept(F.submission(citizen: index, at: Double(index) / 1000)) }
            let leased = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        var mine: [UUID] = []
                        while true {
                            let batch = try await stores[worker % 2].lease(
                                tenant: F.gent, owner: "instance-\(worker)", now: F.at(10), leaseDuration: .seconds(60), limit: 5)
                            guard !batch.isEmpty else { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(leased.count == 200)
            #expect(Set(leased).count == 200)
        }
    }

    @Test("The migration runs again, also concurrently, and keeps the rows")
    func migrationIsIdempotent() async throws {
        try await PostgresTestDatabase.withClients(2) { clients in
            let first = try await PostgresOutboxStore(client: clients[0], keyRing: F.ringA, logger: PostgresTestDatabase.logger)
            let id = try #require(try await first.accept(F.submission()).status?.id)
            _ = try await withThrowingTaskGroup(of: PostgresOutboxStore.self) { group in
                for client in clients + clients {
                    group.addTask {
                        try await PostgresOutboxStore(client: client, keyRing: F.ringA, logger: PostgresTestDatabase.logger)
                    }
                }
                return try await group.reduce(into: 0) { count, _ in count += 1 }
            }
            let again = try await PostgresOutboxStore(client: clients[1], keyRing: F.ringA, logger: PostgresTestDatabase.logger)
            #expect(try await again.status(id: id)?.state == .accepted)
        }
    }

    @Test("Neither the payload nor the INSZ is stored in clear")
    func encryptedAtRest() async throws {
        try await PostgresTestDatabase.withClients { clients in
            let store = try await PostgresOutboxStore(client: clients[0], keyRing: F.ringA, logger: PostgresTestDatabase.logger)
            _ = try await store.accept(F.submission(citizen: 7))
            // Every column of every row as text: what a dump of the table would show.
            let rows = try await clients[0].query("SELECT t::text FROM outbox_submission t", logger: PostgresTestDatabase.logger)
            var dump = ""
            for try await text in rows.decode(String.self) { dump += text }
            #expect(dump.contains("mbp-portal"), "the check sees clear-text columns")
            #expect(!dump.contains(F.citizen(7).digits))
            #expect(!dump.contains(F.knownName))
            // bytea prints as hex: look for the name's hex too.
            #expect(!dump.contains(Data(F.knownName.utf8).map { String(format: "%02x", $0) }.joined()))
        }
    }
}

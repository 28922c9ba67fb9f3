import Foundation
import GRDB
import OCMWCore
import Outbox
import StoreConformance
import Testing

@testable import SQLiteStores

/// What only the SQLite store promises: its file, its pragmas, its bytes on disk.
@Suite("SQLite outbox store")
struct SQLiteOutboxStoreTests {
    typealias F = OutboxFixtures

    /// Every file of the database (main, `-wal`, `-shm`) in `directory`, concatenated.
    private func databaseBytes(in directory: URL) throws -> Data {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(SQLiteOutboxStore.defaultFileName) }
            .reduce(into: Data()) { bytes, name in
                bytes += try Data(contentsOf: directory.appendingPathComponent(name))
            }
    }

    @Test("Neither the payload nor the INSZ can be read in the database files")
    func encryptedAtRest() async throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
        let store = try SQLiteOutboxStore(path: path, keyRing: F.ringA)
        for index in 0..<20 {
            _ = try await store.accept(F.submission(citizen: 7, payload: F.payload("aanvraag \(index)"), at: Double(index)))
        }
        let digits = Data(F.citizen(7).digits.utf8)
        let name = Data(F.knownName.utf8)
        // While open (rows in the WAL) and after closing (checkpointed into the main file).
        let whileOpen = try databaseBytes(in: directory)
        #expect(whileOpen.count > 4096)
        #expect(whileOpen.range(of: name) == nil)
        #expect(whileOpen.range(of: digits) == nil)
        try store.close()
        let afterClose = try databaseBytes(in: directory)
        #expect(afterClose.range(of: name) == nil)
        #expect(afterClose.range(of: digits) == nil)
        // The check would catch plain text: the client id, stored in clear, is found.
        #expect(afterClose.range(of: Data("mbp-portal".utf8)) != nil)
    }

    @Test("A delivered submission's dossier number is sealed in the file, and read back with its key only")
    func dossierNumberSealedAtRest() async throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
        let store = try SQLiteOutboxStore(path: path, keyRing: F.ringA)
        let id = try #require(try await store.accept(F.submission()).status?.id)
        _ = try await store.lease(tenant: F.gent, owner: "p", now: F.at(1), leaseDuration: .seconds(60), limit: 1)
        try await store.markDelivered(id: id, owner: "p", dossierNumber: "2026/98765", now: F.at(2))
        #expect(try await store.status(id: id)?.state == .delivered(dossierNumber: "2026/98765"))
        try store.close()
        let bytes = try databaseBytes(in: directory)
        #expect(bytes.range(of: Data("2026/98765".utf8)) == nil)
        #expect(bytes.range(of: Data("sealed:v1:key-a:".utf8)) != nil, "the check would find a stored text")
        // With the key gone from the ring, the submission still reads as delivered, without its number.
        let rotated = try SQLiteOutboxStore(path: path, keyRing: try OutboxKeyRing(current: F.keyB))
        #expect(try await rotated.status(id: id)?.state == .delivered(dossierNumber: ""))
    }

    @Test("Every connection runs with synchronous FULL, in WAL mode, and the file is private")
    func durabilitySettings() async throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
        let store = try SQLiteOutboxStore(path: path, keyRing: F.ringA)
        _ = try await store.accept(F.submission())
        let settings = try await store.synchronousSettings()
        #expect(settings.reader == 2)
        #expect(settings.writer == 2)
        #expect(try await store.journalMode() == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("A ciphertext relabelled to another key id does not decrypt")
    func relabelledKeyID() async throws {
        let ring = try OutboxKeyRing(current: F.keyA, previous: [F.keyB])
        let store = try SQLiteOutboxStore.inMemory(keyRing: ring)
        let id = try #require(try await store.accept(F.submission()).status?.id)
        try await store.overwriteKeyID(id: id, with: F.keyB.id)
        let error = await #expect(throws: OutboxStoreError.self) {
            try await store.lease(tenant: F.gent, owner: "p", now: F.at(1), leaseDuration: .seconds(5), limit: 5)
        }
        #expect(error?.kind == .undecryptable)
        #expect(try await store.status(id: id)?.state == .accepted)
    }
}

/// An outbox written by the first version (idempotency keys per client, no citizen pseudonym)
/// opens in place: its rows are kept and readable, and its keys cannot collide with new ones.
@Suite("SQLite outbox upgrade")
struct SQLiteOutboxUpgradeTests {
    typealias F = OutboxFixtures

    @Test func aFirstVersionOutboxIsUpgradedKeepingItsRows() async throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteOutboxStore.defaultFileName).path
        let id = UUID()
        do {
            let old = try DatabaseQueue(path: path)
            try OutboxSchema.migrator.migrate(old, upTo: "v1: outbox_submission")
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO outbox_submission (id, kind, tenant, client_id, idempotency_key, fingerprint, state,
                            dossier_number, attempts, next_attempt_us, created_us, updated_us)
                        VALUES (?, 'help_request', 'gent', 'mbp-portal', 'k1', x'00', 'delivered', '2026/1', 1, 0, 0, 0)
                        """, arguments: [OutboxSchema.text(id)])
            }
            try old.close()
        }
        let store = try SQLiteOutboxStore(path: path, keyRing: F.ringA)
        let kept = try #require(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: nil))
        #expect(kept.state.phase == .delivered)
        // A row without a pseudonym is no bound token's.
        #expect(try await store.status(id: id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(1)) == nil)
        guard case .accepted(let new) = try await store.accept(F.submission(key: "k1", client: "mbp-portal")) else {
            Issue.record("the old row's key blocked a new citizen-scoped submission")
            return
        }
        #expect(new.id != id)
        #expect(try await store.status(id: new.id, clientID: "mbp-portal", citizenPseudonym: F.pseudonym(1))?.id == new.id)
    }
}

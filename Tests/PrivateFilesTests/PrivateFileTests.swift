import Foundation
import PrivateFiles
import Testing

@Suite("Private files (mode 0600)")
struct PrivateFileTests {
    private let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("private-file-\(UUID().uuidString)").path

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("A new file is created 0600; exclusive creation refuses an existing one")
    func createsPrivately() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/key"
        try PrivateFile.create(atPath: path, exclusive: true).close()
        #expect(try mode(path) == 0o600)
        #expect(throws: PrivateFile.Failure.exists) { try PrivateFile.create(atPath: path, exclusive: true) }
    }

    @Test("Truncating an existing world-readable file narrows it to 0600")
    func truncationNarrowsMode() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/export.csv"
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data("old".utf8),
                attributes: [.posixPermissions: 0o644]))
        let handle = try PrivateFile.create(atPath: path, exclusive: false)
        try handle.write(contentsOf: Data("new".utf8))
        try handle.close()
        #expect(try mode(path) == 0o600)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    }

    @Test("readOrCreate makes the file (and a 0700 directory) once, then reads it")
    func readOrCreateOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/dev.key"
        let first = try #require(try PrivateFile.readOrCreate(atPath: path) { Data("first".utf8) })
        #expect(first.created)
        #expect(first.data == Data("first".utf8))
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory + "/nested") == 0o700)
        let second = try #require(try PrivateFile.readOrCreate(atPath: path) { Data("second".utf8) })
        #expect(!second.created)
        #expect(second.data == Data("first".utf8))
    }

    @Test("Concurrent first uses all end up with the same contents")
    func concurrentCreation() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/shared.key"
        let results = await withTaskGroup(of: Data?.self) { group in
            for index in 0..<16 {
                group.addTask { try? PrivateFile.readOrCreate(atPath: path) { Data("writer \(index)".utf8) }?.data }
            }
            return await group.reduce(into: [Data?]()) { $0.append($1) }
        }
        let stored = try #require(FileManager.default.contents(atPath: path))
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == stored })
    }
}

@Suite("Private directories and databases (0700, 0600)")
struct PrivateDirectoryTests {
    private let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("private-directory-\(UUID().uuidString)").path

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("A new directory is 0700; an open one is narrowed, and says so once")
    func directoryIsPrivate() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try PrivateDirectory.prepare(atPath: directory + "/data") == false)
        #expect(try mode(directory + "/data") == 0o700)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/data")
        #expect(try PrivateDirectory.prepare(atPath: directory + "/data") == true)
        #expect(try mode(directory + "/data") == 0o700)
        #expect(try PrivateDirectory.prepare(atPath: directory + "/data") == false)
    }

    @Test("Files others can read are narrowed to 0600 and named; private ones are left alone")
    func filesAreNarrowed() throws {
        try PrivateDirectory.prepare(atPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, mode) in [("routing.sqlite", 0o644), ("audit.sqlite-wal", 0o640), ("outbox.key", 0o600)] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(), attributes: [.posixPermissions: mode]))
        }
        #expect(PrivateDirectory.narrowFiles(inDirectory: directory) == ["audit.sqlite-wal", "routing.sqlite"])
        for name in ["routing.sqlite", "audit.sqlite-wal", "outbox.key"] {
            #expect(try mode(directory + "/" + name) == 0o600, "\(name)")
        }
        #expect(PrivateDirectory.narrowFiles(inDirectory: directory).isEmpty)
    }

    @Test("A database is created 0600 and its existing companions are narrowed")
    func databaseFilesArePrivate() throws {
        try PrivateDirectory.prepare(atPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/audit.sqlite"
        try PrivateFile.prepareDatabase(atPath: path)
        #expect(try mode(path) == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(FileManager.default.createFile(atPath: path + "-shm", contents: Data(), attributes: [.posixPermissions: 0o644]))
        try PrivateFile.prepareDatabase(atPath: path)
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-shm") == 0o600)
    }
}

@Suite("File fingerprints")
struct FileFingerprintTests {
    @Test("A link swapped to another file changes the fingerprint of the path through it")
    func followsLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/v1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/v2", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for version in ["v1", "v2"] {
            #expect(FileManager.default.createFile(atPath: root + "/\(version)/f", contents: Data("same".utf8)))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/..data", withDestinationPath: "v1")
        try FileManager.default.createSymbolicLink(atPath: root + "/f", withDestinationPath: "..data/f")
        let before = try #require(FileFingerprint(path: root + "/f"))
        try FileManager.default.createSymbolicLink(atPath: root + "/..tmp", withDestinationPath: "v2")
        #expect(rename(root + "/..tmp", root + "/..data") == 0)
        #expect(FileFingerprint(path: root + "/f") != before, "same size, same link: only the target's inode tells")
        #expect(FileFingerprint(path: root + "/missing") == nil)
    }
}

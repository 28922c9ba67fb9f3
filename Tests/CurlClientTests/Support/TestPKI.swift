import Foundation

/// A throwaway PKI made with the `openssl` CLI in a temporary directory, for TLS tests:
/// a CA, a server certificate for 127.0.0.1 / localhost signed by it, an expired one, a client
/// certificate signed by the CA, and a second CA that signed nothing we use.
struct TestPKI {
    /// The directory that holds every file; removed by `withPKI`.
    let directory: URL

    var caCertificate: String { path("ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    /// Same key and names as the server certificate, valid only on 1–2 January 2020.
    var expiredServerCertificate: String { path("expired.pem") }
    var clientCertificate: String { path("client.pem") }
    var clientKey: String { path("client.key") }
    /// A CA that signed none of the above.
    var otherCACertificate: String { path("other-ca.pem") }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Generates a fresh PKI, runs `body` with it, and deletes it afterwards.
    static func withPKI<T>(_ body: (TestPKI) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ocmw-test-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pki = TestPKI(directory: directory)
        try pki.generate()
        return try await body(pki)
    }

    private func generate() throws {
        try makeCA(name: "ca", subject: "/CN=OCMW Test CA")
        try makeCA(name: "other-ca", subject: "/CN=Unrelated Test CA")
        try write("server.ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
        try write("client.ext", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n")
        try makeRequest(name: "server", subject: "/CN=localhost")
        try openssl(
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "server.ext", "-out", "server.pem")
        try makeRequest(name: "client", subject: "/CN=ocmw-proxy")
        try openssl(
            "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "client.ext", "-out", "client.pem")
        try makeExpiredServerCertificate()
    }

    private func makeCA(name: String, subject: String) throws {
        try openssl(
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2", "-subj", subject,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    }

    private func makeRequest(name: String, subject: String) throws {
        try openssl(
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject)
    }

    /// OpenSSL 3.0's `x509 -req` cannot date a certificate in the past (`-not_before` came in
    /// 3.4), so the expired one is issued by `openssl ca`, which takes explicit dates.
    private func makeExpiredServerCertificate() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("db"), withIntermediateDirectories: true)
        try write("db/index.txt", "")
        try write("db/serial", "1000\n")
        try write(
            "ca.cnf",
            """
            [ ca ]
            default_ca = test_ca
            [ test_ca ]
            database = db/index.txt
            serial = db/serial
            new_certs_dir = db
            default_md = sha256
            policy = policy_any
            unique_subject = no
            [ policy_any ]
            commonName = supplied
            [ server_ext ]
            subjectAltName = IP:127.0.0.1,DNS:localhost
            basicConstraints = CA:FALSE
            extendedKeyUsage = serverAuth

            """)
        try openssl(
            "ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "server.csr",
            "-startdate", "20200101000000Z", "-enddate", "20200102000000Z", "-extensions", "server_ext",
            "-notext", "-out", "expired.pem")
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// Runs `openssl` in the PKI directory; throws with its output when it fails or is missing.
    private func openssl(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPKIError(
                description: process.terminationStatus == 127
                    ? "the openssl CLI is not installed (Debian package 'openssl')"
                    : "openssl \(arguments.first ?? "") failed: \(text)")
        }
    }
}

/// Generating the test PKI failed.
struct TestPKIError: Error, CustomStringConvertible {
    let description: String
}

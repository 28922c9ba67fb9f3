import CurlClient
import NewSocialSimulator
import OCMWCore
import ProxyTesting
import Testing

/// HTTPS toward a backend through curl, against the simulator serving a throwaway PKI.
@Suite struct TLSTests {
    static let gent = TenantID("gent")!
    static let debtsPath = "/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/debts"

    func url(_ port: Int) -> String { "https://127.0.0.1:\(port)\(Self.debtsPath)" }

    /// Executes one request and returns its error, failing the test when it succeeds.
    func failure(_ client: CurlClient, _ request: HTTPRequest) async -> CurlClientError? {
        await #expect(throws: CurlClientError.self) { _ = try await client.execute(request) }
    }

    @Test func validChainWithThePerRequestCABundleAnswers200() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.serverCertificate, key: pki.serverKey) { _, port in
                try await withCurlClient { client in
                    let response = try await client.execute(
                        HTTPRequest(
                            url: url(port), tls: TLSOptions(caBundlePath: pki.caCertificate)))
                    #expect(response.status == 200)
                    #expect(String(decoding: response.body, as: UTF8.self).contains("568974"))
                }
            }
        }
    }

    @Test func certificateFromAnotherCAIsRejected() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.serverCertificate, key: pki.serverKey) { simulator, port in
                try await withCurlClient { client in
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port), tls: TLSOptions(caBundlePath: pki.otherCACertificate)))
                    #expect(error?.kind == .connectFailed)
                    #expect(error?.tlsFailure == .untrustedPeer)
                    #expect(simulator.statistics(for: Self.gent).requestsServed == 0)
                }
            }
        }
    }

    @Test func withoutOptionsTheSystemStoreIsUsedAndATestCAIsNotTrusted() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.serverCertificate, key: pki.serverKey) { _, port in
                try await withCurlClient { client in
                    let error = await failure(client, HTTPRequest(url: url(port)))
                    #expect(error?.tlsFailure == .untrustedPeer)
                }
            }
        }
    }

    @Test func expiredCertificateIsRejected() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.expiredServerCertificate, key: pki.serverKey) { _, port in
                try await withCurlClient { client in
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port), tls: TLSOptions(caBundlePath: pki.caCertificate)))
                    #expect(error?.kind == .connectFailed)
                    #expect(error?.tlsFailure == .untrustedPeer)
                    #expect(error?.detail.contains("expired") == true, "\(String(describing: error))")
                }
            }
        }
    }

    @Test func mutualTLSWithoutAClientCertificateFails() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(
                certificate: pki.serverCertificate, key: pki.serverKey,
                clientCAPath: pki.caCertificate
            ) { simulator, port in
                try await withCurlClient { client in
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port), tls: TLSOptions(caBundlePath: pki.caCertificate)))
                    #expect(error?.tlsFailure != nil, "\(String(describing: error))")
                    #expect(error?.kind == .connectFailed)
                    #expect(simulator.statistics(for: Self.gent).requestsServed == 0)
                }
            }
        }
    }

    @Test func mutualTLSWithAClientCertificateFromAnotherCAFails() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(
                certificate: pki.serverCertificate, key: pki.serverKey,
                clientCAPath: pki.otherCACertificate
            ) { _, port in
                try await withCurlClient { client in
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port),
                            tls: TLSOptions(
                                caBundlePath: pki.caCertificate, clientCertificatePath: pki.clientCertificate,
                                clientKeyPath: pki.clientKey)))
                    #expect(error?.tlsFailure != nil, "\(String(describing: error))")
                }
            }
        }
    }

    @Test func mutualTLSWithTheClientCertificateAnswers200() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(
                certificate: pki.serverCertificate, key: pki.serverKey,
                clientCAPath: pki.caCertificate
            ) { _, port in
                try await withCurlClient { client in
                    let request = HTTPRequest(
                        url: url(port),
                        tls: TLSOptions(
                            caBundlePath: pki.caCertificate, clientCertificatePath: pki.clientCertificate,
                            clientKeyPath: pki.clientKey))
                    for _ in 0..<3 {
                        let response = try await client.execute(request)
                        #expect(response.status == 200)
                    }
                }
            }
        }
    }

    @Test func missingCABundleFailsNamingTheFile() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.serverCertificate, key: pki.serverKey) { _, port in
                try await withCurlClient { client in
                    let missing = pki.path("no-such-ca.pem")
                    let error = await failure(client, HTTPRequest(url: url(port), tls: TLSOptions(caBundlePath: missing)))
                    #expect(error?.kind == .connectFailed)
                    #expect(error?.tlsFailure == .caBundleUnreadable)
                    #expect(error?.detail.contains(missing) == true, "\(String(describing: error))")
                }
            }
        }
    }

    @Test func missingClientCertificateFileFailsNamingTheFile() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(
                certificate: pki.serverCertificate, key: pki.serverKey,
                clientCAPath: pki.caCertificate
            ) { _, port in
                try await withCurlClient { client in
                    let missing = pki.path("no-such-client.pem")
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port),
                            tls: TLSOptions(
                                caBundlePath: pki.caCertificate, clientCertificatePath: missing, clientKeyPath: pki.clientKey)))
                    #expect(error?.tlsFailure == .clientCertificateProblem)
                    #expect(error?.detail.contains(missing) == true, "\(String(describing: error))")
                }
            }
        }
    }

    @Test func requestsWithDifferentTrustNeverShareAConnection() async throws {
        try await TestPKI.withPKI { pki in
            try await withTLSSimulator(certificate: pki.serverCertificate, key: pki.serverKey) { _, port in
                try await withCurlClient { client in
                    let trusted = HTTPRequest(url: url(port), tls: TLSOptions(caBundlePath: pki.caCertificate))
                    let first = try await client.execute(trusted)
                    #expect(first.status == 200)
                    // The pooled connection was verified with the right CA; this request must not ride on it.
                    let error = await failure(
                        client,
                        HTTPRequest(
                            url: url(port), tls: TLSOptions(caBundlePath: pki.otherCACertificate)))
                    #expect(error?.tlsFailure == .untrustedPeer)
                    let again = try await client.execute(trusted)
                    #expect(again.newConnections == 0)
                }
            }
        }
    }
}

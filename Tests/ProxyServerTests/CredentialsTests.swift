import BackendAccess
import CurlClient
import Foundation
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Synchronization
import Testing

/// `BackendCredentials`: secrets from the environment and files (with rotation), OAuth2 tokens
/// cached, shared and refreshed, and the whole path against the simulator's token endpoint.
@Suite("backend credentials")
struct CredentialsTests {
    static let gent = TenantID("gent")!

    static func tenant(
        _ credentials: SecretReference, auth: BackendAuth = .apiKey,
        baseURL: String = "http://127.0.0.1:9"
    ) -> Tenant {
        Tenant(
            id: gent, kbo: KBONumber("0212.214.125")!, name: "OCMW Gent", postalCodes: ["9000"],
            backend: Backend(baseURL: baseURL, dialect: .v2, credentials: credentials, auth: auth),
            limits: .builtIn, categoriesOfHelp: [], certificateTypes: [], state: .active)
    }

    static let oauth2JSON = #"{"tokenURL": "https://idp.example/token", "clientID": "gent-proxy", "clientSecret": "cl13nt-s3cr3t"}"#

    // MARK: - API keys

    @Test("an API key from the environment becomes X-Api-Key")
    func apiKeyFromEnvironment() async throws {
        let credentials = BackendCredentials(
            tokenFetcher: CountingFetcher(), environment: { $0 == "OCMW_GENT_API_KEY" ? "k3y-gent\n" : nil })
        let headers = try await credentials.headers(for: Self.tenant(.environment(name: "OCMW_GENT_API_KEY")))
        #expect(headers == [HTTPHeader("X-Api-Key", "k3y-gent")])
    }

    @Test("an unset environment variable fails with 'credentials not available', naming the variable")
    func missingEnvironmentVariable() async throws {
        let credentials = BackendCredentials(tokenFetcher: CountingFetcher(), environment: { _ in nil })
        let error = await #expect(throws: CredentialError.self) {
            _ = try await credentials.headers(for: Self.tenant(.environment(name: "OCMW_GENT_API_KEY")))
        }
        #expect(error?.label == "secretMissing")
        #expect(error?.description.hasPrefix(CredentialError.unavailableReason) == true)
        #expect(error?.detail.contains("OCMW_GENT_API_KEY") == true)
    }

    @Test("a file secret is read once, and again after the file is rewritten (rotation without restart)")
    func fileSecretRotates() async throws {
        try await withSecretDirectory { directory in
            let path = directory.appendingPathComponent("gent").path
            try Data("first-key\n".utf8).write(to: URL(fileURLWithPath: path))
            let credentials = BackendCredentials(tokenFetcher: CountingFetcher(), environment: { _ in nil })
            let tenant = Self.tenant(.file(path: path))
            #expect(try await credentials.headers(for: tenant) == [HTTPHeader("X-Api-Key", "first-key")])
            #expect(try await credentials.headers(for: tenant) == [HTTPHeader("X-Api-Key", "first-key")])

            try Data("second-key".utf8).write(to: URL(fileURLWithPath: path))
            #expect(try await credentials.headers(for: tenant) == [HTTPHeader("X-Api-Key", "second-key")])

            // Replaced by rename, as a secret manager or Kubernetes does: a new inode.
            let staged = directory.appendingPathComponent("gent.new").path
            try Data("third-key".utf8).write(to: URL(fileURLWithPath: staged))
            #expect(rename(staged, path) == 0)
            #expect(try await credentials.headers(for: tenant) == [HTTPHeader("X-Api-Key", "third-key")])
        }
    }

    @Test(
        "a missing or empty secret file fails: the request is never sent without credentials",
        arguments: [nil, "", "  \n"])
    func missingOrEmptyFile(_ content: String?) async throws {
        try await withSecretDirectory { directory in
            let path = directory.appendingPathComponent("gent").path
            if let content { try Data(content.utf8).write(to: URL(fileURLWithPath: path)) }
            let credentials = BackendCredentials(tokenFetcher: CountingFetcher(), environment: { _ in nil })
            let error = await #expect(throws: CredentialError.self) {
                _ = try await credentials.headers(for: Self.tenant(.file(path: path)))
            }
            #expect(error?.label == "secretMissing")
            #expect(error?.detail.contains(path) == true)
        }
    }

    @Test("a secret that is not what backend.auth says is rejected without quoting it")
    func malformedSecretIsNotEchoed() async throws {
        let credentials = BackendCredentials(tokenFetcher: CountingFetcher(), environment: { _ in "s3cr3t-bare-key" })
        let error = await #expect(throws: CredentialError.self) {
            _ = try await credentials.headers(for: Self.tenant(.environment(name: "GENT"), auth: .oauth2))
        }
        #expect(error?.label == "secretMalformed")
        #expect(error.map { !$0.description.contains("s3cr3t") } == true)
    }

    @Test("a backend 401 makes an API key be read again; a retry is worth it only if it changed")
    func apiKeyRejected() async throws {
        let key = Mutex("old-key")
        let credentials = BackendCredentials(tokenFetcher: CountingFetcher(), environment: { _ in key.withLock { $0 } })
        let tenant = Self.tenant(.environment(name: "GENT"))
        let sent = try await credentials.headers(for: tenant)
        #expect(await credentials.backendRejected(sent, for: tenant) == false)
        key.withLock { $0 = "new-key" }
        #expect(await credentials.backendRejected(sent, for: tenant) == true)
        #expect(try await credentials.headers(for: tenant) == [HTTPHeader("X-Api-Key", "new-key")])
    }

    // MARK: - OAuth2 with an injected fetcher

    @Test("an OAuth2 token is fetched once and reused until shortly before it expires")
    func tokenIsCachedUntilExpiry() async throws {
        let fetcher = CountingFetcher(lifetime: .seconds(300))
        let clock = FakeClock()
        let credentials = BackendCredentials(
            tokenFetcher: fetcher, refreshMargin: .seconds(30),
            environment: { _ in Self.oauth2JSON }, now: clock.now)
        let tenant = Self.tenant(.environment(name: "GENT"), auth: .oauth2)
        let first = try await credentials.headers(for: tenant)
        #expect(first == [HTTPHeader("Authorization", "Bearer token-1")])
        clock.advance(.seconds(269))
        #expect(try await credentials.headers(for: tenant) == first)
        #expect(fetcher.calls == 1)
        clock.advance(.seconds(2))  // 271 s: within the 30 s margin
        #expect(try await credentials.headers(for: tenant) == [HTTPHeader("Authorization", "Bearer token-2")])
        #expect(fetcher.calls == 2)
        #expect(fetcher.lastCredentials?.clientID == "gent-proxy")
    }

    @Test("concurrent requests without a token share one token request")
    func concurrentRequestsShareOneFetch() async throws {
        let fetcher = CountingFetcher(delay: .milliseconds(100))
        let credentials = BackendCredentials(tokenFetcher: fetcher, environment: { _ in Self.oauth2JSON })
        let tenant = Self.tenant(.environment(name: "GENT"), auth: .oauth2)
        let all = try await withThrowingTaskGroup(of: [HTTPHeader].self) { group in
            for _ in 0..<50 { group.addTask { try await credentials.headers(for: tenant) } }
            return try await group.reduce(into: [[HTTPHeader]]()) { $0.append($1) }
        }
        #expect(all.count == 50)
        #expect(Set(all.map { $0.first?.value ?? "" }) == ["Bearer token-1"])
        #expect(fetcher.calls == 1)
    }

    @Test("a 401 drops the token once, however many requests it failed; the next call fetches a new one")
    func rejectedTokenIsRefreshedOnce() async throws {
        let fetcher = CountingFetcher()
        let credentials = BackendCredentials(tokenFetcher: fetcher, environment: { _ in Self.oauth2JSON })
        let tenant = Self.tenant(.environment(name: "GENT"), auth: .oauth2)
        let stale = try await credentials.headers(for: tenant)
        #expect(await credentials.backendRejected(stale, for: tenant))
        let fresh = try await credentials.headers(for: tenant)
        #expect(fresh == [HTTPHeader("Authorization", "Bearer token-2")])
        // A second request that failed with the old token must not throw away the new one.
        #expect(await credentials.backendRejected(stale, for: tenant))
        #expect(try await credentials.headers(for: tenant) == fresh)
        #expect(fetcher.calls == 2)
    }

    @Test("rotated client credentials get a new token at once")
    func rotatedClientCredentialsGetANewToken() async throws {
        try await withSecretDirectory { directory in
            let path = directory.appendingPathComponent("gent.json").path
            try Data(Self.oauth2JSON.utf8).write(to: URL(fileURLWithPath: path))
            let fetcher = CountingFetcher()
            let credentials = BackendCredentials(tokenFetcher: fetcher, environment: { _ in nil })
            let tenant = Self.tenant(.file(path: path), auth: .oauth2)
            _ = try await credentials.headers(for: tenant)
            let rotated = Self.oauth2JSON.replacingOccurrences(of: "cl13nt-s3cr3t", with: "r0tat3d-s3cr3t-longer")
            try Data(rotated.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try await credentials.headers(for: tenant) == [HTTPHeader("Authorization", "Bearer token-2")])
            #expect(fetcher.lastCredentials?.clientSecret == "r0tat3d-s3cr3t-longer")
        }
    }

    @Test("a failed token request fails the call and is not cached")
    func failedTokenRequestIsNotCached() async throws {
        let fetcher = CountingFetcher(failures: 1)
        let credentials = BackendCredentials(tokenFetcher: fetcher, environment: { _ in Self.oauth2JSON })
        let tenant = Self.tenant(.environment(name: "GENT"), auth: .oauth2)
        let error = await #expect(throws: CredentialError.self) { _ = try await credentials.headers(for: tenant) }
        #expect(error?.label == "tokenRequestFailed")
        #expect(try await credentials.headers(for: tenant) == [HTTPHeader("Authorization", "Bearer token-2")])
    }

    @Test("secrets and tokens print redacted")
    func secretsAreRedacted() {
        let client = OAuth2ClientCredentials(tokenURL: "https://idp.example/token", clientID: "gent", clientSecret: "cl13nt-s3cr3t")
        let values: [Any] = [
            BackendSecret.apiKey("k3y-s3cr3t"), BackendSecret.oauth2(client), client,
            AccessToken(value: "t0k3n-s3cr3t", lifetime: .seconds(60)),
        ]
        for value in values {
            var dumped = ""
            dump(value, to: &dumped)
            for text in [String(describing: value), String(reflecting: value), dumped, "\([value])"] {
                #expect(!text.contains("s3cr3t"), "\(text)")
            }
        }
    }

    // MARK: - Against the simulator

    @Test("API key end to end: the simulator answers 200 with the key and 401 without it")
    func apiKeyAgainstSimulator() async throws {
        let backend = SimulatedBackend(tenant: Self.gent, dialect: .v2, requiredAPIKey: "k3y-gent")
        try await withCredentialSimulator(backend) { _, baseURL in
            try await withCurlClient { client in
                let credentials = BackendCredentials(client: client, logger: .init(label: "test"), environment: { _ in "k3y-gent" })
                let tenant = Self.tenant(.environment(name: "GENT"), baseURL: baseURL)
                let url = baseURL + "/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/debts"
                let authorised = try await client.execute(BackendRequest(url: url, headers: try await credentials.headers(for: tenant)))
                #expect(authorised.status == 200)
                let anonymous = try await client.execute(BackendRequest(url: url))
                #expect(anonymous.status == 401)
                let wrong = try await client.execute(BackendRequest(url: url, headers: [HTTPHeader("X-Api-Key", "nope")]))
                #expect(wrong.status == 401)
            }
        }
    }

    @Test("OAuth2 end to end: a token from the simulator's endpoint, reused, and refreshed after a 401")
    func oauth2AgainstSimulator() async throws {
        let backend = SimulatedBackend(
            tenant: Self.gent, dialect: .v2,
            oauth2: SimulatedOAuth2(clientID: "gent-proxy", clientSecret: "cl13nt s3cr3t&="))
        try await withCredentialSimulator(backend) { simulator, baseURL in
            try await withCurlClient { client in
                let secret =
                    #"{"tokenURL": "\#(baseURL)/oauth2/token", "clientID": "gent-proxy", "clientSecret": "cl13nt s3cr3t&=", "scope": "dossier.read"}"#
                let credentials = BackendCredentials(client: client, logger: .init(label: "test"), environment: { _ in secret })
                let tenant = Self.tenant(.environment(name: "GENT"), auth: .oauth2, baseURL: baseURL)
                let url = baseURL + "/api/v2/citizens/\(DemoCitizens.wireframeINSZ)/debts"
                for _ in 0..<3 {
                    let response = try await client.execute(BackendRequest(url: url, headers: try await credentials.headers(for: tenant)))
                    #expect(response.status == 200)
                }
                #expect(simulator.tokensIssued(for: Self.gent) == 1)

                simulator.revokeTokens(for: Self.gent)
                let stale = try await credentials.headers(for: tenant)
                let rejected = try await client.execute(BackendRequest(url: url, headers: stale))
                #expect(rejected.status == 401)
                #expect(await credentials.backendRejected(stale, for: tenant))
                let retried = try await client.execute(BackendRequest(url: url, headers: try await credentials.headers(for: tenant)))
                #expect(retried.status == 200)
                #expect(simulator.tokensIssued(for: Self.gent) == 2)
            }
        }
    }

    @Test("OAuth2 with a wrong client secret fails as tokenRequestFailed, naming the status, not the secret")
    func oauth2WrongClientSecret() async throws {
        let backend = SimulatedBackend(
            tenant: Self.gent, dialect: .v2,
            oauth2: SimulatedOAuth2(clientID: "gent-proxy", clientSecret: "right"))
        try await withCredentialSimulator(backend) { _, baseURL in
            try await withCurlClient { client in
                let secret = #"{"tokenURL": "\#(baseURL)/oauth2/token", "clientID": "gent-proxy", "clientSecret": "wr0ng-s3cr3t"}"#
                let credentials = BackendCredentials(client: client, logger: .init(label: "test"), environment: { _ in secret })
                let error = await #expect(throws: CredentialError.self) {
                    _ = try await credentials.headers(for: Self.tenant(.environment(name: "GENT"), auth: .oauth2, baseURL: baseURL))
                }
                #expect(error?.label == "tokenRequestFailed")
                #expect(error?.detail.contains("401") == true)
                #expect(error?.detail.contains("invalid_client") == true)
                #expect(error.map { !$0.description.contains("s3cr3t") } == true)
            }
        }
    }
}

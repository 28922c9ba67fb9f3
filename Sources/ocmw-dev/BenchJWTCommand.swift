import ArgumentParser
import CallerAuth
import Crypto
import CryptoExtras
import Foundation
import JWTKit
import OCMWCore

/// `ocmw-dev bench-jwt`: what verifying a caller's token costs per request, with and without
/// `CallerVerifier`'s verified-token cache, for ES256 and RS256 (`scripts/bench-jwt`).
///
/// Everything runs in this process against a JWKS file in a temporary directory: no server,
/// no network. Each case is timed in several rounds and the median round is reported.
struct BenchJWTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-jwt",
        abstract: "Benchmark caller-token verification with and without the verified-token cache.",
        shouldDisplay: false
    )

    @Option(help: "Verifications per round for the uncached cases; cache hits and the baseline run 25 times as many.")
    var iterations: Int = 5000

    @Option(help: "Timed rounds per case; the median round is reported.")
    var rounds: Int = 5

    func validate() throws {
        guard iterations > 0, rounds > 0 else { throw ValidationError("--iterations and --rounds must be positive") }
    }

    func run() async throws {
        let setup = try await BenchSetup(distinctTokens: min(iterations, 1000))
        defer { try? FileManager.default.removeItem(atPath: setup.directory) }
        let fast = iterations * 25
        var results: [BenchResult] = []

        results.append(
            measure("sha256(token) [baseline]", iterations: fast) {
                // Exactly what the cache does per request before looking a token up.
                SHA256.hash(data: Data(setup.es256.utf8)).withUnsafeBytes { Int($0[0]) }
            })
        for (name, token, distinct) in [("ES256", setup.es256, setup.distinctES256), ("RS256", setup.rs256, setup.distinctRS256)] {
            let uncached = setup.verifier(cacheCapacity: 0)
            results.append(
                try await measureVerify("\(name) verify, no cache", iterations: iterations) {
                    try await uncached.verify(bearer: token, now: setup.now)
                })
            let cached = setup.verifier(cacheCapacity: 10_000)
            results.append(
                try await measureVerify("\(name) verify, cache hit", iterations: fast) {
                    try await cached.verify(bearer: token, now: setup.now)
                })
            // Every token new to the cache (a fresh cache each round): the full path plus
            // hashing and inserting.
            var verifier = setup.verifier(cacheCapacity: 10_000)
            results.append(
                try await measureVerify(
                    "\(name) verify, cache miss", iterations: distinct.count,
                    before: {
                        verifier = setup.verifier(cacheCapacity: 10_000)
                    }
                ) { index in
                    try await verifier.verify(bearer: distinct[index], now: setup.now)
                })
        }
        report(results, setup: setup)
    }

    // MARK: - Timing

    private func measure(_ name: String, iterations: Int, _ body: () -> Int) -> BenchResult {
        var sink = 0
        for _ in 0..<max(1, iterations / 10) { sink &+= body() }
        var nanoseconds: [Double] = []
        for _ in 0..<rounds {
            let elapsed = ContinuousClock().measure {
                for _ in 0..<iterations { sink &+= body() }
            }
            nanoseconds.append(Self.nanoseconds(elapsed) / Double(iterations))
        }
        blackHole(sink)
        return BenchResult(name: name, iterations: iterations, nanosecondsPerOp: Self.median(nanoseconds))
    }

    private func measureVerify(
        _ name: String, iterations: Int, before: () -> Void = {},
        _ body: () async throws -> VerifiedCaller
    ) async throws -> BenchResult {
        try await measureVerify(name, iterations: iterations, before: before) { (_: Int) async throws in
            try await body()
        }
    }

    private func measureVerify(
        _ name: String, iterations: Int, before: () -> Void = {},
        _ body: (Int) async throws -> VerifiedCaller
    ) async throws -> BenchResult {
        // Warm-up, and proof that the token verifies: a benchmark of a rejection would be wrong.
        before()
        for index in 0..<max(1, iterations / 10) {
            do {
                _ = try await body(index)
            } catch {
                throw ValidationError("\(name): the benchmark token was rejected: \(error)")
            }
        }
        var nanoseconds: [Double] = []
        var sink = 0
        for _ in 0..<rounds {
            before()
            let start = ContinuousClock.now
            for index in 0..<iterations {
                sink &+= try await body(index).scopes.count
            }
            nanoseconds.append(Self.nanoseconds(ContinuousClock.now - start) / Double(iterations))
        }
        blackHole(sink)
        return BenchResult(name: name, iterations: iterations, nanosecondsPerOp: Self.median(nanoseconds))
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    private static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    // MARK: - Report

    private func report(_ results: [BenchResult], setup: BenchSetup) {
        print(
            "JWT verification cost per request (median of \(rounds) rounds; token \(setup.es256.utf8.count) B ES256, \(setup.rs256.utf8.count) B RS256)"
        )
        print(
            Self.pad("case", 30) + Self.pad("iterations", 12, left: true) + Self.pad("ns/op", 12, left: true)
                + Self.pad("ops/s", 14, left: true))
        for result in results {
            print(
                Self.pad(result.name, 30) + Self.pad("\(result.iterations)", 12, left: true)
                    + Self.pad(String(format: "%.0f", result.nanosecondsPerOp), 12, left: true)
                    + Self.pad(String(format: "%.0f", 1e9 / result.nanosecondsPerOp), 14, left: true))
        }
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0.nanosecondsPerOp) })
        let baseline = byName["sha256(token) [baseline]"] ?? .nan
        print("ratios:")
        for algorithm in ["ES256", "RS256"] {
            let uncached = byName["\(algorithm) verify, no cache"] ?? .nan
            let hit = byName["\(algorithm) verify, cache hit"] ?? .nan
            let miss = byName["\(algorithm) verify, cache miss"] ?? .nan
            print(
                "  \(algorithm): no cache / cache hit = \(String(format: "%.1f", uncached / hit))x; "
                    + "cache hit / sha256 = \(String(format: "%.1f", hit / baseline))x; "
                    + "cache miss / no cache = \(String(format: "%.2f", miss / uncached))x")
        }
        let es256 = byName["ES256 verify, no cache"] ?? .nan
        let rs256 = byName["RS256 verify, no cache"] ?? .nan
        print("  ES256 / RS256 without cache = \(String(format: "%.1f", es256 / rs256))x")
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}

private struct BenchResult {
    let name: String
    let iterations: Int
    let nanosecondsPerOp: Double
}

/// Keeps a result alive so the optimiser cannot drop the work that produced it.
@inline(never)
private func blackHole(_ value: Int) {
    if value == .min { print("") }
}

/// The keys, the JWKS file, the verifiers' configuration and the tokens of one benchmark run.
private struct BenchSetup {
    static let rsaKeyID = "bench-rsa"

    let directory: String
    let keyStore: JWKSKeyStore
    let configuration = CallerAuthConfiguration(issuer: DevSigningKey.issuer, audience: DevSigningKey.audience)
    /// Inside every token's lifetime; fixed, so a verification never reads the clock.
    let now: Date
    let es256: String
    let rs256: String
    /// Tokens that differ only in their client id, for the cache-miss cases.
    let distinctES256: [String]
    let distinctRS256: [String]

    init(distinctTokens: Int) async throws {
        let issuedAt = Date()
        now = issuedAt.addingTimeInterval(1)
        let citizen = try INSZ(parsing: "85073003328", currentYear: 2025)
        let scopes = ["ocmw.dossier.read"]

        let ecKey = DevSigningKey(privateKey: P256.Signing.PrivateKey())
        let rsaKey = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let rsaKeys = JWTKeyCollection()
        await rsaKeys.add(rsa: rsaKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: Self.rsaKeyID))

        func signES256(_ clientID: String) async throws -> String {
            try await ecKey.token(scopes: scopes, insz: citizen, clientID: clientID, lifetime: .seconds(3600), now: issuedAt)
        }
        func signRS256(_ clientID: String) async throws -> String {
            let claims = BenchClaims(clientID: clientID, scopes: scopes, citizen: citizen, issuedAt: issuedAt, lifetimeSeconds: 3600)
            return try await rsaKeys.sign(claims, kid: JWKIdentifier(string: Self.rsaKeyID))
        }
        es256 = try await signES256("mijn-burgerprofiel")
        rs256 = try await signRS256("mijn-burgerprofiel")
        var distinctES256: [String] = [], distinctRS256: [String] = []
        for index in 0..<distinctTokens {
            let clientID = "mijn-burgerprofiel-" + String(1_000_000 + index)
            distinctES256.append(try await signES256(clientID))
            distinctRS256.append(try await signRS256(clientID))
        }
        self.distinctES256 = distinctES256
        self.distinctRS256 = distinctRS256

        // The JWKS the identity provider would publish: the development EC key and the RSA key.
        var keys = try JSONDecoder().decode([String: [[String: String]]].self, from: Data(ecKey.publicJWKSJSON.utf8))["keys"] ?? []
        let (modulus, exponent) = try rsaKey.publicKey.getKeyPrimitives()
        keys.append([
            "kty": "RSA", "kid": Self.rsaKeyID, "alg": "RS256", "use": "sig",
            "n": base64URL(modulus), "e": base64URL(exponent),
        ])
        directory = NSTemporaryDirectory() + "ocmw-bench-jwt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/jwks.json"
        try JSONEncoder().encode(["keys": keys]).write(to: URL(fileURLWithPath: path))
        keyStore = try await JWKSKeyStore(path: path)
    }

    func verifier(cacheCapacity: Int) -> CallerVerifier {
        CallerVerifier(configuration: configuration, keyStore: keyStore, cacheCapacity: cacheCapacity)
    }
}

/// The claims `DevSigningKey` puts in its ES256 tokens, for the RS256 ones.
private struct BenchClaims: JWTPayload {
    let iss: String
    let aud: String
    let azp: String
    let sub: String
    let iat: Double
    let exp: Double
    let scope: String
    let citizen: String

    enum CodingKeys: String, CodingKey {
        case iss, aud, azp, sub, iat, exp, scope
        case citizen = "urn:be:vlaanderen:insz"
    }

    init(clientID: String, scopes: [String], citizen: INSZ, issuedAt: Date, lifetimeSeconds: Double) {
        iss = DevSigningKey.issuer
        aud = DevSigningKey.audience
        azp = clientID
        sub = clientID
        iat = issuedAt.timeIntervalSince1970.rounded(.down)
        exp = (issuedAt.timeIntervalSince1970 + lifetimeSeconds).rounded(.down)
        scope = scopes.joined(separator: " ")
        self.citizen = citizen.digits
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// RFC 7515 base64url without padding, as JWKS members are written.
private func base64URL(_ data: Data) -> String {
    data.base64EncodedString()
        .replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

import Foundation
public import Logging
import PrivateFiles
import Synchronization

/// The callers' verification keys, loaded from a JWKS file and reloaded when it changes.
///
/// The store never fetches over the network: operators (or a sidecar) put the identity
/// provider's JWKS in a file. A poller owned by the server calls ``reloadIfChanged()``; a reload
/// that fails (unreadable file, not JSON, no usable key) keeps the last good key set and
/// reports the error. Keys are selected by `kid`; only RS256/ES256 public signing keys are kept.
public final class JWKSKeyStore: Sendable {
    /// The JWKS file.
    public let path: String
    /// Algorithms whose keys are kept; keys for any other algorithm are ignored.
    public let allowedAlgorithms: Set<SigningAlgorithm>
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var current: KeySet
        /// The file version last attempted, good or bad: a broken file is reported once, not
        /// on every poll, and retried when it changes again.
        var attemptedStamp: FileFingerprint?
        var nextGeneration: UInt64
    }

    /// Loads the key set from `path`.
    /// - Parameters:
    ///   - path: The JWKS file.
    ///   - allowedAlgorithms: Algorithms whose keys are kept; RS256 and ES256 by default.
    ///   - logger: Where reloads, failed reloads and ignored keys are reported. Silent by default,
    ///     like jwt-kit: a library does not write to the global logging system on its own.
    /// - Throws: ``JWKSError`` when the file cannot be read, is not a JWKS, or has no usable key.
    public init(
        path: String,
        allowedAlgorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        logger: Logger = Logger(label: "ocmw.caller-auth.jwks", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(JWKSError) {
        self.path = path
        self.allowedAlgorithms = allowedAlgorithms
        self.logger = logger
        let stamp = FileFingerprint(path: path)
        let (keySet, ignored) = try await Self.load(path: path, allowed: allowedAlgorithms, generation: 0)
        Self.report(ignored, logger: logger)
        self.state = Mutex(State(current: keySet, attemptedStamp: stamp, nextGeneration: 1))
    }

    /// The `kid`s of the keys currently in use.
    public var keyIDs: Set<String> { Set(current.algorithms.keys) }

    /// The key set in use now; verification takes it once per token.
    var current: KeySet { state.withLock { $0.current } }

    /// Reloads the file if its modification time, size or inode changed since the last attempt.
    /// - Returns: The key ids now in use, or `nil` when the file did not change.
    /// - Throws: ``JWKSError`` when the changed file cannot be used; the previous keys stay in use.
    @discardableResult
    public func reloadIfChanged() async throws(JWKSError) -> Set<String>? {
        let stamp = FileFingerprint(path: path)
        let changed = state.withLock { state in
            guard state.attemptedStamp != stamp else { return false }
            state.attemptedStamp = stamp
            return true
        }
        guard changed else { return nil }
        return try await reload()
    }

    /// Reloads the file unconditionally.
    /// - Returns: The key ids now in use.
    /// - Throws: ``JWKSError`` when the file cannot be used; the previous keys stay in use.
    @discardableResult
    public func reload() async throws(JWKSError) -> Set<String> {
        let stamp = FileFingerprint(path: path)
        let generation = state.withLock { state in
            state.attemptedStamp = stamp
            defer { state.nextGeneration += 1 }
            return state.nextGeneration
        }
        do {
            let (keySet, ignored) = try await Self.load(path: path, allowed: allowedAlgorithms, generation: generation)
            Self.report(ignored, logger: logger)
            // Two overlapping reloads may finish out of order; the one that read the file last wins.
            state.withLock { state in
                if keySet.generation > state.current.generation { state.current = keySet }
            }
            let keyIDs = Set(keySet.algorithms.keys)
            logger.info("JWKS reloaded", metadata: ["path": "\(path)", "keys": "\(keyIDs.sorted().joined(separator: ","))"])
            return keyIDs
        } catch {
            logger.error("JWKS reload failed, keeping the previous keys", metadata: ["path": "\(path)", "reason": "\(error.reason)"])
            throw error
        }
    }

    private static func load(
        path: String,
        allowed: Set<SigningAlgorithm>,
        generation: UInt64
    ) async throws(JWKSError) -> (KeySet, [IgnoredKey]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw JWKSError(.unreadable, path: path) }
        guard let (keySet, ignored) = await KeySet.build(from: data, allowed: allowed, generation: generation) else {
            throw JWKSError(.invalidJSON, path: path)
        }
        guard !keySet.algorithms.isEmpty else { throw JWKSError(.noUsableKeys, path: path) }
        return (keySet, ignored)
    }

    private static func report(_ ignored: [IgnoredKey], logger: Logger) {
        for key in ignored {
            logger.warning("JWKS key ignored", metadata: ["kid": "\(key.keyID ?? "-")", "reason": "\(key.reason.rawValue)"])
        }
    }
}

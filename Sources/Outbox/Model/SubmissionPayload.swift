import Crypto
import Foundation
import OCMWCore

/// What the server will send to New Social: the request's JSON and its attached documents, as
/// one opaque blob the server builds. The outbox only stores it, encrypted, and hands it back.
public struct SubmissionPayload: Sendable, Hashable {
    /// The blob. Personal data: it never leaves the process unencrypted except to New Social.
    public let bytes: Data

    public init(bytes: Data) { self.bytes = bytes }
}

extension SubmissionPayload: CustomStringConvertible, CustomReflectable {
    /// Never the content: a payload interpolated into a log line must not leak it.
    public var description: String { "SubmissionPayload(\(bytes.count) bytes)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// SHA-256 of a submission's canonical content: the same idempotency key with another
/// fingerprint is a different request (409), not a retry.
public struct RequestFingerprint: Sendable, Hashable {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Wraps stored digest bytes.
    /// - Returns: `nil` unless there are exactly 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == SHA256.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Hashes what makes two submissions the same request: kind, OCMW, citizen and payload.
    ///
    /// The payload must be canonical (the server encodes its JSON with sorted keys and keeps
    /// documents in the order received) so the same body always hashes the same. Each field is
    /// length-prefixed so that no two different field splits produce the same input.
    public init(kind: SubmissionKind, tenant: TenantID, citizen: INSZ, payload: SubmissionPayload) {
        var hasher = SHA256()
        for field in [Data(kind.rawValue.utf8), Data(tenant.rawValue.utf8), Data(citizen.digits.utf8), payload.bytes] {
            withUnsafeBytes(of: UInt64(field.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: field)
        }
        self.bytes = Array(hasher.finalize())
    }
}

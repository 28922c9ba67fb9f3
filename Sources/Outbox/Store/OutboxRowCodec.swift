import Foundation
import OCMWCore

/// What every outbox store does between its columns and the model, whatever its database: the
/// status from stored values, the submission from its sealed columns, the sealing at acceptance.
/// Package-wide so the PostgreSQL store reads and writes rows exactly as the SQLite one does.
package enum OutboxRowCodec {
    /// A status from the stored values of its columns; a sealed dossier number is opened with
    /// `ring` (see `sealDossierNumber`).
    /// - Throws: `OutboxStoreError.corruptRow` when a value is not one the stores write.
    package static func status(
        id: UUID, kind: String, tenant: String, state: String, dossierNumber: String?, failureReason: String?,
        attempts: Int, nextAttemptUs: Int64, createdUs: Int64, updatedUs: Int64, warnings: String, lastError: String?,
        ring: OutboxKeyRing
    ) throws -> SubmissionStatus {
        guard let kind = SubmissionKind(rawValue: kind), let tenant = TenantID(tenant),
            let phase = SubmissionPhase(rawValue: state)
        else { throw OutboxStoreError(.corruptRow, submissionID: id) }
        let detailed: SubmissionState
        switch phase {
        case .accepted: detailed = .accepted
        case .delivering: detailed = .delivering
        case .delivered:
            guard let dossierNumber else { throw OutboxStoreError(.corruptRow, submissionID: id) }
            detailed = .delivered(dossierNumber: openDossierNumber(dossierNumber, rowID: id, ring: ring))
        case .failed:
            guard let failureReason else { throw OutboxStoreError(.corruptRow, submissionID: id) }
            detailed = .failed(reason: failureReason)
        }
        return SubmissionStatus(
            id: id, kind: kind, tenant: tenant, state: detailed, attempts: attempts,
            nextAttemptAt: OutboxTime.date(nextAttemptUs), createdAt: OutboxTime.date(createdUs),
            updatedAt: OutboxTime.date(updatedUs), warnings: try JSONList.strings(warnings), lastError: lastError)
    }

    /// A pending row's submission, its personal data decrypted with `ring`.
    /// - Throws: `OutboxStoreError` `.unknownKeyID` or `.undecryptable` when the ciphertexts do
    ///   not open, `.corruptRow` when a column is missing or malformed.
    package static func submission(
        status: SubmissionStatus, clientID: String, idempotencyKey: String, fingerprint: Data, keyID: String?,
        citizen sealedCitizen: Data?, payload sealedPayload: Data?, ring: OutboxKeyRing, currentYear: Int
    ) throws -> Submission {
        guard let keyID, let sealedCitizen, let sealedPayload,
            let fingerprint = RequestFingerprint(bytes: Array(fingerprint))
        else { throw OutboxStoreError(.corruptRow, submissionID: status.id) }
        let digits = try RowCipher.open(sealedCitizen, column: .citizen, rowID: status.id, keyID: keyID, ring: ring)
        let payload = try RowCipher.open(sealedPayload, column: .payload, rowID: status.id, keyID: keyID, ring: ring)
        let citizen: INSZ
        do { citizen = try INSZ(parsing: String(decoding: digits, as: UTF8.self), currentYear: currentYear) } catch {
            throw OutboxStoreError(.corruptRow, submissionID: status.id)
        }
        return Submission(
            status: status, clientID: clientID, idempotencyKey: idempotencyKey, fingerprint: fingerprint,
            citizen: citizen, payload: SubmissionPayload(bytes: payload))
    }

    /// The encrypted columns of a new row, under the ring's current key.
    package static func seal(_ new: NewSubmission, ring: OutboxKeyRing) throws -> SealedColumns {
        let key = ring.current
        return SealedColumns(
            keyID: key.id,
            citizen: try RowCipher.seal(Data(new.citizen.digits.utf8), column: .citizen, rowID: new.id, with: key),
            payload: try RowCipher.seal(new.payload.bytes, column: .payload, rowID: new.id, with: key))
    }

    /// The text stored for a delivered submission's dossier number: sealed under the ring's
    /// current key (`sealed:v1:<key id>:<base64>`), since together with the OCMW it names a
    /// citizen's dossier. The row keeps no key id once delivered; the text carries its own.
    package static func sealDossierNumber(_ number: String, rowID: UUID, ring: OutboxKeyRing) throws -> String {
        let key = ring.current
        let sealed = try RowCipher.seal(Data(number.utf8), column: .dossierNumber, rowID: rowID, with: key)
        return "\(sealedPrefix)\(key.id):\(sealed.base64EncodedString())"
    }

    private static let sealedPrefix = "sealed:v1:"

    /// The dossier number a stored text holds: opened when sealed, as is when written by a
    /// version that stored it in clear, and empty when its key is no longer in the ring (the
    /// submission still reads as delivered; only its number is not shown).
    static func openDossierNumber(_ stored: String, rowID: UUID, ring: OutboxKeyRing) -> String {
        guard stored.hasPrefix(sealedPrefix) else { return stored }
        let rest = stored.dropFirst(sealedPrefix.count)
        guard let colon = rest.lastIndex(of: ":"), let sealed = Data(base64Encoded: String(rest[rest.index(after: colon)...])),
            let opened = try? RowCipher.open(
                sealed, column: .dossierNumber, rowID: rowID, keyID: String(rest[..<colon]), ring: ring)
        else { return "" }
        return String(decoding: opened, as: UTF8.self)
    }

    /// The status `accept` reports for a row it inserted.
    package static func acceptedStatus(_ new: NewSubmission) -> SubmissionStatus {
        let time = OutboxTime.date(OutboxTime.microseconds(new.receivedAt))
        return SubmissionStatus(
            id: new.id, kind: new.kind, tenant: new.tenant, state: .accepted, attempts: 0,
            nextAttemptAt: time, createdAt: time, updatedAt: time, warnings: new.warnings, lastError: nil)
    }

    /// The year INSZ check digits are read against when a leased row is decrypted.
    package static func currentYear(at now: Date) -> Int {
        Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: now).year ?? 9999
    }
}

/// A new row's personal data, encrypted, and the id of the key that did it.
package struct SealedColumns: Sendable {
    package let keyID: String
    package let citizen: Data
    package let payload: Data
}

/// What one `lease` call grants, in the units the stores write.
package struct LeaseTerms: Sendable {
    /// The lease time, in microseconds.
    package let nowUs: Int64
    /// When the lease ends, in microseconds.
    package let expiresUs: Int64
    package let lease: SubmissionLease
    /// For reading the decrypted INSZ (see `OutboxRowCodec.submission`).
    package let currentYear: Int

    package init(owner: String, now: Date, duration: Duration) {
        nowUs = OutboxTime.microseconds(now)
        expiresUs = nowUs + OutboxTime.microseconds(duration)
        lease = SubmissionLease(owner: owner, expiresAt: OutboxTime.date(expiresUs))
        currentYear = OutboxRowCodec.currentYear(at: now)
    }
}

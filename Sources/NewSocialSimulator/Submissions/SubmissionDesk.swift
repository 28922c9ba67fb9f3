import OCMWCore

/// Answers the submission `POST`s of one backend (docs/newsocial-api.md, "Submissions"):
/// checks the citizen, the `Idempotency-Key` and the body, then lets the ledger deduplicate and
/// create.
struct SubmissionDesk: Sendable {
    /// Largest body accepted (documents are base64 in the JSON); larger ones get 413.
    static let maxBodyBytes = 16 * 1024 * 1024
    /// Longest accepted `Idempotency-Key`.
    static let maxKeyLength = 200

    let dialect: Dialect
    let ledger: SubmissionLedger

    /// The answer to one submission.
    /// - Parameters:
    ///   - idempotencyKey: The `Idempotency-Key` header, if sent.
    ///   - body: The body as received (cut short when `bodyTooLarge`).
    ///   - today: The installation's date: submission date and the year of new numbers.
    ///   - currentYear: For INSZ validation.
    func answer(
        _ route: SubmissionRoute, idempotencyKey: String?, body: [UInt8], bodyTooLarge: Bool,
        today: DayDate, currentYear: Int
    ) -> WireResponse {
        let digits = route.insz
        guard digits.utf8.count == 11, digits.utf8.allSatisfy({ (48...57).contains($0) }),
            (try? INSZ(parsing: digits, currentYear: currentYear)) != nil
        else {
            return .json(400, DialectBodies.error("invalid insz"))
        }
        guard let key = idempotencyKey, Self.isValidKey(key) else {
            return .json(400, DialectBodies.error("missing or invalid Idempotency-Key"))
        }
        guard !bodyTooLarge else { return .json(413, DialectBodies.error("body too large")) }
        guard let object = SubmissionForm.object(body) else {
            return .json(400, DialectBodies.error("body is not a JSON object"))
        }
        let insz = String(digits)
        let fingerprint = Self.fnv1a(Array("\(route.kind.rawValue)\n\(insz)\n".utf8) + SubmissionForm.canonical(object))
        let fields = SubmissionFields.of(dialect)
        let content = Result { () throws(SubmissionRefusal) in
            try SubmissionForm.validate(object, kind: route.kind, fields: fields)
        }
        let outcome = ledger.submit(key: key, fingerprint: fingerprint, content: content, insz: insz) { content, number in
            create(content, number: number, today: today)
        }
        switch outcome {
        case .created(let answer): return answer
        case .duplicate(var answer):
            answer.status = 200
            return answer
        case .conflict:
            return .json(409, DialectBodies.error("Idempotency-Key already used with a different body"))
        case .refused(let refusal):
            return .json(refusal.status, DialectBodies.error(refusal.message))
        }
    }

    /// The records a new submission adds and its 201 answer.
    private func create(_ content: SubmissionContent, number: Int, today: DayDate) -> (SubmittedParts, WireResponse) {
        switch content {
        case .helpRequest(let categories):
            let dossierNumber = "\(pad(today.year, 4))/\(pad(number, 4))"
            let requests = categories.map { code in
                HelpRequest(
                    dossierNumber: dossierNumber, kindCode: code, kindLabel: Names.categories[code] ?? code,
                    submittedDate: today, status: .submitted, decisionExpected: nil)
            }
            let body: JSONValue =
                dialect == .v2
                ? .object([("dossierNumber", .string(dossierNumber)), ("status", .string("submitted"))])
                : .object([("dossiernummer", .string(dossierNumber)), ("status", .string("INGEDIEND"))])
            return (SubmittedParts(requests: requests), .json(201, body))
        case .certificateRequest(let typeCode):
            let id = "ATT-\(pad(today.year, 4))-\(pad(number, 4))"
            let label = Names.certificateTypes.first { $0.0 == typeCode }?.1 ?? typeCode
            let certificate = Certificate(id: id, typeCode: typeCode, typeLabel: label, status: .requested, requestedDate: today)
            let body: JSONValue = .object([("requestNumber", .string(id)), ("status", .string("requested"))])
            return (SubmittedParts(certificates: [certificate]), .json(201, body))
        }
    }

    /// 1–200 printable ASCII characters (space to tilde).
    static func isValidKey(_ key: String) -> Bool {
        (1...maxKeyLength).contains(key.utf8.count) && key.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// 64-bit FNV-1a: enough to tell bodies apart in a simulator.
    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

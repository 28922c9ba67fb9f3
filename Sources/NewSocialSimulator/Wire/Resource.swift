import OCMWCore

/// What a request path asks for on one backend: the citizen's INSZ as written, and which part.
struct Resource: Equatable {
    enum Part: Equatable {
        case citizen, debts, payments, rights, trajectories, requests, certificates
        /// The PDF of one certificate (v2 only); the id percent-decoded.
        case certificateDocument(id: String)
    }

    let insz: Substring
    let part: Part

    /// Parses a path in a dialect; `nil` when the dialect has no such path (a 404).
    init?(path: Substring, dialect: Dialect) {
        let segments = path.split(separator: "/")
        let prefix: [Substring] = dialect == .v2 ? ["api", "v2", "citizens"] : ["nsapi", "v1", "dossiers"]
        guard segments.count >= 4, Array(segments.prefix(3)) == prefix else { return nil }
        let rest = Array(segments.dropFirst(4))
        switch (rest.count, dialect) {
        case (0, _): part = .citizen
        case (1, _):
            guard let named = Self.parts[dialect]?[String(rest[0])] else { return nil }
            part = named
        case (3, .v2) where rest[0] == "certificates" && rest[2] == "document":
            guard let id = Self.percentDecoded(rest[1]) else { return nil }
            part = .certificateDocument(id: id)
        default: return nil
        }
        insz = segments[3]
    }

    /// The one-segment parts of each dialect (docs/newsocial-api.md). v1 has no certificates.
    private static let parts: [Dialect: [String: Part]] = [
        .v2: [
            "debts": .debts, "payments": .payments, "rights": .rights, "trajectories": .trajectories,
            "requests": .requests, "certificates": .certificates,
        ],
        .v1: [
            "schulden": .debts, "betalingen": .payments, "rechten": .rights, "trajecten": .trajectories,
            "aanvragen": .requests,
        ],
    ]

    /// A path segment with `%XX` decoded (`+` stays `+` in a path); `nil` for a malformed escape.
    static func percentDecoded(_ segment: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

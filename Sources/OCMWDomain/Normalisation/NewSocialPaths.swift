import OCMWCore

/// The request path of each part, per dialect, relative to a tenant's `baseURL` (which has no
/// trailing slash). Shared by the proxy and tests so they cannot drift apart; the contract is
/// docs/newsocial-api.md.
public enum NewSocialPaths {
    /// The path of a part in a dialect, or `nil` when the dialect does not offer that part
    /// (certificates in v1): the proxy reports such a part `notSupported`, not `error`.
    /// - Parameters:
    ///   - part: The part to fetch.
    ///   - insz: The citizen.
    ///   - dialect: The tenant's New Social dialect.
    ///   - months: The month range; only payments use it.
    public static func path(for part: DossierPart, insz: INSZ, dialect: Dialect, months: MonthRange) -> String? {
        guard part.isOffered(by: dialect) else { return nil }
        switch part {
        case .payments: return payments(insz: insz, dialect: dialect, months: months)
        default: return citizen(insz: insz, dialect: dialect) + suffix(of: part, dialect: dialect)
        }
    }

    /// "Does this OCMW know the citizen?": `/api/v2/citizens/{insz}` or `/nsapi/v1/dossiers/{insz}`.
    public static func citizen(insz: INSZ, dialect: Dialect) -> String {
        switch dialect {
        case .v1: "/nsapi/v1/dossiers/\(insz.digits)"
        case .v2: "/api/v2/citizens/\(insz.digits)"
        }
    }

    /// The citizen's debts: `…/debts` (v2) or `…/schulden` (v1).
    public static func debts(insz: INSZ, dialect: Dialect) -> String {
        citizen(insz: insz, dialect: dialect) + suffix(of: .debts, dialect: dialect)
    }

    /// The citizen's payments in a month range: `…/payments?from=yyyy-MM&to=yyyy-MM` (v2) or
    /// `…/betalingen?van=MM/yyyy&tot=MM/yyyy` (v1).
    public static func payments(insz: INSZ, dialect: Dialect, months: MonthRange) -> String {
        switch dialect {
        case .v1:
            citizen(insz: insz, dialect: dialect)
                + "/betalingen?van=\(belgian(months.from))&tot=\(belgian(months.to))"
        case .v2:
            citizen(insz: insz, dialect: dialect)
                + "/payments?from=\(months.from.iso8601)&to=\(months.to.iso8601)"
        }
    }

    /// The PDF of one certificate, `…/certificates/{id}/document` (v2); `nil` in v1, which has
    /// no certificates. The id comes from a backend or a caller, so it is percent-encoded: it
    /// can never add a path segment or a query.
    /// Whether `id` is a certificate id as the contract allows them: 1 to 64 of `A–Z a–z 0–9 . _ -`,
    /// and not `.` or `..`. Anything else is refused before a backend is called: an id like
    /// `../../90031204551/…` must never reach an installation that might decode and follow it.
    public static func isCertificateID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id != ".", id != ".." else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }

    public static func certificateDocument(insz: INSZ, id: String, dialect: Dialect) -> String? {
        guard DossierPart.certificates.isOffered(by: dialect) else { return nil }
        return citizen(insz: insz, dialect: dialect) + suffix(of: .certificates, dialect: dialect)
            + "/" + percentEncoded(id) + "/document"
    }

    /// What follows the citizen path for a part without query parameters.
    private static func suffix(of part: DossierPart, dialect: Dialect) -> String {
        switch (part, dialect) {
        case (.ocmws, _), (.payments, _): ""
        case (.rights, .v2): "/rights"
        case (.rights, .v1): "/rechten"
        case (.trajectories, .v2): "/trajectories"
        case (.trajectories, .v1): "/trajecten"
        case (.debts, .v2): "/debts"
        case (.debts, .v1): "/schulden"
        case (.requests, .v2): "/requests"
        case (.requests, .v1): "/aanvragen"
        case (.certificates, _): "/certificates"
        }
    }

    /// `MM/yyyy`; `/` is allowed unescaped in a query (RFC 3986), and v1 expects it so.
    private static func belgian(_ month: CalendarMonth) -> String {
        "\(ASCIIDigits.padded(month.month, width: 2))/\(ASCIIDigits.padded(month.year, width: 4))"
    }

    /// Every byte outside RFC 3986's unreserved set (`A–Z a–z 0–9 - . _ ~`) as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        // "." and ".." are unreserved yet mean "this" and "parent" segment.
        if out == "." || out == ".." { return String(repeating: "%2E", count: out.utf8.count) }
        return out
    }
}

import OCMWCore

/// The request path of each part, per dialect, relative to a tenant's `baseURL` (which has no
/// trailing slash). Shared by the proxy, the simulator and tests so they cannot drift apart.
public enum NewSocialPaths {
    /// "Does this OCMW know the citizen?": `/api/v2/citizens/{insz}` or `/nsapi/v1/dossiers/{insz}`.
    public static func citizen(insz: INSZ, dialect: Dialect) -> String {
        switch dialect {
        case .v1: "/nsapi/v1/dossiers/\(insz.digits)"
        case .v2: "/api/v2/citizens/\(insz.digits)"
        }
    }

    /// The citizen's debts: `…/debts` (v2) or `…/schulden` (v1).
    public static func debts(insz: INSZ, dialect: Dialect) -> String {
        switch dialect {
        case .v1: citizen(insz: insz, dialect: dialect) + "/schulden"
        case .v2: citizen(insz: insz, dialect: dialect) + "/debts"
        }
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

    /// `MM/yyyy`; `/` is allowed unescaped in a query (RFC 3986), and v1 expects it so.
    private static func belgian(_ month: CalendarMonth) -> String {
        "\(ASCIIDigits.padded(month.month, width: 2))/\(ASCIIDigits.padded(month.year, width: 4))"
    }
}

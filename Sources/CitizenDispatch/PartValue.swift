import OCMWCore
import OCMWDomain

/// Options of a citizen read that shape what the parts contain.
package struct PartOptions: Sendable {
    /// Debts: list paid-off debts too (totals never include them).
    package var includePaid = false
    /// Payments: the past months asked for (never the current month).
    package var months: MonthRange
    /// Payments: the current and coming months whose planned payments are shown too; `nil`
    /// when the past window does not reach the current month (a look further back).
    package var upcoming: MonthRange?
    /// Today, for "running" dossiers and what is current.
    package var today: DayDate
    /// Rights and trajectories: keep those that ended, marked `ended` (§4.2 shows only what is
    /// current, so they are left out by default).
    package var includeEnded = false

    package init(
        includePaid: Bool = false, months: MonthRange, upcoming: MonthRange? = nil, today: DayDate,
        includeEnded: Bool = false
    ) {
        self.includePaid = includePaid
        self.months = months
        self.upcoming = upcoming
        self.today = today
        self.includeEnded = includeEnded
    }
}

extension PartOptions {
    /// The months New Social is asked for: the past window and, right after it, the upcoming
    /// months, in one call.
    package var fetchedMonths: MonthRange {
        guard let upcoming, let range = MonthRange(from: months.from, to: upcoming.to) else { return months }
        return range
    }
}

/// One part of one OCMW's dossier, normalised, as it is written into an answer.
package enum PartValue: Encodable, Sendable {
    case ocmws([DossierSummary])
    case rights(RightsOverview)
    case trajectories([Trajectory])
    case payments(PaymentsPart)
    case debts(DebtOverview)
    case requests([RequestEntry])
    case certificates([CertificateEntry])

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .ocmws(let value): try value.encode(to: encoder)
        case .rights(let value): try value.encode(to: encoder)
        case .trajectories(let value): try value.encode(to: encoder)
        case .payments(let value): try value.encode(to: encoder)
        case .debts(let value): try value.encode(to: encoder)
        case .requests(let value): try value.encode(to: encoder)
        case .certificates(let value): try value.encode(to: encoder)
        }
    }

    /// Normalises a tenant's 200 body for `part` (the dialect's normaliser), then applies what
    /// the citizen is shown: running dossiers, current granted rights and trajectories, grouped
    /// payments, open debts.
    package static func decode(
        _ part: DossierPart, body: [UInt8], tenant: Tenant, insz: INSZ,
        options: PartOptions
    ) throws(NormalisationError) -> PartValue {
        let dialect = tenant.backend.dialect
        switch part {
        case .ocmws:
            let dossiers = try NewSocialDecoder.decodeDossiers(body, dialect: dialect, insz: insz)
            return .ocmws(dossiers.filter { $0.isRunning(on: options.today) })
        case .rights:
            let rights = RightsOverview(try NewSocialDecoder.decodeRights(body, dialect: dialect, insz: insz))
            return .rights(rights.shown(on: options.today, includeEnded: options.includeEnded))
        case .trajectories:
            let trajectories = try NewSocialDecoder.decodeTrajectories(body, dialect: dialect, insz: insz)
            return .trajectories(Trajectory.shown(trajectories, on: options.today, includeEnded: options.includeEnded))
        case .payments:
            let payments = try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: insz)
            return .payments(PaymentsPart(payments, months: options.months, upcoming: options.upcoming))
        case .debts:
            let debts = try NewSocialDecoder.decodeDebts(body, dialect: dialect, insz: insz)
            return .debts(debts.shownToCitizen(includePaid: options.includePaid))
        case .requests:
            return .requests(
                try NewSocialDecoder.decodeRequests(body, dialect: dialect, insz: insz).map { .reported($0, submissionID: nil) })
        case .certificates:
            let certificates = try NewSocialDecoder.decodeCertificates(body, dialect: dialect, insz: insz)
            return .certificates(certificates.map { CertificateEntry($0, tenant: tenant.id, insz: insz) })
        }
    }
}

/// The payments part: the past months it covers and their payments grouped as the citizen sees
/// them, over the whole window and per month, and the upcoming months' planned payments.
package struct PaymentsPart: Encodable, Sendable {
    package let months: MonthRange
    /// The past window's payments, all months together.
    package let overview: PaymentsOverview
    /// The past window, one entry per month.
    package let perMonth: [MonthPayments]
    package let upcoming: UpcomingPayments?

    /// Splits what New Social listed for the fetched months into the past window and the
    /// upcoming months, each payment by the month its period starts in.
    package init(_ payments: [Payment], months: MonthRange, upcoming: MonthRange?) {
        let past = payments.filter { months.contains($0.period.start.calendarMonth) }
        self.months = months
        self.overview = PaymentsOverview(past)
        self.perMonth = MonthPayments.split(past, over: months)
        self.upcoming = upcoming.map { UpcomingPayments(months: $0, perMonth: MonthPayments.split(payments, over: $0)) }
    }

    package enum CodingKeys: String, CodingKey { case months, perMonth, upcoming }

    package func encode(to encoder: any Encoder) throws {
        try overview.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(months, forKey: .months)
        try container.encode(perMonth, forKey: .perMonth)
        try container.encodeIfPresent(upcoming, forKey: .upcoming)
    }
}

/// Payments planned for the current and coming months ("toekomstige betalingen"), per month.
package struct UpcomingPayments: Encodable, Sendable {
    package let months: MonthRange
    package let perMonth: [MonthPayments]
}

/// A certificate with the proxy's own download link (only when it is available).
package struct CertificateEntry: Encodable, Sendable {
    package let certificate: Certificate
    package let download: String?
    /// The `id` of the 202 of the citizen's certificate request that made it, while the proxy
    /// keeps that submission.
    package var submissionID: String?

    package init(_ certificate: Certificate, tenant: TenantID, insz: INSZ) {
        self.certificate = certificate
        let id = certificate.id.addingPercentEncodingForPathSegment
        download =
            certificate.isDownloadable
            ? "/v1/citizens/\(insz.digits)/certificates/\(tenant)/\(id)/document" : nil
    }

    package enum CodingKeys: String, CodingKey { case download, submissionId }

    package func encode(to encoder: any Encoder) throws {
        try certificate.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(download, forKey: .download)
        try container.encodeIfPresent(submissionID, forKey: .submissionId)
    }
}

extension String {
    /// Percent-encodes everything but RFC 3986 unreserved characters, so an id is one path segment.
    package var addingPercentEncodingForPathSegment: String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }

    private func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

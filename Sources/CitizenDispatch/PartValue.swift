import OCMWCore
import OCMWDomain

/// Options of a citizen read that shape what the parts contain.
package struct PartOptions: Sendable {
    /// Debts: list paid-off debts too (totals never include them).
    package var includePaid = false
    /// Payments: the past months asked for (never the current month).
    package var months: MonthRange
    /// Today, for "running" dossiers.
    package var today: DayDate

    package init(includePaid: Bool = false, months: MonthRange, today: DayDate) {
        self.includePaid = includePaid
        self.months = months
        self.today = today
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
    /// the citizen is shown: running dossiers, granted rights only, grouped payments, open debts.
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
            return .rights(RightsOverview(try NewSocialDecoder.decodeRights(body, dialect: dialect, insz: insz)))
        case .trajectories:
            return .trajectories(try NewSocialDecoder.decodeTrajectories(body, dialect: dialect, insz: insz))
        case .payments:
            let payments = try NewSocialDecoder.decodePayments(body, dialect: dialect, insz: insz)
            return .payments(PaymentsPart(months: options.months, overview: PaymentsOverview(payments)))
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

/// The payments part: the months it covers and the payments grouped as the citizen sees them.
package struct PaymentsPart: Encodable, Sendable {
    package let months: MonthRange
    package let overview: PaymentsOverview

    package enum CodingKeys: String, CodingKey { case months }

    package func encode(to encoder: any Encoder) throws {
        try overview.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(months, forKey: .months)
    }
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

import OCMWCore

/// Where a certificate stands, normalised from New Social's codes.
public enum CertificateStatus: CodedStatus {
    /// Asked for, not issued yet.
    case requested
    /// Issued: the PDF can be downloaded.
    case available
    /// A code outside the contract, as the installation wrote it.
    case unknown(String)

    public static let knownCases: [CertificateStatus] = [.requested, .available]

    public var name: String {
        switch self {
        case .requested: "requested"
        case .available: "available"
        case .unknown: unknownStatusName
        }
    }

    public var rawCode: String? {
        if case .unknown(let code) = self { return code }
        return nil
    }
}

/// A certificate (attest) the citizen requested from the OCMW.
public struct Certificate: Sendable, Hashable {
    /// The installation's id, used to download the document.
    public let id: String
    /// The certificate type, from the OCMW's list (e.g. `ATT-LL`, `Attest leefloon`).
    public let type: CodeLabel
    public let status: CertificateStatus
    public let requestedDate: CalendarDate
    /// When it was issued; `nil` until then.
    public let issuedDate: CalendarDate?

    public init(
        id: String, type: CodeLabel, status: CertificateStatus, requestedDate: CalendarDate,
        issuedDate: CalendarDate?
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.requestedDate = requestedDate
        self.issuedDate = issuedDate
    }

    /// Whether the document can be downloaded; only an available certificate has one.
    public var isDownloadable: Bool { status == .available }
}

extension Certificate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            type: try container.decode(CodeLabel.self, forKey: .type),
            status: try container.decode(CertificateStatus.self, forKey: .status, rawKey: .rawStatus),
            requestedDate: try container.decode(CalendarDate.self, forKey: .requestedDate),
            issuedDate: try container.decodeIfPresent(CalendarDate.self, forKey: .issuedDate))
    }

    /// An unknown status adds `rawStatus` (see `CodedStatus`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status, rawKey: .rawStatus)
        try container.encode(requestedDate, forKey: .requestedDate)
        try container.encodeIfPresent(issuedDate, forKey: .issuedDate)
    }

    private enum CodingKeys: String, CodingKey { case id, type, status, rawStatus, requestedDate, issuedDate }
}

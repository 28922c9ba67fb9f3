import OCMWCore

/// The envelope of every per-part citizen answer:
/// `{"complete": Bool, "ocmws": [{"ocmw": {"id","name"}, "status": "...", "<part>": {...}}]}`.
public struct CitizenAnswer<Part: Encodable & Sendable>: Encodable, Sendable {
    /// True only when every OCMW's part is `ok`.
    public let complete: Bool
    public let ocmws: [OCMWEntry<Part>]

    init(ocmws: [OCMWEntry<Part>]) {
        self.ocmws = ocmws
        self.complete = ocmws.allSatisfy { $0.status == .ok }
    }
}

/// The OCMW an entry is about.
public struct OCMWReference: Encodable, Sendable, Equatable {
    public let id: String
    public let name: String

    init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        name = tenant.name
    }
}

/// One OCMW's entry: its status and, when `ok`, the part under the part's own name.
public struct OCMWEntry<Part: Encodable & Sendable>: Encodable, Sendable {
    public let ocmw: OCMWReference
    public let status: PartStatus
    /// Why the part is missing, when it is: short and free of personal data.
    public let reason: String?
    public let part: Part?
    /// The JSON key the part is written under (`debts`, `payments`, …).
    let partName: String

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(ocmw, forKey: Key("ocmw"))
        try container.encode(status, forKey: Key("status"))
        try container.encodeIfPresent(reason, forKey: Key("reason"))
        try container.encodeIfPresent(part, forKey: Key(partName))
    }
}

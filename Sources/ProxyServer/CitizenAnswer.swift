import OCMWCore
import OCMWDomain

/// The OCMW an entry is about.
public struct OCMWReference: Encodable, Sendable, Equatable {
    public let id: String
    public let name: String

    init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        name = tenant.name
    }
}

extension PartStatus {
    /// Whether this status leaves the answer complete: `notSupported` parts do not exist at that
    /// OCMW, so nothing is missing.
    var keepsAnswerComplete: Bool { self == .ok || self == .notSupported }
}

/// The answer of a one-part read:
/// `{"complete": Bool, "ocmws": [{"ocmw": {"id","name"}, "status": "...", "<part>": …}]}`.
struct PartAnswer: Encodable, Sendable {
    /// True only when every listed OCMW's part is `ok` (or `notSupported`).
    let complete: Bool
    let ocmws: [Entry]

    struct Entry: Encodable, Sendable {
        let ocmw: OCMWReference
        let status: PartStatus
        /// Why the part is missing, when it is: short and free of personal data.
        let reason: String?
        let value: PartValue?
        /// The JSON key the part is written under (`debts`, `payments`, …).
        let part: DossierPart

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(ocmw, forKey: JSONKey("ocmw"))
            try container.encode(status, forKey: JSONKey("status"))
            try container.encodeIfPresent(reason, forKey: JSONKey("reason"))
            try container.encodeIfPresent(value, forKey: JSONKey(part.jsonName))
        }
    }

    init(ocmws: [Entry]) {
        self.ocmws = ocmws
        complete = ocmws.allSatisfy { $0.status.keepsAnswerComplete }
    }
}

/// The answer of `/dossier`: every part of every OCMW of the citizen, each with its own status.
struct DossierAnswer: Encodable, Sendable {
    /// True only when every part of every listed OCMW is `ok` (or `notSupported`).
    let complete: Bool
    let ocmws: [OCMWDossier]

    struct OCMWDossier: Encodable, Sendable {
        let ocmw: OCMWReference
        let complete: Bool
        let parts: Parts
    }

    /// One result per part, written as an object keyed by part name, in `DossierPart` order.
    struct Parts: Encodable, Sendable {
        let results: [(part: DossierPart, result: PartSlot)]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            for (part, result) in results { try container.encode(result, forKey: JSONKey(part.jsonName)) }
        }
    }

    /// `{"status": "...", "reason"?: "...", "data"?: …}`.
    struct PartSlot: Encodable, Sendable {
        let status: PartStatus
        let reason: String?
        let data: PartValue?
    }

    init(ocmws: [OCMWDossier]) {
        self.ocmws = ocmws
        complete = ocmws.allSatisfy(\.complete)
    }
}

/// A JSON object key chosen at run time (a part's name).
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

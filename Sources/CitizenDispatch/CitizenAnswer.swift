import BackendAccess
import OCMWCore
import OCMWDomain

/// The OCMW an entry is about.
public struct OCMWReference: Encodable, Sendable, Equatable {
    public let id: String
    public let name: String

    package init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        name = tenant.name
    }
}

extension PartStatus {
    /// Whether this status leaves the answer complete: `notSupported` parts do not exist at that
    /// OCMW, so nothing is missing.
    package var keepsAnswerComplete: Bool { self == .ok || self == .notSupported }
}

/// The answer of a one-part read:
/// `{"complete": Bool, "ocmws": [{"ocmw": {"id","name"}, "status": "...", "<part>": …}]}`.
package struct PartAnswer: Encodable, Sendable {
    /// True only when every listed OCMW's part is `ok` (or `notSupported`).
    package let complete: Bool
    package let ocmws: [Entry]
    /// Requests only: the years in which the citizen has requests, ascending, whatever `?year=`
    /// chose (the portal's "< 2022 >" navigation).
    package var years: [Int]?

    package struct Entry: Encodable, Sendable {
        package let ocmw: OCMWReference
        package let status: PartStatus
        /// Why the part is missing, when it is: short and free of personal data.
        package let reason: String?
        package let value: PartValue?
        /// The JSON key the part is written under (`debts`, `payments`, …).
        package let part: DossierPart

        package init(ocmw: OCMWReference, status: PartStatus, reason: String?, value: PartValue?, part: DossierPart) {
            self.ocmw = ocmw
            self.status = status
            self.reason = reason
            self.value = value
            self.part = part
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(ocmw, forKey: JSONKey("ocmw"))
            try container.encode(status, forKey: JSONKey("status"))
            try container.encodeIfPresent(reason, forKey: JSONKey("reason"))
            try container.encodeIfPresent(value, forKey: JSONKey(part.jsonName))
        }
    }

    package init(ocmws: [Entry], years: [Int]? = nil) {
        self.ocmws = ocmws
        self.years = years
        complete = ocmws.allSatisfy { $0.status.keepsAnswerComplete }
    }
}

/// The answer of `/dossier`: every part of every OCMW of the citizen, each with its own status.
package struct DossierAnswer: Encodable, Sendable {
    /// True only when every part of every listed OCMW is `ok` (or `notSupported`).
    package let complete: Bool
    package let ocmws: [OCMWDossier]
    /// The years in which the citizen has requests, as in `PartAnswer.years`.
    package var years: [Int]?

    package struct OCMWDossier: Encodable, Sendable {
        package let ocmw: OCMWReference
        package let complete: Bool
        package let parts: Parts
    }

    /// One result per part, written as an object keyed by part name, in `DossierPart` order.
    package struct Parts: Encodable, Sendable {
        package let results: [(part: DossierPart, result: PartSlot)]

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            for (part, result) in results { try container.encode(result, forKey: JSONKey(part.jsonName)) }
        }
    }

    /// `{"status": "...", "reason"?: "...", "data"?: …}`.
    package struct PartSlot: Encodable, Sendable {
        package let status: PartStatus
        package let reason: String?
        package let data: PartValue?
    }

    package init(ocmws: [OCMWDossier], years: [Int]? = nil) {
        self.ocmws = ocmws
        self.years = years
        complete = ocmws.allSatisfy(\.complete)
    }
}

/// A JSON object key chosen at run time (a part's name).
package struct JSONKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }
    package init(_ string: String) { stringValue = string }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

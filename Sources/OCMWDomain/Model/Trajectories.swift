/// A running trajectory of support (lopend traject) and the people to contact about it.
public struct Trajectory: Sendable, Hashable, Codable {
    /// The OCMW's code for the kind of trajectory, when it has one.
    public let code: String?
    /// The trajectory as the OCMW names it (e.g. `Leefloon en budgetbeheer`).
    public let label: String
    /// The first day.
    public let since: CalendarDate
    /// The last day, or `nil` while the trajectory keeps running.
    public let until: CalendarDate?
    /// Contact persons, in the order the OCMW listed them.
    public let contacts: [ContactPerson]
    /// `true` when it ended before the day it is shown on (such a trajectory is shown only when
    /// asked for, `include=ended`); `nil`, left out of the JSON, for a running one.
    public let ended: Bool?

    /// Builds a trajectory, or `nil` when it ends before it starts.
    public init?(
        code: String?, label: String, since: CalendarDate, until: CalendarDate?, contacts: [ContactPerson],
        ended: Bool? = nil
    ) {
        if let until, until < since { return nil }
        self.code = code
        self.label = label
        self.since = since
        self.until = until
        self.contacts = contacts
        self.ended = ended
    }

    private init(marking trajectory: Trajectory, on today: CalendarDate) {
        code = trajectory.code
        label = trajectory.label
        since = trajectory.since
        until = trajectory.until
        contacts = trajectory.contacts
        ended = trajectory.until.map { $0 < today } == true ? true : nil
    }

    /// The trajectories as a citizen sees them on `today` (§4.2: only what is current): one that
    /// ended before today is left out, or, with `includeEnded`, kept and marked `ended`.
    public static func shown(_ trajectories: [Trajectory], on today: CalendarDate, includeEnded: Bool) -> [Trajectory] {
        let marked = trajectories.map { Trajectory(marking: $0, on: today) }
        return includeEnded ? marked : marked.filter { $0.ended == nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let trajectory = Trajectory(
            code: try container.decodeIfPresent(String.self, forKey: .code),
            label: try container.decode(String.self, forKey: .label),
            since: try container.decode(CalendarDate.self, forKey: .since),
            until: try container.decodeIfPresent(CalendarDate.self, forKey: .until),
            contacts: try container.decode([ContactPerson].self, forKey: .contacts),
            ended: try container.decodeIfPresent(Bool.self, forKey: .ended))
        guard let trajectory else {
            throw DecodingError.dataCorruptedError(forKey: .until, in: container, debugDescription: "ends before it starts")
        }
        self = trajectory
    }

    private enum CodingKeys: String, CodingKey { case code, label, since, until, contacts, ended }
}

/// Someone at the OCMW the citizen can contact, with their details as the OCMW wrote them.
public struct ContactPerson: Sendable, Hashable, Codable {
    /// Full name (e.g. `Inge Claus`).
    public let name: String
    /// Free text as the OCMW writes it: `maatschappelijk werker`, `woonbegeleider`, `psycholoog`, …
    public let role: String?
    /// As written (e.g. `0475/895742`); not reformatted, the citizen dials what the OCMW wrote.
    public let phone: String?
    public let email: String?
    /// Where the contact person works, when known.
    public let office: OfficeAddress?

    public init(name: String, role: String?, phone: String?, email: String?, office: OfficeAddress?) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.office = office
    }
}

/// An office of the OCMW: its name and postal address.
public struct OfficeAddress: Sendable, Hashable, Codable {
    /// The office's name (e.g. `Welzijnsbureau Sint-Amandsberg`), when given.
    public let name: String?
    /// Street and house number, as one text (e.g. `Wittemolenstraat 89`).
    public let streetAndNumber: String
    /// Kept as text: postal codes are labels, not numbers.
    public let postalCode: String
    public let municipality: String

    public init(name: String?, streetAndNumber: String, postalCode: String, municipality: String) {
        self.name = name
        self.streetAndNumber = streetAndNumber
        self.postalCode = postalCode
        self.municipality = municipality
    }
}

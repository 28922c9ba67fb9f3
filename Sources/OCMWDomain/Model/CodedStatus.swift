/// A status normalised from a New Social code: one of a known set of cases, or `unknown` with the
/// code exactly as the installation wrote it.
///
/// An installation that starts using a new code must be neither misrepresented (a guess) nor
/// hidden (a dropped record): the record is kept and says what it does not know. In our JSON a
/// status is two keys of the record that holds it: `"status": "granted"`, or
/// `"status": "unknown", "rawStatus": "GESCHORST"`.
public protocol CodedStatus: Sendable, Hashable {
    /// Every case except `unknown`.
    static var knownCases: [Self] { get }
    /// A code outside the known set, as the installation wrote it.
    static func unknown(_ rawCode: String) -> Self
    /// The normalised name (`granted`, `inProgress`, …), or `unknown`.
    var name: String { get }
    /// The installation's code when the status is unknown; `nil` for a known status.
    var rawCode: String? { get }
}

extension CodedStatus {
    /// Whether the installation used a code outside the known set.
    public var isUnknown: Bool { rawCode != nil }

    /// The known case with this normalised name.
    static func known(named name: String) -> Self? { knownCases.first { $0.name == name } }
}

/// The name every `CodedStatus` uses for an unknown code.
let unknownStatusName = "unknown"

extension KeyedEncodingContainer {
    /// Writes a status as `statusKey` and, when unknown, the installation's code as `rawKey`.
    mutating func encode(_ status: some CodedStatus, forKey statusKey: Key, rawKey: Key) throws {
        try encode(status.name, forKey: statusKey)
        try encodeIfPresent(status.rawCode, forKey: rawKey)
    }
}

extension KeyedDecodingContainer {
    /// Reads a status written by `encode(_:forKey:rawKey:)`.
    /// - Throws: `DecodingError` for a name that is neither known nor `unknown`, or an unknown
    ///   status without its raw code.
    func decode<Status: CodedStatus>(_ type: Status.Type, forKey statusKey: Key, rawKey: Key) throws -> Status {
        let name = try decode(String.self, forKey: statusKey)
        if name == unknownStatusName {
            return .unknown(try decode(String.self, forKey: rawKey))
        }
        guard let status = Status.known(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: statusKey, in: self, debugDescription: "not a known status")
        }
        return status
    }
}

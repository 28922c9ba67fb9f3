import Foundation

/// Changes one tenant's `state` in the text of a tenants file and nothing else: the bytes of the
/// value `"onboarding"` become `"active"`, every other byte (indentation, key order, the other
/// tenants) stays as the operator wrote it, so a version-controlled file shows a one-line diff.
///
/// The text is scanned as JSON just far enough to find, in the top-level `tenants` array, the
/// entry whose `id` is the one asked for and the string value of its own `state` key (a `state`
/// nested deeper, in `backend` say, is not it).
public enum TenantsFileStateEdit {
    /// Why the state could not be changed.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No entry of the file has this id; the ids it has, in file order.
        case unknownTenant(String, known: [String])
        /// The text is not JSON this scanner can follow, or the entry has no string `state`.
        case notEditable(String)

        public var description: String {
            switch self {
            case .unknownTenant(let id, let known):
                "no tenant '\(id)' in the file (its tenants: \(known.joined(separator: ", ")))"
            case .notEditable(let reason): reason
            }
        }
    }

    /// What the edit found and made.
    public struct Result: Equatable, Sendable {
        /// The whole file with the one value replaced (or unchanged when it already had it).
        public let text: Data
        /// The state the entry had before.
        public let previous: String
    }

    /// The file's text with tenant `id`'s state set to `state`.
    public static func setting(state: TenantState, of id: String, in text: Data) throws(Failure) -> Result {
        var scanner = Scanner(bytes: Array(text))
        let entries: [Scanner.Entry]
        do { entries = try scanner.tenantEntries() } catch { throw .notEditable(error.reason) }
        guard let entry = entries.first(where: { $0.id == id }) else {
            throw .unknownTenant(id, known: entries.compactMap(\.id))
        }
        guard let range = entry.stateRange, let previous = entry.state else {
            throw .notEditable("tenant '\(id)' has no \"state\" string to change")
        }
        var bytes = Array(text)
        bytes.replaceSubrange(range, with: Array("\"\(state.rawValue)\"".utf8))
        return Result(text: Data(bytes), previous: previous)
    }

    /// A JSON scanner that keeps, for each entry of the top-level `tenants` array, its `id` and
    /// where its `state` string is.
    private struct Scanner {
        struct Entry {
            var id: String?
            var state: String?
            /// The byte range of the `state` value, quotes included.
            var stateRange: Range<Int>?
        }

        struct Stop: Error {
            let reason: String
        }

        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func tenantEntries() throws(Stop) -> [Entry] {
            var entries: [Entry] = []
            try object { key, scanner throws(Stop) in
                guard key == "tenants" else { return try scanner.skipValue() }
                try scanner.array { scanner throws(Stop) in
                    var entry = Entry()
                    try scanner.object { key, scanner throws(Stop) in
                        switch key {
                        case "id":
                            entry.id = try scanner.string().value
                        case "state":
                            let (value, range) = try scanner.string()
                            entry.state = value
                            entry.stateRange = range
                        default:
                            try scanner.skipValue()
                        }
                    }
                    entries.append(entry)
                }
            }
            return entries
        }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(Stop) {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == byte else {
                throw Stop(reason: "not valid JSON near byte \(position) (expected '\(Character(UnicodeScalar(byte)))')")
            }
            position += 1
        }

        mutating func peek() -> UInt8? {
            skipWhitespace()
            return position < bytes.count ? bytes[position] : nil
        }

        mutating func object(_ member: (String, inout Scanner) throws(Stop) -> Void) throws(Stop) {
            try expect(UInt8(ascii: "{"))
            if peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                let key = try string().value
                try expect(UInt8(ascii: ":"))
                try member(key, &self)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return
            }
        }

        mutating func array(_ element: (inout Scanner) throws(Stop) -> Void) throws(Stop) {
            try expect(UInt8(ascii: "["))
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try element(&self)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return
            }
        }

        /// A string token: its decoded value and its byte range, quotes included.
        mutating func string() throws(Stop) -> (value: String, range: Range<Int>) {
            try expect(UInt8(ascii: "\""))
            let start = position - 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard position < bytes.count else { throw Stop(reason: "not valid JSON: a string is not closed") }
            position += 1
            let range = start..<position
            let token = Data(bytes[range])
            guard let value = try? JSONDecoder().decode(String.self, from: token) else {
                throw Stop(reason: "not valid JSON near byte \(start) (a string)")
            }
            return (value, range)
        }

        mutating func skipValue() throws(Stop) {
            switch peek() {
            case UInt8(ascii: "{"): try object { _, scanner throws(Stop) in try scanner.skipValue() }
            case UInt8(ascii: "["): try array { scanner throws(Stop) in try scanner.skipValue() }
            case UInt8(ascii: "\""): _ = try string()
            case nil: throw Stop(reason: "not valid JSON: the text ends early")
            default:
                // A number, true, false or null: up to the next delimiter.
                let start = position
                while position < bytes.count, !",}] \t\r\n".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw Stop(reason: "not valid JSON near byte \(start)") }
            }
        }
    }
}

import Foundation
import OCMWCore
import Testing

@testable import OCMWDomain

/// The wire readers must read every body as `JSONDecoder` read it through the wire structs'
/// `Decodable` conformances: the same values, and for a body it refuses the same
/// `NormalisationError` (reason and JSON path). Each case reads one body into one dialect's wire
/// struct both ways and compares the outcomes.
@Suite("Wire decoder reads as JSONDecoder")
struct WireJSONDecoderTests {
    /// One wire struct of one dialect, and a fixture body for it.
    struct BodyType: Sendable, CustomTestStringConvertible {
        let name: String
        let part: Wireframe.Part
        let dialect: Dialect
        let outcome: @Sendable (Data, _ reference: Bool) -> String
        var testDescription: String { name }

        init<Body: Decodable & WireReadable & SendableMetatype>(_ type: Body.Type, _ part: Wireframe.Part, _ dialect: Dialect) {
            name = "\(dialect.rawValue) \(part.rawValue)"
            self.part = part
            self.dialect = dialect
            outcome = { data, reference in WireJSONDecoderTests.outcome(Body.self, data, reference: reference) }
        }
    }

    static let bodyTypes: [BodyType] = [
        BodyType(V1Dossiers.Body.self, .dossiers, .v1), BodyType(V1Debts.Body.self, .debts, .v1),
        BodyType(V1Payments.Body.self, .payments, .v1), BodyType(V1Rights.Body.self, .rights, .v1),
        BodyType(V1Trajectories.Body.self, .trajectories, .v1), BodyType(V1Requests.Body.self, .requests, .v1),
        BodyType(V2Dossiers.Body.self, .dossiers, .v2), BodyType(V2Debts.Body.self, .debts, .v2),
        BodyType(V2Payments.Body.self, .payments, .v2), BodyType(V2Rights.Body.self, .rights, .v2),
        BodyType(V2Trajectories.Body.self, .trajectories, .v2), BodyType(V2Requests.Body.self, .requests, .v2),
        BodyType(V2Certificates.Body.self, .certificates, .v2),
    ]

    /// The decoded value written out in full, or the error as the normalisers report it.
    static func outcome<Body: Decodable & WireReadable>(_ type: Body.Type, _ data: Data, reference: Bool) -> String {
        do {
            let value =
                reference
                ? try JSONDecoder().decode(Body.self, from: data)
                : try data.withUnsafeBytes { try WireJSONDecoder.read(Body.self, from: $0) }
            var text = ""
            dump(value, to: &text)
            return text
        } catch let error as DecodingError {
            return "error: \(WireDecoding.map(error))"
        } catch {
            return "error: other"
        }
    }

    static func expectSame(_ type: BodyType, _ data: Data, _ label: @autoclosure () -> String) {
        let expected = type.outcome(data, true)
        let actual = type.outcome(data, false)
        guard actual != expected else { return }
        // The first line that differs says more than two whole dumps.
        let (expectedLines, actualLines) = (expected.split(separator: "\n"), actual.split(separator: "\n"))
        let line =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            """
            \(type.name), \(label()): JSONDecoder: \(line < expectedLines.count ? expectedLines[line] : "(end)"); \
            wire decoder: \(line < actualLines.count ? actualLines[line] : "(end)"); \
            body: \(String(decoding: data.prefix(200), as: UTF8.self))
            """)
    }

    @Test("each fixture decodes to the same value", arguments: bodyTypes)
    func fixtures(_ type: BodyType) throws {
        let data = try Wireframe.fixture(type.part, type.dialect)
        #expect(!type.outcome(data, false).hasPrefix("error"))
        Self.expectSame(type, data, "the fixture")
    }

    @Test("every truncation of a fixture is refused alike", arguments: bodyTypes)
    func truncations(_ type: BodyType) throws {
        let data = try Wireframe.fixture(type.part, type.dialect)
        for length in 0..<data.count { Self.expectSame(type, data.prefix(length), "cut at \(length)") }
    }

    /// Bytes that turn one token into another: quotes, structure, escapes, digits, bad UTF-8.
    static let replacements: [UInt8] = Array("\"\\,:{}[] 0-.eEnt/u".utf8) + [0x01, 0x7F, 0xC3, 0xFF]

    @Test("single-byte changes to a fixture are read alike", arguments: bodyTypes)
    func byteChanges(_ type: BodyType) throws {
        let data = try Wireframe.fixture(type.part, type.dialect)
        var generator = SplitMix64(seed: UInt64(type.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for _ in 0..<1_500 {
            var changed = data
            let position = Int(generator.next() % UInt64(data.count))
            changed[changed.startIndex + position] = Self.replacements[Int(generator.next() % UInt64(Self.replacements.count))]
            Self.expectSame(type, changed, "byte \(position) changed")
        }
    }

    /// JSON fragments put in the place of one value, covering what JSONDecoder accepts at the
    /// edges of the grammar and of each type.
    static let fragments: [String] = [
        "null", "true", "false", "0", "-0", "1e2", "1E+2", "100.0", "1.5e1", "450.5", "1e400", "-1e400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "01", ".5", "1.", "-", "+1", "0x10", "1e", "[]", "[1,]", "[,1]", "{}", #"{"a":1,}"#, "[[[]]]",
        #""""#, #""plain""#, #""\u00e9t\u00E9""#, #""\ud83d\ude00""#, #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#,
        #""a\u0000b""#, #""\/\b\f\n\r\t\"\\""#, #""\x""#, #""\u12""#, "\"a\u{01}b\"", "\"\u{7F}\"", "\"\u{2028}\"",
        "\"caf\u{E9}\"", "\"é\"", "nul", "tru", "fals", "NaN", "Infinity", #""2023-08-01""#, #""1.000,00""#,
    ]

    /// The keys whose values the fragments replace, per dialect.
    static func keys(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .v1: ["rijksregisternummer", "omschrijving", "oorspronkelijkBedrag", "periode", "referentie"]
        case .v2: ["insz", "description", "originalCents", "outstandingCents", "periodStart", "reference"]
        }
    }

    @Test("odd values in place of a field are read alike", arguments: Dialect.allCases)
    func fragmentsInPlace(_ dialect: Dialect) throws {
        let type = try #require(Self.bodyTypes.first { $0.dialect == dialect && $0.part == .debts })
        for key in Self.keys(dialect) {
            for fragment in Self.fragments + [WireBodies.absent] {
                Self.expectSame(type, WireBodies.debts(dialect, [key: fragment]), "\(key) = \(fragment)")
            }
        }
    }

    @Test("documents at the edges of the grammar are read alike")
    func documents() throws {
        let type = try #require(Self.bodyTypes.first { $0.dialect == .v2 && $0.part == .debts })
        let fixture = String(decoding: try Wireframe.fixture(.debts, .v2), as: UTF8.self)
        let documents: [String] = [
            "", " ", "null", "[]", "{}", "1", "\"x\"", "\u{FEFF}" + fixture, fixture + " \n\t\r", fixture + "x", fixture + "{}",
            #"{"insz":"85073003328","insz":"17073003384","debts":[]}"#,
            #"{"insz":"17073003384","insz":"85073003328","debts":[]}"#,
            #"{"insz":"85073003328","debts":[],}"#, #"{"insz":"85073003328","debts":[{},],}"#,
            #"{"insz":"85073003328","debts":null}"#, #"{"insz":"85073003328","debts":{}}"#,
            #"{"insz":"85073003328","debts":[null]}"#, #"{"insz":"85073003328","debts":[1]}"#,
            #"{"insz":"85073003328","debts":[],"contact":null}"#, #"{"insz":"85073003328","debts":[],"contact":[]}"#,
            #"{"insz":"85073003328","debts":[],"contact":{"name":1}}"#,
            #"{"insz":"85073003328","debts":[], "extra": {"deep": [1, 2, {"x": null}]}}"#,
            "{\"insz\":\"85073003328\",\"debts\":[],\"x\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
            "{\"insz\":\"85073003328\",\"debts\":[],\"x\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}",
            "{\"insz\" : \"85073003328\" ,\n\"debts\"\t:\r[ ] }",
        ]
        for document in documents { Self.expectSame(type, Data(document.utf8), "document") }
    }

    /// The one difference, on purpose: JSONDecoder converted a body in UTF-16 (or UTF-32); New
    /// Social answers UTF-8, and anything else is refused as not JSON.
    @Test("a body in UTF-16 is refused as not JSON")
    func utf16() throws {
        let type = try #require(Self.bodyTypes.first { $0.dialect == .v2 && $0.part == .debts })
        let text = #"{"insz":"85073003328","debts":[]}"#
        let utf16 = Data([0xFF, 0xFE]) + Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(!type.outcome(utf16, true).hasPrefix("error"))
        #expect(type.outcome(utf16, false) == "error: \(NormalisationError(.invalidJSON))")
    }
}

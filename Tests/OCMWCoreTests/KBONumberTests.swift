import Foundation
import OCMWCore
import Testing

@Suite("KBO enterprise numbers")
struct KBONumberTests {
    @Test(
        "Valid written forms of OCMW Gent's number are accepted",
        arguments: [
            "0212.214.125", "0212214125", "BE0212214125", "BE 0212.214.125", "0212 214 125",
        ])
    func acceptsValidForms(_ text: String) throws {
        let kbo = try #require(KBONumber(text))
        #expect(kbo.digits == "0212214125")
        #expect(kbo.description == "0212.214.125")
    }

    @Test(
        "Malformed or wrongly checked numbers are rejected",
        arguments: [
            "0212.214.126",  // check digits off by one
            "0212.214.12",  // 9 digits
            "212214125",  // 9 digits, the old form without leading zero
            "02122141255",  // 11 digits
            "BE021221412X",  // a letter
            "NL0212214125",  // another country's prefix
            "",
        ])
    func rejectsInvalid(_ text: String) {
        #expect(KBONumber(text) == nil)
    }

    @Test("Codable reads any valid form and writes the dotted form")
    func codableRoundTrip() throws {
        let decoded = try JSONDecoder().decode([KBONumber].self, from: Data(#"["BE0212214125"]"#.utf8))
        let encoded = try JSONEncoder().encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["0212.214.125"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([KBONumber].self, from: Data(#"["0212.214.126"]"#.utf8))
        }
    }
}

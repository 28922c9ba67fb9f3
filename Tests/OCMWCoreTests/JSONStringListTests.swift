import Foundation
import OCMWCore
import Testing

@Suite("A list of strings written as JSON")
struct JSONStringListTests {
    static let lists: [[String]] = [
        [], ["gent"], ["gent", "bonheiden"], ["debts", "payments", "requests"], [""], ["a/b", "c\\d", "e\"f"],
        ["\n\r\t\u{08}\u{0C}", "\u{00}\u{01}\u{1F}\u{7F}"], ["café", "€", "😀", "\u{2028}\u{2029}"],
        ["Geen aanvraag: de woonplaats is niet gekend"],
    ]

    @Test("the bytes are JSONEncoder's, so rows read the same before and after", arguments: lists)
    func sameAsJSONEncoder(_ list: [String]) throws {
        #expect(JSONStringList.text(list) == String(decoding: try JSONEncoder().encode(list), as: UTF8.self))
        #expect(try JSONDecoder().decode([String].self, from: Data(JSONStringList.text(list).utf8)) == list)
    }
}

@Suite("Random UUIDs")
struct RandomUUIDTests {
    @Test("version 4 with the RFC 4122 variant, different every time, and read back from their text")
    func versionFour() throws {
        var seen = Set<UUID>()
        for _ in 0..<1_000 {
            let uuid = UUID.random()
            let text = uuid.uuidString
            #expect(Array(text)[14] == "4")
            #expect("89AB".contains(Array(text)[19]))
            #expect(UUID(uuidString: text) == uuid)
            seen.insert(uuid)
        }
        #expect(seen.count == 1_000)
    }
}

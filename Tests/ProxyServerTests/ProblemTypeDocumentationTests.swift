import Foundation
import ProxyServer
import Testing

/// The problem types the code can answer with and those docs/openapi.yaml lists are the same set:
/// a type added to one and not the other fails here.
@Suite struct ProblemTypeDocumentationTests {
    /// The `enum` of `components.schemas.Problem.properties.type` in docs/openapi.yaml.
    static func documentedTypes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let problem = try #require(lines.firstIndex(of: "    Problem:"))
        let enumLine = try #require(lines[problem...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "enum:" })
        var types: Set<String> = []
        for line in lines[(enumLine + 1)...] {
            let item = line.trimmingCharacters(in: .whitespaces)
            guard item.hasPrefix("- ") else { break }
            types.insert(String(item.dropFirst(2)))
        }
        return types
    }

    @Test func theOpenAPIDocumentListsExactlyThePublicProblemTypes() throws {
        let documented = try Self.documentedTypes()
        let answered = Set(ProblemType.allCases.filter(\.isPublicAPI).map(\.uri))
        #expect(!documented.isEmpty)
        #expect(answered.subtracting(documented).isEmpty, "answered but not documented")
        #expect(documented.subtracting(answered).isEmpty, "documented but never answered")
    }

    /// The admin API's and the demo page's problem types are in the operator guide.
    @Test func theOperatorGuideNamesEveryOtherProblemType() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/operator-guide.md"), encoding: .utf8)
        for type in ProblemType.allCases where !type.isPublicAPI {
            #expect(guide.contains("`\(type.rawValue)`"), "\(type.rawValue) is not in docs/operator-guide.md")
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NewSocialSimulator
import OCMWCore
import ProxyServer
import ProxyTesting
import Testing

/// `GET /v1/ocmws` as the request form and its summary screen use it, and the `andere`
/// category it offers, through the real server against simulated OCMWs of both dialects.
@Suite struct CatalogueEndToEndTests {
    static func entries(_ client: AuthorizedClient) async throws -> [String: [String: Any]] {
        let json = try await client.json("/v1/ocmws")
        let ocmws = try #require(json["ocmws"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: ocmws.map { (($0["id"] as? String) ?? "", $0) })
    }

    /// Each OCMW carries the contact details of `tenants.json`; categories carry the citizen's
    /// wording and end with `andere`; certificate types only where the dialect takes certificate
    /// requests (v2), whichever of the two OCMWs speaks it.
    @Test(arguments: [(Dialect.v2, Dialect.v1), (.v1, .v2)])
    func contactWordingAndCertificateTypesFollowConfigurationAndDialect(gent: Dialect, bonheiden: Dialect) async throws {
        try await withProxyAndSimulator(gent: gent, bonheiden: bonheiden) { client, _ in
            let entries = try await Self.entries(client)
            let gentEntry = try #require(entries["gent"])
            let contact = try #require(gentEntry["contact"] as? [String: Any])
            #expect(contact["email"] as? String == "info@ocmw-gent.be")
            #expect(contact["phone"] as? String == "09 266 99 00")
            let address = try #require(contact["postalAddress"] as? [String: String])
            #expect(address == ["streetAndNumber": "Sociaal Huis 1", "postalCode": "9000", "municipality": "Gent"])
            for (id, dialect) in [("gent", gent), ("bonheiden", bonheiden)] {
                let entry = try #require(entries[id])
                let categories = try #require(entry["categoriesOfHelp"] as? [[String: String]])
                #expect(
                    categories == [
                        ["code": "LL", "label": "Leefloon", "citizenLabel": "mijn financiële situatie"],
                        ["code": "andere", "label": "Andere", "citizenLabel": "andere"],
                    ])
                let types = try #require(entry["certificateTypes"] as? [[String: String]])
                #expect(types.map { $0["code"] } == (dialect == .v2 ? ["ATT-LL"] : []), "\(id) speaks \(dialect)")
            }
        }
    }

    /// `andere` says nothing of the need: the free text must. With a text it goes through.
    @Test func andereWithoutTextIsAFieldProblemAndWithTextIsAccepted() async throws {
        let outbox = try TestSecurity.outbox()
        try await withProxyAndSimulator(outbox: outbox) { client, _ in
            let form = SubmissionIntakeEndToEndTests.form(categories: ["andere"])
            let silent = try await SubmissionIntakeEndToEndTests().submit(
                client, key: "andere-1", json: form.replacingOccurrences(of: #""text":"Ik vraag hulp.""#, with: #""text":"  ""#))
            #expect(silent.status == .badRequest)
            let body = String(buffer: silent.body)
            #expect(body.contains("invalid-submission") && body.contains("text: is required when the category 'andere'"), "\(body)")
            #expect(try await outbox.counts().isEmpty, "nothing of a refused submission is stored")
            let described = try await SubmissionIntakeEndToEndTests().submit(client, key: "andere-2", json: form)
            #expect(described.status == .accepted, "\(String(buffer: described.body))")
        }
    }
}

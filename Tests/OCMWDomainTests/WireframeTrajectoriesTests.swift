import Foundation
import OCMWCore
import OCMWDomain
import Testing

@Suite("Trajectories and contact persons of the wireframe citizen")
struct WireframeTrajectoriesTests {
    static func decode(_ dialect: Dialect) throws -> [Trajectory] {
        try NewSocialDecoder.decodeTrajectories(
            Wireframe.fixture(.trajectories, dialect), dialect: dialect,
            insz: Wireframe.insz())
    }

    @Test("Each dialect's response normalises to the wireframe's trajectories", arguments: Dialect.allCases)
    func normalisesToWireframe(_ dialect: Dialect) throws {
        #expect(try Self.decode(dialect) == Wireframe.trajectories())
    }

    @Test("The v1 and v2 responses normalise to equal models")
    func dialectsAgree() throws {
        #expect(try Self.decode(.v1) == Self.decode(.v2))
    }

    @Test("The contact persons are exactly those of the wireframe", arguments: Dialect.allCases)
    func contactPersons(_ dialect: Dialect) throws {
        let contacts = try Self.decode(dialect).flatMap(\.contacts)
        #expect(contacts.map(\.name) == ["Inge Claus", "Bart Van Brabant", "Michiel Declercq", "Eva De Mol", "Frans Ferdinand"])
        #expect(contacts.map(\.phone) == ["0475/895742", "0499/895742", "0478/589652", "0475/895742", "0475/885848"])
        #expect(
            contacts.map(\.email) == [
                "inge.claus@ocmw.gent", "bart.vanbrabant@ocmw.gent", "michiel.declercq@ocmw.gent",
                "eva.demol@ocmw.gent", "frans.ferdinand@ocmw.gent",
            ])
        let inge = try #require(contacts.first)
        #expect(inge.role == "maatschappelijk werker")
        #expect(
            inge.office
                == OfficeAddress(
                    name: "Welzijnsbureau Sint-Amandsberg", streetAndNumber: "Wittemolenstraat 89",
                    postalCode: "9040", municipality: "Sint-Amandsberg"))
        #expect(contacts.last?.office?.streetAndNumber == "Franklin Rooseveltlaan 1")
    }

    @Test(
        "Absent details of a contact person are nil; no office at all is no office",
        arguments: [
            (
                Dialect.v1,
                WireBodies.contact(
                    .v1,
                    [
                        "functie": WireBodies.text(""), "telefoon": WireBodies.absent,
                        "kantoor": WireBodies.text(""), "straatEnNummer": WireBodies.text(""),
                        "postcode": WireBodies.text(""), "gemeente": WireBodies.text(""),
                    ])
            ),
            (Dialect.v2, WireBodies.contact(.v2, ["role": "null", "phone": WireBodies.absent, "office": "null"])),
        ])
    func absentDetails(_ dialect: Dialect, contacts: String) throws {
        let key = dialect == .v1 ? "contactpersonen" : "contacts"
        let trajectories = try NewSocialDecoder.decodeTrajectories(
            WireBodies.trajectories(dialect, [key: contacts]),
            dialect: dialect, insz: Wireframe.insz())
        let contact = try #require(trajectories.first?.contacts.first)
        #expect(contact == ContactPerson(name: "Inge Claus", role: nil, phone: nil, email: "inge.claus@ocmw.gent", office: nil))
    }

    @Test(
        "An office with an address but no name keeps the address",
        arguments: [
            (Dialect.v1, WireBodies.contact(.v1, ["kantoor": WireBodies.text("")])),
            (
                Dialect.v2,
                WireBodies.contact(
                    .v2, ["office": #"{"streetAndNumber": "Wittemolenstraat 89", "postalCode": "9040", "municipality": "Sint-Amandsberg"}"#]
                )
            ),
        ])
    func officeWithoutName(_ dialect: Dialect, contacts: String) throws {
        let key = dialect == .v1 ? "contactpersonen" : "contacts"
        let trajectories = try NewSocialDecoder.decodeTrajectories(
            WireBodies.trajectories(dialect, [key: contacts]),
            dialect: dialect, insz: Wireframe.insz())
        #expect(
            trajectories.first?.contacts.first?.office
                == OfficeAddress(name: nil, streetAndNumber: "Wittemolenstraat 89", postalCode: "9040", municipality: "Sint-Amandsberg"))
    }

    @Test("Trajectories encode with their contact persons and offices")
    func encodesShape() throws {
        let json = try sortedJSON(try Wireframe.trajectories()[0])
        #expect(
            json == #"{"code":"LL","contacts":[{"email":"inge.claus@ocmw.gent","name":"Inge Claus","#
                + #""office":{"municipality":"Sint-Amandsberg","name":"Welzijnsbureau Sint-Amandsberg","postalCode":"9040","#
                + #""streetAndNumber":"Wittemolenstraat 89"},"phone":"0475\/895742","role":"maatschappelijk werker"}],"#
                + #""label":"Leefloon en budgetbeheer","since":"2022-08-01"}"#)
        let decoded = try JSONDecoder().decode([Trajectory].self, from: JSONEncoder().encode(try Wireframe.trajectories()))
        #expect(decoded == (try Wireframe.trajectories()))
    }
}

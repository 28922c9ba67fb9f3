import Foundation
import OCMWCore
import Testing

@testable import NewSocialSimulator

@Suite("Dataset: rights, trajectories, requests and certificates")
struct DatasetPartsTests {
    let tenants = [Fixture.gent, Fixture.bonheiden, Fixture.leuven]

    @Test("every record of every generated citizen has every part")
    func everyRecordHasEveryPart() {
        let dataset = Dataset.generate(seed: 5, tenants: tenants, citizens: 500)
        for record in dataset.citizens.flatMap(\.records) {
            #expect(record.rights.contains { $0.decision == .granted })
            #expect(!record.trajectories.isEmpty && record.trajectories.allSatisfy { !$0.contacts.isEmpty })
            #expect(!record.requests.isEmpty)
            #expect(!record.certificates.isEmpty)
            #expect(Set(record.certificates.map(\.id)).count == record.certificates.count)
            for certificate in record.certificates {
                #expect((certificate.status == .available) == (certificate.issuedDate != nil))
            }
        }
        let certificates = dataset.citizens.flatMap { $0.records.flatMap(\.certificates) }
        #expect(certificates.contains { $0.status == .available } && certificates.contains { $0.status == .requested })
        let requests = dataset.citizens.flatMap { $0.records.flatMap(\.requests) }
        #expect(requests.contains { $0.decisionExpected == false } && requests.contains { $0.decisionExpected == nil })
        #expect(Set(requests.map(\.status)) == Set(RequestState.allCases))
        let rights = dataset.citizens.flatMap { $0.records.flatMap(\.rights) }
        #expect(Set(rights.map(\.decision)) == Set(RightDecisionStatus.allCases))
    }

    @Test("the two-OCMW citizen has something in every part at both OCMWs")
    func twoOCMWCitizen() throws {
        let dataset = Dataset.generate(seed: 1, tenants: tenants, citizens: 10)
        let citizen = try #require(dataset.citizen(insz: DemoCitizens.twoOCMWINSZ))
        for tenant in [Fixture.gent, Fixture.bonheiden] {
            let record = try #require(citizen.record(at: tenant))
            #expect(!record.dossiers.isEmpty && !record.debts.isEmpty && !record.payments.isEmpty)
            #expect(!record.rights.isEmpty && !record.trajectories.isEmpty && !record.requests.isEmpty)
            #expect(!record.certificates.isEmpty)
        }
    }

    @Test("the wireframe citizen has the wireframe's five contact persons")
    func wireframeContacts() throws {
        let record = try #require(DemoCitizens.wireframe.record(at: Fixture.gent))
        #expect(
            record.trajectories.flatMap(\.contacts).map(\.name)
                == ["Inge Claus", "Bart Van Brabant", "Michiel Declercq", "Eva De Mol", "Frans Ferdinand"])
        #expect(record.rights.filter { $0.decision == .granted }.map(\.label) == ["Leefloon", "Aanvullende financiële hulp"])
    }

    @Test("a generated citizen's parts do not depend on how many citizens come after")
    func partsIndependentOfCount() throws {
        let small = Dataset.generate(seed: 8, tenants: tenants, citizens: 5)
        let large = Dataset.generate(seed: 8, tenants: tenants, citizens: 50)
        #expect(Array(large.citizens.prefix(small.citizens.count)) == small.citizens)
    }

    @Test("a dataset file written before these parts existed still reads, with the parts empty")
    func oldDatasetFile() throws {
        let old =
            #"{"citizens": [{"insz": "85073003328", "firstName": "J", "lastName": "V", "records": [{"tenant": "gent", "#
            + #""reference": "568974", "dossiers": [], "debts": [], "payments": []}]}]}"#
        let dataset = try Dataset(jsonData: Data(old.utf8))
        let record = try #require(dataset.citizens.first?.records.first)
        #expect(record.rights.isEmpty && record.trajectories.isEmpty && record.requests.isEmpty && record.certificates.isEmpty)
    }
}

import OCMWCore
import Testing

@testable import SubmissionIntake

@Suite struct ValidationTests {
    static let cases: [(String, @Sendable (inout HelpRequestForm) -> Void)] = [
        ("ocmw", { $0.ocmw = nil }), ("ocmw", { $0.ocmw = "brugge" }),
        ("applicant.lastName", { $0.applicant?.lastName = "  " }), ("applicant.firstName", { $0.applicant?.firstName = nil }),
        ("applicant.domicile.street", { $0.applicant?.domicile?.street = nil }),
        ("applicant.domicile.postalCode", { $0.applicant?.domicile?.postalCode = "900" }),
        ("applicant.domicile.postalCode", { $0.applicant?.domicile?.postalCode = "90A0" }),
        ("applicant.domicile.municipality", { $0.applicant?.domicile?.municipality = "" }),
        ("applicant.residence.postalCode", { $0.applicant?.residence = .init(street: "X 1", postalCode: "12345", municipality: "Y") }),
        ("applicant.email", { $0.applicant?.email = "jacqueline@" }), ("applicant.email", { $0.applicant?.email = "a b@c.be" }),
        ("applicant.email", { $0.applicant?.email = "a@localhost" }),
        ("applicant.phone", { $0.applicant?.phone = "0479 58" }), ("applicant.phone", { $0.applicant?.phone = "04x79587426" }),
        ("applicant.phone", { $0.applicant?.phone = "32+479587426" }),
        ("applicant.emailConfirmation", { $0.applicant?.emailConfirmation = "jacqueline@example.com" }),
        (
            "applicant.residence",
            { $0.applicant?.residence = .init(street: "koning  Albertlaan 82", postalCode: "9000", municipality: "GENT") }
        ),
        ("categories", { $0.categories = [] }), ("categories[1]", { $0.categories = ["LL", "XX"] }),
        ("text", { $0.text = String(repeating: "é", count: 4001) }),
    ]

    @Test(arguments: cases)
    func everyErrorNamesItsField(field: String, change: @Sendable (inout HelpRequestForm) -> Void) {
        var form = Fixtures.form
        change(&form)
        #expect { try form.validated(tenants: Fixtures.tenants) } throws: {
            guard let error = $0 as? IntakeError else { return false }
            return error.kind == .invalid && error.problems.map(\.field) == [field]
        }
    }

    @Test(arguments: ["+32 479 58 74 26", "0479/58.74.26", "09-266-99-11", "+441234567890"])
    func acceptedPhoneShapes(phone: String) throws {
        var form = Fixtures.form
        form.applicant?.phone = phone
        _ = try form.validated(tenants: Fixtures.tenants)
    }

    @Test func aMatchingEmailConfirmationAndAnotherResidenceAreValid() throws {
        var form = Fixtures.form
        let email = form.applicant?.email ?? ""
        form.applicant?.emailConfirmation = "  " + email.uppercased()
        form.applicant?.residence = .init(street: "Overpoort 12", postalCode: "9000", municipality: "Gent")
        _ = try form.validated(tenants: Fixtures.tenants)
    }

    @Test func validFormInTheMunicipalityHasNoWarning() throws {
        let result = try Fixtures.form.validated(tenants: Fixtures.tenants)
        #expect(result.warnings.isEmpty)
        #expect(result.value.categories == ["BUD"])
    }

    @Test func domicileOutsideTheMunicipalityWarnsButIsValid() throws {
        var form = Fixtures.form
        form.applicant?.domicile = .init(street: "Koning Albertlaan 82", postalCode: "8400", municipality: "Oostende")
        let result = try form.validated(tenants: Fixtures.tenants)
        #expect(result.warnings.map(\.code) == ["domicileOutsideMunicipality"])
        #expect(result.warnings.first?.message.hasPrefix("Opgelet, u woont niet in Gent.") == true)
    }

    @Test func allProblemsAreReportedTogether() {
        #expect { try HelpRequestForm().validated(tenants: Fixtures.tenants) } throws: {
            let fields = Set(($0 as? IntakeError)?.problems.map(\.field) ?? [])
            return fields.isSuperset(of: [
                "ocmw", "applicant.lastName", "applicant.email", "applicant.phone",
                "applicant.domicile.postalCode", "categories",
            ])
        }
    }

    @Test(arguments: [
        ("{\"ocmw\": 3}", "ocmw"), ("{\"applicant\": {\"email\": []}}", "applicant.email"),
        ("{\"categories\": [\"LL\", 1]}", "categories[1]"),
    ])
    func wrongJSONTypesNameTheField(json: String, field: String) {
        #expect { try FormDecoding.decode(HelpRequestForm.self, from: Array(json.utf8)) } throws: {
            ($0 as? IntakeError)?.problems.map(\.field) == [field]
        }
    }

    @Test(arguments: [
        (CertificateRequestForm(ocmw: "gent", certificateType: "NOPE"), "certificateType"),
        (CertificateRequestForm(ocmw: "gent"), "certificateType"),
        (CertificateRequestForm(ocmw: "Gent!", certificateType: "ATT-LL"), "ocmw"),
    ])
    func certificateErrorsNameTheField(form: CertificateRequestForm, field: String) {
        #expect { try form.validated(tenants: Fixtures.tenants) } throws: {
            ($0 as? IntakeError)?.problems.map(\.field) == [field]
        }
    }

    @Test func knownCertificateTypeIsValid() throws {
        let result = try CertificateRequestForm(ocmw: "gent", certificateType: "ATT-LL").validated(tenants: Fixtures.tenants)
        #expect(result.value.certificateType == "ATT-LL")
    }
}

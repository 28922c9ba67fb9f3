import OCMWCore

/// The JSON member names of a submission body in one dialect (v2 English, v1 Dutch).
struct SubmissionFields: Sendable {
    let applicant, lastName, firstName, domicile, residence, email, phone: String
    let street, postalCode, municipality: String
    let categories, text, documents, mediaType, sha256, content: String
    let certificateType: String

    static func of(_ dialect: Dialect) -> SubmissionFields { dialect == .v2 ? v2 : v1 }

    static let v2 = SubmissionFields(
        applicant: "applicant", lastName: "lastName", firstName: "firstName", domicile: "domicile",
        residence: "residence", email: "email", phone: "phone", street: "street", postalCode: "postalCode",
        municipality: "municipality", categories: "categories", text: "text", documents: "documents",
        mediaType: "mediaType", sha256: "sha256", content: "contentBase64", certificateType: "certificateType")

    static let v1 = SubmissionFields(
        applicant: "aanvrager", lastName: "naam", firstName: "voornaam", domicile: "domicilie",
        residence: "verblijfplaats", email: "email", phone: "telefoon", street: "straat", postalCode: "postcode",
        municipality: "gemeente", categories: "categorieen", text: "omschrijving", documents: "bijlagen",
        mediaType: "mediatype", sha256: "sha256", content: "inhoudBase64", certificateType: "attestType")
}

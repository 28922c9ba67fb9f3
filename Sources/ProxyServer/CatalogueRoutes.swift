import Hummingbird
import OCMWCore
import OCMWDomain

/// `GET /v1/ocmws`: the OCMWs a citizen can apply to, with their contact details, their
/// categories of help (the `andere` category included) and the certificate types they issue.
/// Answered from the registry snapshot alone, no backend call.
struct CatalogueRoutes: Sendable {
    let registry: TenantRegistryStore

    struct Catalogue: Encodable, Sendable {
        let ocmws: [Entry]
    }

    struct Entry: Encodable, Sendable {
        let id: String
        let kbo: String
        let name: String
        let postalCodes: [String]
        let contact: Contact?
        let categoriesOfHelp: [CodeLabel]
        let certificateTypes: [CodeLabel]

        init(_ tenant: Tenant) {
            id = tenant.id.rawValue
            kbo = tenant.kbo.description
            name = tenant.name
            postalCodes = tenant.postalCodes
            contact = tenant.contact.map(Contact.init)
            categoriesOfHelp = tenant.categoriesOfHelp
            // Listed only where they can be requested: an OCMW whose dialect has no certificates
            // would refuse the request (422), so offering its types would only lead there.
            certificateTypes =
                DossierPart.certificates.isOffered(by: tenant.backend.dialect) ? tenant.certificateTypes : []
        }
    }

    struct Contact: Encodable, Sendable {
        let postalAddress: PostalAddress?
        let email: String?
        let phone: String?

        init(_ contact: OCMWContact) {
            postalAddress = contact.postalAddress
            email = contact.email
            phone = contact.phone
        }
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/v1/ocmws") { _, _ in
            try Response.json(Catalogue(ocmws: registry.snapshot.activeTenants.map(Entry.init)))
        }
    }
}

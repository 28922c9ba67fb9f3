import Hummingbird
import OCMWCore

/// `GET /v1/ocmws`: the OCMWs a citizen can apply to, with their categories of help and the
/// certificate types they issue. Answered from the registry snapshot alone, no backend call.
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
        let categoriesOfHelp: [CodeLabel]
        let certificateTypes: [CodeLabel]

        init(_ tenant: Tenant) {
            id = tenant.id.rawValue
            kbo = tenant.kbo.description
            name = tenant.name
            postalCodes = tenant.postalCodes
            categoriesOfHelp = tenant.categoriesOfHelp
            certificateTypes = tenant.certificateTypes
        }
    }

    func register(on router: some RouterMethods<ProxyRequestContext>) {
        router.get("/v1/ocmws") { _, _ in
            try Response.json(Catalogue(ocmws: registry.snapshot.activeTenants.map(Entry.init)))
        }
    }
}

import Foundation
import NewSocialSimulator
import OCMWCore

/// The citizens the harness asks about, with the OCMWs that hold them: the simulator's own
/// dataset, generated exactly as `ocmw-dev demo` generates it (same seed, tenants and month),
/// whose routing registrations the demo imports, so the proxy knows every one of them.
public struct CitizenPool: Sendable {
    /// A citizen and the tenants their requests count under.
    public struct Person: Sendable, Equatable {
        /// The 11 digits, and the names the submissions carry.
        public var insz: String
        public var firstName: String
        public var lastName: String
        /// Every tenant with a record of the citizen, in the dataset's order.
        public var tenants: [TenantID]
    }

    /// An available certificate, downloadable through the proxy.
    public struct Download: Sendable, Equatable {
        /// Index into `people`, the tenant and the certificate's id.
        public var person: Int
        public var tenant: TenantID
        public var certificateID: String
    }

    /// What a submission to a tenant needs from its tenants.json entry.
    public struct Desk: Sendable, Equatable {
        /// The tenant and the applicant's domicile in its area.
        public var tenant: TenantID
        public var municipality: String
        public var postalCode: String
        /// A category of help of the tenant, for requests for help.
        public var categoryOfHelp: String?
        /// `nil` when the tenant issues none or its dialect takes no certificate requests.
        public var certificateType: String?
    }

    /// Citizens with a record at a tenant of the registry.
    public let people: [Person]
    /// Available certificates at tenants that serve documents.
    public let downloads: [Download]
    /// People (indexes into `people`) with a record at an active tenant that takes requests for help.
    public let requestSubmitters: [(person: Int, desk: Desk)]
    /// The same for certificate requests (tenants with certificate types and a dialect that takes them).
    public let certificateSubmitters: [(person: Int, desk: Desk)]

    /// The pool of `dataset`'s citizens, as seen through `registry`.
    /// - Parameter onlyAt: When given, only citizens whose every record is at one of these tenants.
    public init(dataset: Dataset, registry: TenantRegistry, onlyAt: Set<TenantID>? = nil) {
        var people: [Person] = []
        var downloads: [Download] = []
        var submitters: [(person: Int, desk: Desk)] = []
        var desks: [TenantID: Desk] = [:]
        for tenant in registry.tenants where tenant.receivesTraffic {
            desks[tenant.id] = Desk(
                tenant: tenant.id,
                municipality: tenant.name.replacingOccurrences(of: "OCMW ", with: ""),
                postalCode: tenant.postalCodes.first ?? "1000",
                categoryOfHelp: tenant.categoriesOfHelp.first?.code,
                certificateType: tenant.backend.dialect == .v1 ? nil : tenant.certificateTypes.first?.code)
        }
        for citizen in dataset.citizens {
            let records = citizen.records.filter { registry.tenant($0.tenant) != nil }
            guard !records.isEmpty else { continue }
            if let onlyAt, !records.allSatisfy({ onlyAt.contains($0.tenant) }) { continue }
            let index = people.count
            people.append(
                Person(
                    insz: citizen.insz, firstName: citizen.firstName, lastName: citizen.lastName,
                    tenants: records.map(\.tenant)))
            for record in records {
                guard let desk = desks[record.tenant] else { continue }
                submitters.append((index, desk))
                // v1 backends have no certificates (the proxy answers 404 part-not-supported).
                guard registry.tenant(record.tenant)?.backend.dialect != .v1 else { continue }
                for certificate in record.certificates where certificate.status == .available {
                    downloads.append(Download(person: index, tenant: record.tenant, certificateID: certificate.id))
                }
            }
        }
        self.people = people
        self.downloads = downloads
        self.requestSubmitters = submitters.filter { $0.desk.categoryOfHelp != nil }
        self.certificateSubmitters = submitters.filter { $0.desk.certificateType != nil }
    }

    /// The dataset `ocmw-dev demo --seed SEED --citizens COUNT` serves for `registry` today.
    ///
    /// The demo puts payments up to last month (in Belgium); the generator's draws depend on
    /// that month, so the same one is used here.
    public static func demoDataset(registry: TenantRegistry, seed: UInt64, citizens: Int, now: Date = Date()) -> Dataset {
        let today = DayDate.inBelgium(at: now)
        let lastMonth = CalendarMonth(containing: today).adding(months: -1) ?? .earliest
        return Dataset.generate(seed: seed, tenants: registry.tenants.map(\.id), citizens: citizens, lastMonth: lastMonth)
    }
}

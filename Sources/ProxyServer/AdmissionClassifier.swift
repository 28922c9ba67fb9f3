import Admission
import HTTPTypes
import Hummingbird
import OCMWCore
import OCMWDomain

/// Tells the door what a request is before any route runs: its priority, and for a citizen read
/// the OCMWs it will need (from the routing index, usually its in-memory cache) with the calls it
/// makes to each, for fair share and for their bulkheads.
struct AdmissionClassifier: Sendable {
    let registry: TenantRegistryStore
    let routingIndex: any RoutingIndexStore
    let configuration: ProxyConfiguration

    func classify(_ request: Request) async -> (AdmissionPriority, [AdmissionShare<String>]) {
        if request.method == .post { return (.submission, []) }
        guard request.method == .get else { return (.read, []) }
        // /v1/citizens/{insz}/{dossier | part}
        let components = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        guard components.count == 4, components[0] == "v1", components[1] == "citizens" else { return (.read, []) }
        let calls: Int
        if components[3] == "dossier" {
            calls = DossierPart.allCases.count
        } else if DossierPart.allCases.contains(where: { $0.jsonName == components[3] }) {
            calls = 1
        } else {
            return (.read, [])
        }
        // A bad INSZ or a failing index: the route answers for itself; the door does not guess.
        guard let insz = try? INSZ(parsing: String(components[2]), currentYear: configuration.today().year),
            let rows = try? await routingIndex.lookup(insz: insz, on: configuration.today())
        else { return (.read, []) }
        let ids = Set(rows.map(\.tenant))
        // Reads may fill the OCMW's slots; its bulkhead queue is left for what the door does not
        // see (discovery probes, deliveries), so a healthy OCMW's bulkhead does not overflow.
        let shares = registry.snapshot.activeTenants.filter { ids.contains($0.id) }.map { tenant in
            AdmissionShare(key: tenant.id.rawValue, calls: calls, weight: tenant.weight, capacity: tenant.limits.maxInFlight)
        }
        return (.read, shares)
    }
}

import Logging
import OCMWCore
import OCMWDomain

/// Fans citizen reads out: every (OCMW × part) backend call of a request runs concurrently
/// through the one curl multi handle, each within its tenant's limits and the request's
/// deadline; results are merged as they arrive and ordered by registry and part order.
struct CitizenDispatcher: Sendable {
    let gateway: BackendGateway

    /// What one (OCMW × part) call produced.
    struct PartResult: Sendable {
        let tenantIndex: Int
        let part: DossierPart
        let outcome: PartOutcome<PartValue>
    }

    /// Calls every tenant for every part in `parts`, concurrently.
    func fetch(_ parts: [DossierPart], from tenants: [Tenant], insz: INSZ, options: PartOptions,
               deadline: ContinuousClock.Instant, requestID: String) async -> [PartResult] {
        await withTaskGroup(of: PartResult.self) { group in
            for (index, tenant) in tenants.enumerated() {
                for part in parts {
                    group.addTask {
                        let outcome = await fetch(part, from: tenant, insz: insz, options: options,
                                                  deadline: deadline, requestID: requestID)
                        return PartResult(tenantIndex: index, part: part, outcome: outcome)
                    }
                }
            }
            var results: [PartResult] = []
            results.reserveCapacity(tenants.count * parts.count)
            for await result in group { results.append(result) }
            return results
        }
    }

    private func fetch(_ part: DossierPart, from tenant: Tenant, insz: INSZ, options: PartOptions,
                       deadline: ContinuousClock.Instant, requestID: String) async -> PartOutcome<PartValue> {
        let dialect = tenant.backend.dialect
        guard let path = NewSocialPaths.path(for: part, insz: insz, dialect: dialect, months: options.months) else {
            return .failed(.notSupported, reason: "dialect \(dialect.rawValue) does not offer \(part.jsonName)")
        }
        return await gateway.fetch(tenant, part: part.jsonName, path: path, deadline: deadline, requestID: requestID) { body in
            try PartValue.decode(part, body: body, tenant: tenant, insz: insz, options: options)
        }
    }
}

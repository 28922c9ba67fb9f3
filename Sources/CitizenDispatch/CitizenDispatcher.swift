import BackendAccess
import Logging
import OCMWCore
import OCMWDomain

/// Fans citizen reads out: every (OCMW × part) backend call of a request runs concurrently
/// through the one curl multi handle, each within its tenant's limits and the request's
/// deadline; results are merged as they arrive and ordered by registry and part order.
package struct CitizenDispatcher: Sendable {
    package let gateway: BackendGateway

    package init(gateway: BackendGateway) {
        self.gateway = gateway
    }

    /// What one (OCMW × part) call produced.
    package struct PartResult: Sendable {
        package let tenantIndex: Int
        package let part: DossierPart
        package let outcome: PartOutcome<PartValue>

        package init(tenantIndex: Int, part: DossierPart, outcome: PartOutcome<PartValue>) {
            self.tenantIndex = tenantIndex
            self.part = part
            self.outcome = outcome
        }
    }

    /// Calls every tenant for every part in `parts`, concurrently.
    package func fetch(
        _ parts: [DossierPart], from tenants: [Tenant], insz: INSZ, options: PartOptions,
        deadline: ContinuousClock.Instant, requestID: String
    ) async -> [PartResult] {
        // One call (one part of a one-OCMW citizen, the commonest read) runs in the request's own
        // task: a child task would cost its creation and a switch of threads, and buy nothing.
        if tenants.count == 1, parts.count == 1 {
            let outcome = await fetch(parts[0], from: tenants[0], insz: insz, options: options, deadline: deadline, requestID: requestID)
            return [PartResult(tenantIndex: 0, part: parts[0], outcome: outcome)]
        }
        return await withTaskGroup(of: PartResult.self) { group in
            for (index, tenant) in tenants.enumerated() {
                for part in parts {
                    group.addTask {
                        let outcome = await fetch(
                            part, from: tenant, insz: insz, options: options,
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

    private func fetch(
        _ part: DossierPart, from tenant: Tenant, insz: INSZ, options: PartOptions,
        deadline: ContinuousClock.Instant, requestID: String
    ) async -> PartOutcome<PartValue> {
        let dialect = tenant.backend.dialect
        guard let path = NewSocialPaths.path(for: part, insz: insz, dialect: dialect, months: options.fetchedMonths) else {
            return .failed(.notSupported, reason: "dialect \(dialect.rawValue) does not offer \(part.jsonName)")
        }
        return await gateway.fetch(tenant, purpose: .part(part), path: path, deadline: deadline, requestID: requestID) { body in
            try PartValue.decode(part, body: body, tenant: tenant, insz: insz, options: options)
        }
    }
}

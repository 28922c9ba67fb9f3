import Logging
import OCMWCore

/// Fans one citizen lookup out to the OCMWs that may hold a dossier, concurrently, each call
/// within its tenant's limits and the request's deadline, and merges the answers in registry order.
struct CitizenDispatcher: Sendable {
    let gateway: BackendGateway

    /// Asks every tenant in `tenants` for one part.
    /// - Parameters:
    ///   - path: The part's path for a tenant's dialect, relative to its base URL.
    ///   - decode: Turns a tenant's 200 body into the part (a dialect's normaliser).
    /// - Returns: One entry per OCMW that has a dossier or did not answer validly; OCMWs that
    ///   said they do not know the citizen are left out.
    func fanOut<Part: Encodable & Sendable>(
        to tenants: [Tenant],
        partName: String,
        deadline: ContinuousClock.Instant,
        requestID: String,
        path: @escaping @Sendable (Tenant) -> String,
        decode: @escaping @Sendable (Tenant, [UInt8]) throws -> Part
    ) async -> CitizenAnswer<Part> {
        let outcomes = await withTaskGroup(of: (Int, PartOutcome<Part>).self) { group in
            for (index, tenant) in tenants.enumerated() {
                group.addTask {
                    let outcome = await gateway.fetch(tenant, path: path(tenant), deadline: deadline,
                                                      requestID: requestID) { try decode(tenant, $0) }
                    return (index, outcome)
                }
            }
            var collected: [(Int, PartOutcome<Part>)] = []
            collected.reserveCapacity(tenants.count)
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }
        }
        let entries = outcomes.compactMap { index, outcome -> OCMWEntry<Part>? in
            let ocmw = OCMWReference(tenants[index])
            switch outcome {
            case .ok(let part):
                return OCMWEntry(ocmw: ocmw, status: .ok, reason: nil, part: part, partName: partName)
            case .noDossier:
                return nil
            case .failed(let status, let reason):
                return OCMWEntry(ocmw: ocmw, status: status, reason: reason, part: nil, partName: partName)
            }
        }
        return CitizenAnswer(ocmws: entries)
    }
}

import BackendAccess
import OCMWCore
import OCMWDomain

/// Turns fan-out results into answers, in registry order. An OCMW that says it does not know
/// the citizen (404) is left out; one that could not be asked at all is listed with why.
package enum AnswerAssembly {
    package static func partAnswer(
        _ part: DossierPart, tenants: [Tenant], results: [CitizenDispatcher.PartResult],
        location: CitizenLocator.Location
    ) -> PartAnswer {
        var entries: [(order: Int, entry: PartAnswer.Entry)] = []
        for result in results where result.part == part {
            let tenant = tenants[result.tenantIndex]
            let entry: PartAnswer.Entry
            switch result.outcome {
            case .ok(let value):
                entry = .init(ocmw: OCMWReference(tenant), status: .ok, reason: nil, value: value, part: part)
            case .noDossier:
                continue
            case .failed(let status, let reason):
                entry = .init(ocmw: OCMWReference(tenant), status: status, reason: reason, value: nil, part: part)
            }
            entries.append((result.tenantIndex, entry))
        }
        for (index, gap) in location.unreachable.enumerated() {
            entries.append(
                (
                    tenants.count + index,
                    .init(
                        ocmw: OCMWReference(gap.tenant), status: gap.status,
                        reason: "discovery: \(gap.reason)", value: nil, part: part)
                ))
        }
        return PartAnswer(ocmws: entries.sorted { $0.order < $1.order }.map(\.entry))
    }

    package static func dossierAnswer(
        _ parts: [DossierPart], tenants: [Tenant], results: [CitizenDispatcher.PartResult],
        location: CitizenLocator.Location
    ) -> DossierAnswer {
        let byTenant = Dictionary(grouping: results, by: \.tenantIndex)
        var dossiers: [DossierAnswer.OCMWDossier] = []
        for (index, tenant) in tenants.enumerated() {
            let own = byTenant[index] ?? []
            let fetched = own.filter { if case .failed(.notSupported, _) = $0.outcome { false } else { true } }
            // Every part it serves says "unknown citizen": a stale routing row, not a dossier.
            if !fetched.isEmpty, fetched.allSatisfy({ if case .noDossier = $0.outcome { true } else { false } }) {
                continue
            }
            let slots = parts.compactMap { part in own.first { $0.part == part } }.map { result in
                (result.part, slot(for: result.outcome))
            }
            dossiers.append(
                .init(
                    ocmw: OCMWReference(tenant), complete: slots.allSatisfy { $0.1.status.keepsAnswerComplete },
                    parts: .init(results: slots)))
        }
        for gap in location.unreachable {
            let slots = parts.map { part in
                part.isOffered(by: gap.tenant.backend.dialect)
                    ? (part, DossierAnswer.PartSlot(status: gap.status, reason: "discovery: \(gap.reason)", data: nil))
                    : (part, DossierAnswer.PartSlot(status: .notSupported, reason: nil, data: nil))
            }
            dossiers.append(.init(ocmw: OCMWReference(gap.tenant), complete: false, parts: .init(results: slots)))
        }
        return DossierAnswer(ocmws: dossiers)
    }

    private static func slot(for outcome: PartOutcome<PartValue>) -> DossierAnswer.PartSlot {
        switch outcome {
        case .ok(let value): .init(status: .ok, reason: nil, data: value)
        case .noDossier: .init(status: .error, reason: "the OCMW does not know the citizen for this part", data: nil)
        case .failed(let status, let reason): .init(status: status, reason: reason, data: nil)
        }
    }
}

import BackendAccess
import Foundation
import Logging
import OCMWCore
import OCMWDomain
import Synchronization

/// Finds the OCMWs to ask about a citizen: the routing index first; when it knows nothing,
/// discovery asks the active OCMWs (bounded, one deadline, negative answers cached) and stores
/// what they confirm as index rows.
package final class CitizenLocator: Sendable {
    /// The OCMWs to ask, and those whose answer could not be had (a gap is reported, not hidden).
    package struct Location: Sendable {
        package var tenants: [Tenant]
        package var unreachable: [(tenant: Tenant, status: PartStatus, reason: String)]
        /// Discovery was needed but its budget was spent: nothing was asked, nothing is known.
        package var discoveryRefused = false

        package init(tenants: [Tenant], unreachable: [(tenant: Tenant, status: PartStatus, reason: String)]) {
            self.tenants = tenants
            self.unreachable = unreachable
        }
    }

    private let index: any RoutingIndexStore
    private let gateway: BackendGateway
    private let configuration: DiscoveryConfiguration
    private let today: @Sendable () -> DayDate
    private let cache: Mutex<DiscoveryCache<ContinuousClock.Instant>>
    private let logger: Logger

    package init(
        index: any RoutingIndexStore, gateway: BackendGateway, configuration: DiscoveryConfiguration,
        today: @escaping @Sendable () -> DayDate, logger: Logger
    ) {
        self.index = index
        self.gateway = gateway
        self.configuration = configuration
        self.today = today
        self.logger = logger
        cache = Mutex(
            DiscoveryCache(
                configuration: .init(
                    negativeTTL: configuration.negativeTTL,
                    maxCitizens: configuration.maxCachedCitizens)))
    }

    /// The active OCMWs of `registry` that hold a running dossier for `insz`, in registry order.
    /// - Parameter discoveryBudget: Takes a place for discovery (false: none left, the location
    ///   says `discoveryRefused`) and returns how to give it back.
    package func locate(
        _ insz: INSZ, in registry: TenantRegistry, deadline: ContinuousClock.Instant,
        requestID: String, discoveryBudget: @Sendable () -> (@Sendable () -> Void)? = { {} }
    ) async -> Location {
        let day = today()
        // A suspended OCMW that holds the citizen's dossier is reported unavailable, not left
        // out: the citizen has a dossier there, the proxy just does not ask it now.
        var suspended: [(tenant: Tenant, status: PartStatus, reason: String)] = []
        do {
            let ids = Set(try await index.lookup(insz: insz, on: day).map(\.tenant))
            // The registry is walked (for its order) only when a row is at a suspended OCMW:
            // a few look-ups per read otherwise, whatever the number of tenants.
            if ids.contains(where: { registry.tenant($0)?.state == .suspended }) {
                suspended = registry.tenants.filter { $0.state == .suspended && ids.contains($0.id) }
                    .map { ($0, .unavailable, Self.suspendedReason) }
            }
            // Rows for suspended or removed OCMWs do not make discovery unneeded: the citizen
            // may be elsewhere too.
            let tenants = registry.activeTenants.filter { ids.contains($0.id) }
            if !tenants.isEmpty || !configuration.enabled {
                return Location(tenants: tenants, unreachable: suspended)
            }
        } catch {
            // A broken index must not hide dossiers: fall back to asking the OCMWs.
            logger.error("routing index lookup failed", metadata: ["error": "\(error)"])
        }
        guard configuration.enabled else { return Location(tenants: [], unreachable: suspended) }
        guard let giveBack = discoveryBudget() else {
            var refused = Location(tenants: [], unreachable: suspended)
            refused.discoveryRefused = true
            return refused
        }
        defer { giveBack() }
        var found = await discover(insz, in: registry, day: day, deadline: deadline, requestID: requestID)
        found.unreachable += suspended
        return found
    }

    /// Why a suspended OCMW is not asked, as its parts say.
    package static let suspendedReason = "this OCMW is suspended for now; its data cannot be shown"

    /// Remembers a registration pushed by an OCMW, so a cached "unknown" does not outlive it.
    package func registrationArrived(insz: INSZ, tenant: TenantID) {
        cache.withLock { $0.registrationArrived(insz: insz, tenant: tenant) }
    }

    /// Takes in what another instance wrote to the shared index: a new registration ends a
    /// cached "unknown" of that OCMW for the citizen, as one pushed to this instance does.
    package func apply(_ change: RoutingIndexChange) {
        guard case .registered(let insz, let tenant) = change else { return }
        registrationArrived(insz: insz, tenant: tenant)
    }

    private func discover(
        _ insz: INSZ, in registry: TenantRegistry, day: DayDate,
        deadline: ContinuousClock.Instant, requestID: String
    ) async -> Location {
        let active = registry.activeTenants
        let toProbe = cache.withLock { cache in
            Set(cache.tenantsToProbe(insz: insz, among: active.map(\.id), now: .now))
        }
        let probeDeadline = min(deadline, .now + .milliseconds(configuration.deadlineMs))
        let outcomes = await boundedProbes(
            insz, tenants: active.filter { toProbe.contains($0.id) },
            deadline: probeDeadline, requestID: requestID)
        var location = Location(tenants: [], unreachable: [])
        var found: Set<TenantID> = []
        for (tenant, outcome) in outcomes {
            switch outcome {
            case .ok(let dossiers) where dossiers.contains(where: { $0.isRunning(on: day) }):
                found.insert(tenant.id)
                await remember(dossiers.filter { $0.isRunning(on: day) }, of: insz, at: tenant.id)
            case .ok, .noDossier:
                cache.withLock { $0.probeAnswered(insz: insz, tenant: tenant.id, known: false, now: .now) }
            case .failed(let status, let reason):
                location.unreachable.append((tenant, status, reason))
            }
        }
        location.tenants = active.filter { found.contains($0.id) }
        location.unreachable.sort { lhs, rhs in
            (active.firstIndex { $0.id == lhs.tenant.id } ?? 0) < (active.firstIndex { $0.id == rhs.tenant.id } ?? 0)
        }
        return location
    }

    /// Probes at most `maxConcurrentProbes` OCMWs at a time.
    private func boundedProbes(
        _ insz: INSZ, tenants: [Tenant], deadline: ContinuousClock.Instant,
        requestID: String
    ) async -> [(Tenant, PartOutcome<[DossierSummary]>)] {
        await withTaskGroup(of: (Tenant, PartOutcome<[DossierSummary]>).self) { group in
            var pending = tenants[...]
            var results: [(Tenant, PartOutcome<[DossierSummary]>)] = []
            func startNext() {
                guard let tenant = pending.popFirst() else { return }
                group.addTask {
                    let path = NewSocialPaths.citizen(insz: insz, dialect: tenant.backend.dialect)
                    let outcome = await self.gateway.fetch(tenant, purpose: .probe, path: path, deadline: deadline, requestID: requestID) {
                        try NewSocialDecoder.decodeDossiers($0, dialect: tenant.backend.dialect, insz: insz)
                    }
                    return (tenant, outcome)
                }
            }
            for _ in 0..<max(1, configuration.maxConcurrentProbes) { startNext() }
            for await result in group {
                results.append(result)
                startNext()
            }
            return results
        }
    }

    /// Stores confirmed dossiers as index rows, so the next lookup needs no probe.
    private func remember(_ dossiers: [DossierSummary], of insz: INSZ, at tenant: TenantID) async {
        for dossier in dossiers {
            do {
                let registration = try RoutingRegistration(
                    insz: insz, tenant: tenant, capacity: dossier.capacity,
                    start: dossier.since, end: dossier.until)
                try await index.register(registration)
            } catch {
                logger.warning(
                    "discovered dossier not stored in the routing index",
                    metadata: ["tenant": "\(tenant)", "error": "\(error)"])
            }
        }
        cache.withLock { $0.registrationArrived(insz: insz, tenant: tenant) }
    }
}

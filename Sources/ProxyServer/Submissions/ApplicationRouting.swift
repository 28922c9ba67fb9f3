import CitizenDispatch
import Logging
import OCMWCore

/// A citizen who submits to an OCMW has business with it from then on: the submission is
/// registered in the routing index (capacity `AANVRAAG`, for a year from today), so the
/// citizen's next reads ask that OCMW — and see the request once New Social has it — even when
/// no OCMW knew the citizen before, or a discovery answer "nowhere" was cached a moment ago.
struct ApplicationRouting: Sendable {
    /// The capacity of a registration made by a submission.
    static let capacity = "AANVRAAG"
    /// How long it lasts: the time to follow a request; New Social's own registrations take
    /// over for a dossier that runs longer.
    static let days = 365

    let index: any RoutingIndexStore
    let locator: CitizenLocator
    let today: @Sendable () -> DayDate
    let logger: Logger

    /// Registers that `insz` submitted to `tenant` today. A routing index that cannot be written
    /// is logged, not an error: the submission is safe in the outbox, and discovery still finds
    /// the OCMW once it knows the citizen.
    func submitted(insz: INSZ, to tenant: TenantID, requestID: String) async {
        let start = today()
        do {
            let registration = try RoutingRegistration(
                insz: insz, tenant: tenant, capacity: Self.capacity, start: start, end: start.adding(days: Self.days))
            try await index.register(registration)
            locator.registrationArrived(insz: insz, tenant: tenant)
        } catch {
            logger.warning(
                "routing registration of a submission failed; discovery will find the OCMW",
                metadata: ["tenant": "\(tenant)", "request_id": "\(requestID)", "error": "\(error)"])
        }
    }
}

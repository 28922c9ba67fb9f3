import OCMWCore

extension Dataset {
    /// The routing feed the simulated installations would have pushed: one registration per
    /// dossier period of every citizen at every OCMW. Used to seed a routing index for demos and
    /// benchmarks; records whose INSZ or capacity would not be accepted are skipped.
    /// - Parameter currentYear: Today's year, for reading the INSZ check digits.
    public func routingRegistrations(currentYear: Int) -> [RoutingRegistration] {
        citizens.flatMap { citizen -> [RoutingRegistration] in
            guard let insz = try? INSZ(parsing: citizen.insz, currentYear: currentYear) else { return [] }
            return citizen.records.flatMap { record in
                record.dossiers.compactMap { dossier in
                    try? RoutingRegistration(
                        insz: insz, tenant: record.tenant, capacity: dossier.capacity,
                        start: dossier.since, end: dossier.until)
                }
            }
        }
    }
}

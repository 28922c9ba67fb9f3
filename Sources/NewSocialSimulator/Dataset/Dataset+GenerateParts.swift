import OCMWCore

/// Makes the rights, trajectories, requests and certificates of one record.
///
/// Runs on its own generator, seeded from the dataset seed, the INSZ and the tenant, so these
/// parts never shift the random stream that makes the people, debts and payments: adding a part
/// leaves every earlier part of a dataset exactly as it was.
struct PartsGenerator {
    var rng: SplitMix64
    let tenant: TenantID
    let lastMonth: CalendarMonth
    /// The tenant's offices: the same for every citizen of that tenant.
    let offices: [Office]

    init(seed: UInt64, insz: String, tenant: TenantID, lastMonth: CalendarMonth) {
        // FNV-1a over "insz/tenant": stable across runs and platforms, unlike `Hasher`.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(insz)/\(tenant.rawValue)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.rng = SplitMix64(seed: seed ^ hash)
        self.tenant = tenant
        self.lastMonth = lastMonth
        self.offices = Self.offices(of: tenant)
    }

    /// The record with every part filled in from its dossiers.
    mutating func completing(_ record: OCMWRecord) -> OCMWRecord {
        var record = record
        record.rights = rights(for: record.dossiers)
        record.trajectories = trajectories(for: record.dossiers)
        record.requests = requests(for: record.dossiers)
        record.certificates = certificates(receivesLeefloon: record.dossiers.contains { $0.capacity == "LL" })
        return record
    }

    /// A granted right per dossier, sometimes another decision of any outcome.
    mutating func rights(for dossiers: [DossierPeriod]) -> [Right] {
        var rights: [Right] = []
        for dossier in dossiers {
            let (code, label, hasAmount, conditional) =
                Names.rightOfCapacity[dossier.capacity] ?? ("AFH", "Aanvullende financiële hulp", true, true)
            let until = dossier.until ?? (rng.chance(0.5) ? dossier.since.calendarMonth.shifted(by: 11).lastDay : nil)
            rights.append(
                Right(
                    code: code, label: label, decision: .granted, since: dossier.since, until: until,
                    monthlyAmountCents: hasAmount ? rng.int(in: 10...60) * 500 : nil, conditional: conditional))
        }
        if let first = dossiers.first, rng.chance(0.4) {
            let (code, label) = rng.pick(Names.otherRights)
            rights.append(
                Right(
                    code: code, label: label, decision: rng.pick(RightDecisionStatus.allCases),
                    since: rng.day(from: first.since.calendarMonth, through: lastMonth), conditional: rng.chance(0.5)))
        }
        return rights
    }

    /// The trajectory of each dossier, sometimes an activation or other trajectory besides.
    mutating func trajectories(for dossiers: [DossierPeriod]) -> [Trajectory] {
        var trajectories: [Trajectory] = []
        for dossier in dossiers {
            let (label, role) = Names.trajectoryOfCapacity[dossier.capacity] ?? ("Begeleiding", "maatschappelijk werker")
            var contacts = [contact(role: role)]
            if rng.chance(0.2) { contacts.append(contact(role: "dossierbeheerder")) }
            trajectories.append(
                Trajectory(
                    code: dossier.capacity, label: label, since: dossier.since, until: dossier.until,
                    contacts: contacts))
        }
        guard let first = dossiers.first else { return trajectories }
        for (code, label, role, probability) in Names.extraTrajectories where rng.chance(probability) {
            trajectories.append(
                Trajectory(
                    code: code, label: label, since: rng.day(from: first.since.calendarMonth, through: lastMonth),
                    contacts: [contact(role: role)]))
        }
        return trajectories
    }

    /// The request that opened each dossier, sometimes a recent one still open.
    mutating func requests(for dossiers: [DossierPeriod]) -> [HelpRequest] {
        var requests: [HelpRequest] = []
        for dossier in dossiers {
            let opened = dossier.since.calendarMonth
            let submitted = rng.day(from: opened.shifted(by: -1), through: opened.shifted(by: -1))
            let getsDecision = !["BB", "AH"].contains(dossier.capacity)
            let decided = getsDecision ? rng.day(from: opened, through: opened) : nil
            let status: RequestState = dossier.until != nil ? .closed : (getsDecision ? .decided : .inProgress)
            requests.append(
                request(
                    kind: dossier.capacity, submitted: submitted, status: status, decisionDate: decided,
                    decisionExpected: getsDecision))
        }
        if rng.chance(0.4) {
            let kind = rng.pick(Names.categories.keys.sorted())
            let status: RequestState = rng.chance(0.5) ? .submitted : .inProgress
            requests.append(
                request(
                    kind: kind, submitted: rng.day(from: lastMonth, through: lastMonth), status: status, decisionDate: nil,
                    decisionExpected: !["BB", "AH"].contains(kind)))
        }
        return requests
    }

    /// One to three certificates of the last year, the first one issued, recent ones maybe not yet.
    mutating func certificates(receivesLeefloon: Bool) -> [Certificate] {
        var certificates: [Certificate] = []
        let serial = rng.int(in: 1...9_000)
        for index in 0..<rng.int(in: 1...3) {
            let (code, label) = index == 0 && receivesLeefloon ? Names.certificateTypes[0] : rng.pick(Names.certificateTypes)
            let requested =
                index == 0
                ? rng.day(from: lastMonth.shifted(by: -11), through: lastMonth.shifted(by: -1))
                : rng.day(from: lastMonth.shifted(by: -11), through: lastMonth)
            let pending = index > 0 && requested.calendarMonth == lastMonth && rng.chance(0.6)
            let issued = requested.calendarMonth.day(clampedTo: requested.day + rng.int(in: 1...7))
            certificates.append(
                Certificate(
                    id: "ATT-\(requested.year)-\(pad(serial + index, 4))", typeCode: code,
                    typeLabel: label, status: pending ? .requested : .available,
                    requestedDate: requested, issuedDate: pending ? nil : issued))
        }
        return certificates
    }

    private mutating func request(
        kind: String, submitted: DayDate, status: RequestState, decisionDate: DayDate?,
        decisionExpected: Bool
    ) -> HelpRequest {
        // Some installations leave the flag out; the kind then decides (docs/newsocial-api.md).
        let flag: Bool? = rng.chance(0.2) ? nil : decisionExpected
        return HelpRequest(
            dossierNumber: "\(submitted.year)/\(rng.int(in: 1...999))", kindCode: kind,
            kindLabel: Names.categories[kind] ?? kind, submittedDate: submitted, status: status,
            decisionDate: status == .decided || status == .closed ? decisionDate : nil,
            decisionExpected: flag)
    }

    private mutating func contact(role: String) -> ContactPerson {
        let first = rng.pick(Names.first), last = rng.pick(Names.last)
        let mailbox = "\(first).\(last)".lowercased().filter { $0 != " " }
        return ContactPerson(
            name: "\(first) \(last)", role: role,
            phone: "04\(rng.int(in: 70...99))/\(pad(rng.int(in: 0...999_999), 6))",
            email: "\(mailbox)@ocmw-\(tenant.rawValue).be", office: rng.pick(offices))
    }

    private static func offices(of tenant: TenantID) -> [Office] {
        var local = SplitMix64(seed: UInt64(truncatingIfNeeded: tenant.rawValue.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let town = tenant.rawValue.prefix(1).uppercased() + tenant.rawValue.dropFirst()
        let postalCode = Names.postalCodes[tenant.rawValue] ?? String(local.int(in: 1_000...9_992))
        return ["Sociaal Huis \(town)", "Welzijnsbureau \(town)-Centrum", "Dienst Financiën"].map { name in
            Office(
                name: name, streetAndNumber: "\(local.pick(Names.streets)) \(local.int(in: 1...200))",
                postalCode: postalCode, municipality: town)
        }
    }
}

import OCMWCore

extension Dataset {
    /// October 2025: the `lastMonth` of `generate` unless one is given, fixed so that tests are stable.
    public static let defaultLastMonth = CalendarMonth.literal(2025, 10)

    /// Generates a synthetic dataset; the same arguments always give the same dataset (and bytes).
    ///
    /// Always contains `DemoCitizens.all` first, then `citizens` generated people, each with a
    /// record at one OCMW or (about 15 %) two, chosen among `tenants`, with debts (some paid off),
    /// payments over the six months up to and including `lastMonth`, rights, trajectories with
    /// contact persons, requests and certificates (some available, some requested).
    /// - Parameters:
    ///   - seed: Seed of the SplitMix64 generator.
    ///   - tenants: OCMWs to spread the generated people over; none means only the demo citizens.
    ///   - citizens: How many people to generate besides the demo citizens.
    ///   - lastMonth: The most recent month with payments; pass the previous calendar month for
    ///     realistic "past months" data. Fixed by default (`defaultLastMonth`) so that tests are stable.
    public static func generate(
        seed: UInt64, tenants: [TenantID], citizens: Int,
        lastMonth: CalendarMonth = defaultLastMonth
    ) -> Dataset {
        var generator = CitizenGenerator(seed: seed, tenants: tenants, lastMonth: lastMonth)
        var people = DemoCitizens.all
        guard !tenants.isEmpty else { return Dataset(citizens: people) }
        var used = Set(people.map(\.insz) + [DemoCitizens.unknownINSZ])
        for _ in 0..<max(0, citizens) {
            people.append(generator.citizen(avoiding: &used))
        }
        return Dataset(citizens: people)
    }
}

/// Makes one synthetic citizen at a time from a seeded generator.
struct CitizenGenerator {
    var rng: SplitMix64
    let seed: UInt64
    let tenants: [TenantID]
    let lastMonth: CalendarMonth

    init(seed: UInt64, tenants: [TenantID], lastMonth: CalendarMonth) {
        self.rng = SplitMix64(seed: seed)
        self.seed = seed
        self.tenants = tenants
        self.lastMonth = lastMonth
    }

    mutating func citizen(avoiding used: inout Set<String>) -> Citizen {
        var insz = randomINSZ()
        while used.contains(insz) { insz = randomINSZ() }
        used.insert(insz)
        let firstName = rng.pick(Names.first)
        let lastName = rng.pick(Names.last)
        var chosen = [rng.pick(tenants)]
        if tenants.count > 1, rng.chance(0.15) {
            let others = tenants.filter { $0 != chosen[0] }
            chosen.append(rng.pick(others))
        }
        let records = chosen.map { tenant in
            var parts = PartsGenerator(seed: seed, insz: insz, tenant: tenant, lastMonth: lastMonth)
            return parts.completing(record(at: tenant))
        }
        return Citizen(insz: insz, firstName: firstName, lastName: lastName, records: records)
    }

    /// A valid national number: birth date, serial, mod-97 check (with the "2" prefix from 2000 on).
    mutating func randomINSZ() -> String {
        let year = rng.int(in: 1945...2005)
        let month = rng.int(in: 1...12)
        let day = rng.int(in: 1...(CalendarMonth(year: year, month: month)?.dayCount ?? 28))
        let serial = rng.int(in: 1...997)
        let firstNine = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
        let check = 97 - ((year >= 2000 ? 2_000_000_000 : 0) + firstNine) % 97
        return pad(firstNine, 9) + pad(check, 2)
    }

    mutating func record(at tenant: TenantID) -> OCMWRecord {
        let since = rng.day(from: lastMonth.shifted(by: -72), through: lastMonth.shifted(by: -1))
        var dossiers = [DossierPeriod(capacity: rng.pick(["LL", "LL", "AFH", "BB", "SB", "HV", "MK", "AH"]), since: since)]
        if rng.chance(0.25) {
            let otherSince = rng.day(from: since.calendarMonth, through: lastMonth)
            // A day drawn from the start's month may fall before the start: a period never ends
            // before it begins (New Social would not send that, and the proxy rejects it).
            let until: DayDate? =
                rng.chance(0.4)
                ? max(otherSince, rng.day(from: otherSince.calendarMonth, through: lastMonth)) : nil
            dossiers.append(DossierPeriod(capacity: rng.pick(["AFH", "BB", "SB", "MK"]), since: otherSince, until: until))
        }
        let debts = (0..<rng.int(in: 0...5)).map { _ in debt(after: since) }
        let firstPaid = max(since.calendarMonth, lastMonth.shifted(by: -5))
        var payments: [Payment] = []
        if firstPaid <= lastMonth {
            for offset in 0...firstPaid.distance(to: lastMonth) {
                payments += self.payments(
                    in: firstPaid.shifted(by: offset), receivesLeefloon: dossiers[0].capacity == "LL",
                    ocmwName: "OCMW " + tenant.rawValue.prefix(1).uppercased() + tenant.rawValue.dropFirst())
            }
        }
        return OCMWRecord(
            tenant: tenant, reference: pad(rng.int(in: 100_000...999_999), 6),
            dossiers: dossiers, debts: debts, payments: payments)
    }

    mutating func debt(after since: DayDate) -> Debt {
        let start = rng.day(from: since.calendarMonth, through: lastMonth)
        let end: DayDate? = rng.chance(0.5) ? start.calendarMonth.shifted(by: rng.int(in: 0...11)).lastDay : nil
        let decided = rng.chance(0.6)
        let decisionMonth = start.calendarMonth.shifted(by: rng.int(in: 0...2))
        let original = rng.chance(0.3) ? rng.int(in: 1...50) * 5_000 : rng.int(in: 1_000...250_000)
        let outstanding: Int
        switch rng.int(in: 0...3) {
        case 0: outstanding = 0
        case 1: outstanding = rng.int(in: 1...original)
        default: outstanding = original
        }
        return Debt(
            description: rng.pick(Names.debts), periodStart: start, periodEnd: end,
            decisionDate: decided ? rng.day(from: decisionMonth, through: decisionMonth) : nil,
            decisionPoint: decided ? String(rng.int(in: 1...400)) : nil,
            originalCents: original, outstandingCents: outstanding)
    }

    mutating func payments(in month: CalendarMonth, receivesLeefloon: Bool, ocmwName: String) -> [Payment] {
        let paidOn = month.shifted(by: 1).day(clampedTo: rng.int(in: 1...5))
        let isLast = month == lastMonth
        var result: [Payment] = []
        if receivesLeefloon {
            var leefloon = Payment(
                label: "leefloon", amountCents: rng.int(in: 90_000...140_000), periodStart: month.firstDay,
                periodEnd: month.lastDay, paymentDate: paidOn, statusCode: 3,
                paidVia: rng.pick(["overschrijving", "overschrijving", "aan kassa"]))
            if isLast, rng.chance(0.3) {
                leefloon.paymentDate = nil
                leefloon.automatic = true
                leefloon.paidVia = nil
            }
            result.append(leefloon)
        } else if rng.chance(0.4) {
            result.append(
                Payment(
                    label: "aanvullende financiële hulp", amountCents: rng.int(in: 5_000...30_000),
                    periodStart: month.firstDay, periodEnd: month.lastDay, paymentDate: paidOn,
                    statusCode: 3, paidVia: "overschrijving"))
        }
        for (label, thirdParties, probability) in Names.deductions where rng.chance(probability) {
            var payment = Payment(
                label: label, amountCents: rng.int(in: 1_500...70_000), periodStart: month.firstDay,
                periodEnd: month.lastDay, paymentDate: paidOn, statusCode: 3,
                paidTo: thirdParties.isEmpty ? ocmwName : rng.pick(thirdParties))
            if label == "medische kosten" {
                let day = rng.day(from: month, through: month)
                payment.periodStart = day
                payment.periodEnd = nil
                payment.paymentDate = day
            }
            if isLast, rng.chance(0.2) {
                payment.paymentDate = nil
                (payment.statusCode, payment.status) = rng.pick([(2999, nil), (1, 1), (2, 2)])
            }
            result.append(payment)
        }
        return result
    }
}

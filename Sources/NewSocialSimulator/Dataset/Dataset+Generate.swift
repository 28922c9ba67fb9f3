import OCMWCore

extension Dataset {
    /// Generates a synthetic dataset; the same arguments always give the same dataset (and bytes).
    ///
    /// Always contains `DemoCitizens.all` first, then `citizens` generated people, each with a
    /// record at one OCMW or (about 15 %) two, chosen among `tenants`, with debts (some paid off)
    /// and payments over the six months up to and including `lastMonth`.
    /// - Parameters:
    ///   - seed: Seed of the SplitMix64 generator.
    ///   - tenants: OCMWs to spread the generated people over; none means only the demo citizens.
    ///   - citizens: How many people to generate besides the demo citizens.
    ///   - lastMonth: The most recent month with payments; pass the previous calendar month for
    ///     realistic "past months" data. Fixed by default so that tests are stable.
    public static func generate(seed: UInt64, tenants: [TenantID], citizens: Int,
                                lastMonth: YearMonth = YearMonth(2025, 10)) -> Dataset {
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
    let tenants: [TenantID]
    let lastMonth: YearMonth

    init(seed: UInt64, tenants: [TenantID], lastMonth: YearMonth) {
        self.rng = SplitMix64(seed: seed)
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
        return Citizen(insz: insz, firstName: firstName, lastName: lastName, records: chosen.map { record(at: $0) })
    }

    /// A valid national number: birth date, serial, mod-97 check (with the "2" prefix from 2000 on).
    mutating func randomINSZ() -> String {
        let year = rng.int(in: 1945...2005)
        let month = rng.int(in: 1...12)
        let day = rng.int(in: 1...SimDate.days(inMonth: month, year: year))
        let serial = rng.int(in: 1...997)
        let firstNine = (year % 100) * 10_000_000 + month * 100_000 + day * 1_000 + serial
        let check = 97 - ((year >= 2000 ? 2_000_000_000 : 0) + firstNine) % 97
        return pad(firstNine, 9) + pad(check, 2)
    }

    mutating func record(at tenant: TenantID) -> OCMWRecord {
        let since = randomDay(in: lastMonth.adding(months: -72)...lastMonth.adding(months: -1))
        var dossiers = [DossierPeriod(capacity: rng.pick(["LL", "LL", "AFH", "BB", "SB", "HV", "MK", "AH"]), since: since)]
        if rng.chance(0.25) {
            let otherSince = randomDay(in: since.yearMonth...lastMonth)
            let until: SimDate? = rng.chance(0.4) ? randomDay(in: otherSince.yearMonth...lastMonth) : nil
            dossiers.append(DossierPeriod(capacity: rng.pick(["AFH", "BB", "SB", "MK"]), since: otherSince, until: until))
        }
        let debts = (0..<rng.int(in: 0...5)).map { _ in debt(after: since) }
        let firstPaid = max(since.yearMonth, lastMonth.adding(months: -5))
        var payments: [Payment] = []
        if firstPaid <= lastMonth {
            for month in stride(from: 0, through: monthsBetween(firstPaid, lastMonth), by: 1) {
                payments += self.payments(in: firstPaid.adding(months: month), receivesLeefloon: dossiers[0].capacity == "LL",
                                          ocmwName: "OCMW " + tenant.rawValue.prefix(1).uppercased() + tenant.rawValue.dropFirst())
            }
        }
        return OCMWRecord(tenant: tenant, reference: pad(rng.int(in: 100_000...999_999), 6),
                          dossiers: dossiers, debts: debts, payments: payments)
    }

    mutating func debt(after since: SimDate) -> Debt {
        let start = randomDay(in: since.yearMonth...lastMonth)
        let end: SimDate? = rng.chance(0.5) ? start.yearMonth.adding(months: rng.int(in: 0...11)).lastDay : nil
        let decided = rng.chance(0.6)
        let decisionMonth = start.yearMonth.adding(months: rng.int(in: 0...2))
        let original = rng.chance(0.3) ? rng.int(in: 1...50) * 5_000 : rng.int(in: 1_000...250_000)
        let outstanding: Int
        switch rng.int(in: 0...3) {
        case 0: outstanding = 0
        case 1: outstanding = rng.int(in: 1...original)
        default: outstanding = original
        }
        return Debt(description: rng.pick(Names.debts), periodStart: start, periodEnd: end,
                    decisionDate: decided ? randomDay(in: decisionMonth...decisionMonth) : nil,
                    decisionPoint: decided ? String(rng.int(in: 1...400)) : nil,
                    originalCents: original, outstandingCents: outstanding)
    }

    mutating func payments(in month: YearMonth, receivesLeefloon: Bool, ocmwName: String) -> [Payment] {
        let paidOn = SimDate(month.adding(months: 1).year, month.adding(months: 1).month, rng.int(in: 1...5))
        let isLast = month == lastMonth
        var result: [Payment] = []
        if receivesLeefloon {
            var leefloon = Payment(label: "leefloon", amountCents: rng.int(in: 90_000...140_000), periodStart: month.firstDay,
                                   periodEnd: month.lastDay, paymentDate: paidOn, statusCode: 3,
                                   paidVia: rng.pick(["overschrijving", "overschrijving", "aan kassa"]))
            if isLast, rng.chance(0.3) {
                leefloon.paymentDate = nil
                leefloon.automatic = true
                leefloon.paidVia = nil
            }
            result.append(leefloon)
        } else if rng.chance(0.4) {
            result.append(Payment(label: "aanvullende financiële hulp", amountCents: rng.int(in: 5_000...30_000),
                                  periodStart: month.firstDay, periodEnd: month.lastDay, paymentDate: paidOn,
                                  statusCode: 3, paidVia: "overschrijving"))
        }
        for (label, thirdParties, probability) in Names.deductions where rng.chance(probability) {
            var payment = Payment(label: label, amountCents: rng.int(in: 1_500...70_000), periodStart: month.firstDay,
                                  periodEnd: month.lastDay, paymentDate: paidOn, statusCode: 3,
                                  paidTo: thirdParties.isEmpty ? ocmwName : rng.pick(thirdParties))
            if label == "medische kosten" {
                let day = randomDay(in: month...month)
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

    mutating func randomDay(in months: ClosedRange<YearMonth>) -> SimDate {
        let month = months.lowerBound.adding(months: rng.int(in: 0...monthsBetween(months.lowerBound, months.upperBound)))
        return SimDate(month.year, month.month, rng.int(in: 1...SimDate.days(inMonth: month.month, year: month.year)))
    }

    func monthsBetween(_ from: YearMonth, _ to: YearMonth) -> Int {
        max(0, (to.year * 12 + to.month) - (from.year * 12 + from.month))
    }
}

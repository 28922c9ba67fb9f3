import Foundation
import NewSocialSimulator
import OCMWCore

/// Draws the requests of a run: an endpoint from the mix, then a citizen (and for downloads and
/// submissions a tenant) uniformly from the pool. Seeded, so a run's traffic can be repeated.
public struct RequestPlanner: Sendable {
    private let pool: CitizenPool
    private let mix: TrafficMix
    private var random: SplitMix64
    private let makeKey: @Sendable () -> String

    /// - Parameters:
    ///   - makeKey: Idempotency keys of submissions; unique per run by default (a reused key with
    ///     another body would be a 409 from a proxy that kept an earlier run's outbox).
    public init(
        pool: CitizenPool, mix: TrafficMix, seed: UInt64,
        makeKey: @escaping @Sendable () -> String = { "loadtest-" + UUID().uuidString }
    ) {
        self.pool = pool
        self.mix = mix
        self.random = SplitMix64(seed: seed)
        self.makeKey = makeKey
    }

    /// The next request; an endpoint the pool cannot serve (no available certificate, no active
    /// tenant) falls back to `dossier`. `nil` only when the pool has no citizen at all.
    public mutating func next() -> PlannedRequest? {
        guard !pool.people.isEmpty else { return nil }
        let endpoint = mix.endpoint(forDraw: unit())
        switch endpoint {
        case .certificateDocument:
            if let download = pick(pool.downloads) {
                let person = pool.people[download.person]
                return PlannedRequest(
                    endpoint: endpoint, tenants: [download.tenant], method: .get,
                    path: "/v1/citizens/\(person.insz)/certificates/\(download.tenant)/\(download.certificateID)/document")
            }
        case .submitCertificate:
            if let chosen = pick(pool.certificateSubmitters), let type = chosen.desk.certificateType {
                let body = Self.json(["ocmw": chosen.desk.tenant.rawValue, "certificateType": type])
                return PlannedRequest(
                    endpoint: endpoint, tenants: [chosen.desk.tenant], method: .post,
                    path: "/v1/citizens/\(pool.people[chosen.person].insz)/certificates",
                    contentType: "application/json", idempotencyKey: makeKey(), body: body)
            }
        case .submitRequest:
            if let chosen = pick(pool.requestSubmitters) {
                return submitRequest(person: pool.people[chosen.person], desk: chosen.desk)
            }
        default:
            return read(endpoint)
        }
        return read(.dossier)
    }

    private mutating func read(_ endpoint: Endpoint) -> PlannedRequest? {
        guard let person = pick(pool.people) else { return nil }
        return PlannedRequest(
            endpoint: endpoint, tenants: person.tenants, method: .get,
            path: "/v1/citizens/\(person.insz)/\(endpoint.rawValue)")
    }

    private func submitRequest(person: CitizenPool.Person, desk: CitizenPool.Desk) -> PlannedRequest {
        let form: [String: Any] = [
            "ocmw": desk.tenant.rawValue,
            "applicant": [
                "lastName": person.lastName, "firstName": person.firstName,
                "domicile": ["street": "Kerkstraat 1", "postalCode": desk.postalCode, "municipality": desk.municipality],
                "email": "burger@example.be", "phone": "+32 470 12 34 56",
            ] as [String: Any],
            "categories": [desk.categoryOfHelp ?? ""],
            "text": "Aanvraag uit de belastingtest.",
        ]
        let boundary = "loadtest-boundary-7f3a9c"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n".utf8)
        body += Self.json(form)
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return PlannedRequest(
            endpoint: .submitRequest, tenants: [desk.tenant], method: .post,
            path: "/v1/citizens/\(person.insz)/requests",
            contentType: "multipart/form-data; boundary=\(boundary)", idempotencyKey: makeKey(), body: body)
    }

    private mutating func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }

    private mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))]
    }

    private static func json(_ object: Any) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array(data)
    }
}

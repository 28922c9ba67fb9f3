import CurlClient
import Foundation

/// Carries out a scenario action against the simulator's and the proxy's admin APIs.
struct ActionPerformer: Sendable {
    let target: LoadTarget
    let client: CurlClient

    /// `ok`, or why not; never throws, so one failed action does not stop the run.
    func perform(_ kind: ScenarioAction.Kind) async -> String {
        switch kind {
        case .fault(let tenant, let fault):
            guard let base = target.simulatorAdminURL else { return "skipped: no simulator admin URL" }
            let body = (try? JSONEncoder().encode(fault)).map { Array($0) } ?? []
            return await call(
                HTTPRequest(
                    method: .put, url: "\(base)/faults/\(tenant)", headers: [HTTPHeader("Content-Type", "application/json")],
                    body: body))
        case .heal(let tenant):
            guard let base = target.simulatorAdminURL else { return "skipped: no simulator admin URL" }
            return await call(HTTPRequest(method: .delete, url: "\(base)/faults/\(tenant)"))
        case .reload:
            return await reload()
        case .activate(let tenant):
            guard let path = target.tenantsFile else { return "skipped: the tenants file is not known (--tenants-file)" }
            do {
                let url = URL(fileURLWithPath: path)
                let rewritten = try TenantsFileEditor.activating(tenant, in: try Data(contentsOf: url))
                try rewritten.write(to: url, options: .atomic)
            } catch {
                return "failed: \(error)"
            }
            return await reload()
        }
    }

    private func reload() async -> String {
        guard let base = target.adminURL, let token = target.adminToken else { return "skipped: no admin URL or admin token" }
        return await call(
            HTTPRequest(
                method: .post, url: "\(base)/admin/tenants/reload",
                headers: [HTTPHeader("Authorization", "Bearer \(token)")], totalTimeoutMs: 30_000))
    }

    private func call(_ request: HTTPRequest) async -> String {
        do {
            let response = try await client.execute(request)
            guard (200..<300).contains(response.status) else {
                return "failed: HTTP \(response.status) \(String(decoding: response.body.prefix(200), as: UTF8.self))"
            }
            return "ok"
        } catch {
            return "failed: \(error)"
        }
    }
}

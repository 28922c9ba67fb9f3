import OCMWCore

import struct Foundation.Data

/// `TenantRegistry(jsonData:)` on arbitrary bytes: every outcome must be the registry or a
/// `TenantValidationErrors` listing at least one problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    do {
        let registry = try TenantRegistry(jsonData: bytes)
        for tenant in registry.tenants {
            precondition(registry.tenant(tenant.id) != nil, "a listed tenant cannot be looked up by its id")
        }
        _ = registry.activeTenants.count
    } catch {
        precondition(!error.problems.isEmpty, "rejected without a problem")
        _ = error.description
    }
    return 0
}

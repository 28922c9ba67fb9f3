import OCMWCore

/// The v2 (English field names, cents, ISO dates) normalisers; see `fuzzDialect`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzDialect(.v2, UnsafeBufferPointer(start: data, count: size))
    return 0
}

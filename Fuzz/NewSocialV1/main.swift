import OCMWCore

/// The v1 (Dutch field names, Belgian notation) normalisers; see `fuzzDialect`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzDialect(.v1, UnsafeBufferPointer(start: data, count: size))
    return 0
}

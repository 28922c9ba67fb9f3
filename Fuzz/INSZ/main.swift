import OCMWCore

/// `INSZ(parsing:currentYear:)` on arbitrary text. The first byte picks the current year
/// (1990 + byte, so both readings of the check digits and the "not in the future" rule are
/// reached); the rest is the text, decoded as UTF-8 the way a request path is.
///
/// Beyond "never crashes", a number that parses must be canonical: 11 ASCII digits that parse
/// again to the same value, with a month of 0–12.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let currentYear = 1990 + Int(data[0])
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let insz: INSZ
    do {
        insz = try INSZ(parsing: text, currentYear: currentYear)
    } catch {
        _ = error.description
        return 0
    }
    let canonical = insz.digits.utf8
    precondition(canonical.count == 11 && canonical.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "digits not canonical")
    precondition((0...12).contains(insz.birthMonth), "birth month out of range")
    precondition(insz.birthYear <= max(currentYear, 1999), "birth year in the future")
    let again = try? INSZ(parsing: insz.digits, currentYear: currentYear)
    precondition(again == insz, "canonical digits do not parse back to the same INSZ")
    return 0
}

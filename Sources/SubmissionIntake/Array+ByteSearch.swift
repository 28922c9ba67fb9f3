extension Array where Element == UInt8 {
    /// The index where `needle` first occurs at or after `start`.
    func firstIndex(ofSequence needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, count - start >= needle.count else { return nil }
        var candidate = start
        // Jump between occurrences of the first byte; the rest is compared only there.
        while candidate <= count - needle.count, let hit = self[candidate...].firstIndex(of: first) {
            guard hit <= count - needle.count else { return nil }
            if self[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            candidate = hit + 1
        }
        return nil
    }

    /// How many trailing bytes must be held back because they could begin `needle`: the length of
    /// the longest proper suffix that is a prefix of `needle`. Content bytes that cannot start
    /// the delimiter are released at once, which makes size limits trigger at the exact byte.
    func heldBackLength(for needle: [UInt8]) -> Int {
        var length = Swift.min(needle.count - 1, count)
        while length > 0 {
            if self[(count - length)...].elementsEqual(needle[..<length]) { return length }
            length -= 1
        }
        return 0
    }
}

/// The order in which a bounded cache stored its keys, oldest first, for forgetting the oldest
/// when full and dropping the expired ones in one pass from the front.
///
/// A key stored again gets a new item with a new generation; the cache keeps the generation in
/// its entry, and items whose generation no longer matches are skipped instead of searched for,
/// which keeps every operation amortised O(1).
struct StorageOrder<Key: Hashable & Sendable>: Sendable {
    private var items: [(key: Key, generation: UInt64)] = []
    private var head = 0
    private var nextGeneration: UInt64 = 0

    /// Records `key` as the newest; its generation goes into the cache's entry.
    mutating func append(_ key: Key) -> UInt64 {
        let generation = nextGeneration
        nextGeneration += 1
        items.append((key, generation))
        return generation
    }

    /// The oldest key whose entry is still current, after skipping stale items at the front.
    mutating func oldest<Entry>(in entries: [Key: Entry], generation: (Entry) -> UInt64) -> (Key, Entry)? {
        while head < items.count {
            let item = items[head]
            if let entry = entries[item.key], generation(entry) == item.generation { return (item.key, entry) }
            head += 1
        }
        return nil
    }

    /// Drops the item `oldest` returned (the caller removed its entry).
    mutating func dropOldest() {
        head += 1
    }

    /// Keeps the items within a constant factor of the number of live entries.
    mutating func compactIfNeeded<Entry>(_ entries: [Key: Entry], generation: (Entry) -> UInt64) {
        let pending = items.count - head
        guard pending > 2 * max(entries.count, 64) || head > max(items.count / 2, 1024) else { return }
        items = items[head...].filter { item in entries[item.key].map(generation) == item.generation }
        head = 0
    }

    /// Forgets every item.
    mutating func removeAll() {
        items = []
        head = 0
    }
}

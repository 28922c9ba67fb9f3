/// A bulk import cut into transactions of a fixed number of rows, with progress after each: the
/// loop every routing store's `importRegistrations` runs around its own transaction.
package enum ChunkedImport {
    /// Feeds `registrations` to `write` in chunks of `rows`, reporting progress after each.
    /// - Parameters:
    ///   - write: Stores one chunk in one transaction; returns how many it stored.
    ///   - progress: Called after each chunk with the number stored so far and, when
    ///     `registrations` is a collection, the total.
    /// - Returns: The number stored.
    package static func run(
        _ registrations: some Sequence<RoutingRegistration>, rows: Int,
        progress: (_ imported: Int, _ total: Int?) -> Void,
        write: ([RoutingRegistration]) async throws -> Int
    ) async throws -> Int {
        let total = (registrations as? any Collection)?.count
        var imported = 0
        var chunk: [RoutingRegistration] = []
        chunk.reserveCapacity(rows)
        for registration in registrations {
            chunk.append(registration)
            if chunk.count == rows {
                imported += try await write(chunk)
                chunk.removeAll(keepingCapacity: true)
                progress(imported, total)
            }
        }
        if !chunk.isEmpty {
            imported += try await write(chunk)
            progress(imported, total)
        }
        return imported
    }
}

import Foundation
import OCMWCore

/// Times as microseconds since 1970 UTC (every outbox store writes them so).
package enum OutboxTime {
    package static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    package static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    package static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}

/// A list of strings stored as a JSON array.
package enum JSONList {
    package static func text(_ strings: [String]) throws -> String {
        JSONStringList.text(strings)
    }

    package static func strings(_ text: String) throws -> [String] {
        do { return try JSONDecoder().decode([String].self, from: Data(text.utf8)) } catch {
            throw OutboxStoreError(.corruptRow)
        }
    }
}

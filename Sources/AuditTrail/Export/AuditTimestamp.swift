import OCMWCore

import struct Foundation.Date

/// Export timestamps: ISO 8601 UTC to the microsecond, e.g. `2026-11-05T09:15:00.123456Z`.
enum AuditTimestamp {
    static func text(_ date: Date) -> String {
        let micros = AuditTime.microseconds(date)
        let perDay: Int64 = 86_400_000_000
        // Floor division, so instants before 1970 fall on the right day.
        let days = micros >= 0 ? micros / perDay : -((-micros - 1) / perDay) - 1
        let ofDay = micros - days * perDay
        let day = DayDate(daysSinceEpoch: Int(days)) ?? (days < 0 ? .earliest : .latest)
        let seconds = Int(ofDay / 1_000_000)
        let fraction = Int(ofDay % 1_000_000)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        return "\(day.iso8601)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + ".\(pad(fraction, 6))Z"
    }
}

import Foundation

/// Settings of the proxy's HTTP server and dispatch path.
public struct ProxyConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The longest a citizen request may take; each backend call gets
    /// min(tenant total timeout, what is left of this).
    public var requestDeadlineMs: Int
    /// Today's year, for reading INSZ check digits; injectable for tests.
    public var currentYear: @Sendable () -> Int

    public init(host: String = "127.0.0.1", port: Int = 8080, requestDeadlineMs: Int = 5_000,
                currentYear: @escaping @Sendable () -> Int = ProxyConfiguration.systemYear) {
        self.host = host
        self.port = port
        self.requestDeadlineMs = requestDeadlineMs
        self.currentYear = currentYear
    }

    /// The current year in UTC.
    public static let systemYear: @Sendable () -> Int = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}

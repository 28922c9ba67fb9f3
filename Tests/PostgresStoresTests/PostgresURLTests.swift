import PostgresStores
import Testing

/// Parsing `postgres://` URLs into a client configuration (no server needed).
@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test("A full URL gives host, port, user, password and database; the description hides the password")
    func full() throws {
        let url = try PostgresURL("postgres://ocmw:s%40cret@db.example:6543/ocmw_prod?sslmode=disable")
        #expect(url.configuration.host == "db.example")
        #expect(url.configuration.port == 6543)
        #expect(url.configuration.username == "ocmw")
        #expect(url.configuration.password == "s@cret")
        #expect(url.configuration.database == "ocmw_prod")
        #expect(url.description == "postgres://ocmw:***@db.example:6543/ocmw_prod?sslmode=disable")
        #expect(!String(describing: url).contains("cret"))
    }

    @Test("pool_size bounds the connections of one process; 20 without it")
    func poolSize() throws {
        #expect(try PostgresURL("postgres://u@h/db").configuration.options.maximumConnections == 20)
        let url = try PostgresURL("postgres://u:p@h/db?sslmode=disable&pool_size=8")
        #expect(url.configuration.options.maximumConnections == 8)
        #expect(url.description == "postgres://u:***@h:5432/db?sslmode=disable&pool_size=8")
    }

    @Test("The port defaults to 5432, the password is optional")
    func defaults() throws {
        let url = try PostgresURL("postgresql://ocmw@localhost/ocmw")
        #expect(url.configuration.port == 5432)
        #expect(url.configuration.password == nil)
        #expect(url.description == "postgresql://ocmw@localhost:5432/ocmw?sslmode=prefer")
    }

    @Test(
        "Incomplete or foreign URLs are refused with a reason",
        arguments: [
            ("mysql://u:p@h/db", PostgresURLError.unsupportedScheme),
            ("postgres://u:p@h:5432/", .missingDatabase),
            ("postgres://h:5432/db", .missingUser),
            ("postgres://u:p@h/db?sslmode=verify-full", .unsupportedSSLMode),
            ("postgres://u:p@h/db?pool_size=1", .badPoolSize),
            ("postgres://u:p@h/db?pool_size=many", .badPoolSize),
            ("postgres:///db", .missingHost),
        ])
    func refused(text: String, expected: PostgresURLError) {
        #expect(throws: expected) { try PostgresURL(text) }
    }
}

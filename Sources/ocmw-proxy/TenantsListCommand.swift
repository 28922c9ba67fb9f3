import ArgumentParser
import Foundation
import OCMWCore
import ProxyBootstrap

/// `ocmw-proxy tenants list [PATH]`: the tenants of a file, one line each.
struct TenantsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tenants of a tenants file: id, state, dialect, backend, name.",
        discussion: """
            The file is validated first; an invalid file lists nothing and prints its problems. \
            --state keeps only tenants in that state. --json prints an array of objects \
            (id, name, kbo, state, dialect, baseURL, auth, postalCodes).
            Exit status: 0 listed, 66 the file cannot be read, 78 it is not valid, 64 usage error.
            """
    )

    @Argument(help: "Path of the tenants file.")
    var path: String = "tenants.json"

    @Option(help: "Only tenants in this state: active, onboarding or suspended.")
    var state: TenantState?

    @Flag(help: "Print JSON instead of a table.")
    var json: Bool = false

    func run() throws {
        let registry: TenantRegistry
        do { registry = try TenantsFile.load(path: path) } catch let error as TenantsFile.LoadError {
            printToStandardError(error.description)
            throw error.status
        }
        let tenants = registry.tenants.filter { state == nil || $0.state == state }
        if json {
            print(try Self.json(tenants))
        } else {
            print(Self.table(tenants))
        }
    }

    /// A fixed-width table, columns as wide as their longest value.
    static func table(_ tenants: [Tenant]) -> String {
        let header = ["ID", "STATE", "DIALECT", "BACKEND", "NAME"]
        let rows = tenants.map { [$0.id.rawValue, $0.state.rawValue, $0.backend.dialect.rawValue, $0.backend.baseURL, $0.name] }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, value in
                column == row.count - 1 ? value : value.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private struct Listed: Encodable {
        let id, name, kbo, state, dialect, baseURL, auth: String
        let postalCodes: [String]
    }

    static func json(_ tenants: [Tenant]) throws -> String {
        let listed = tenants.map {
            Listed(
                id: $0.id.rawValue, name: $0.name, kbo: $0.kbo.description, state: $0.state.rawValue,
                dialect: $0.backend.dialect.rawValue, baseURL: $0.backend.baseURL, auth: $0.backend.auth.rawValue,
                postalCodes: $0.postalCodes)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(listed), as: UTF8.self)
    }
}

extension TenantState: ExpressibleByArgument {}

/// Writes a line to standard error: problems go there so that standard output stays parseable.
func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

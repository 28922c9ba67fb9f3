import ArgumentParser
import Foundation

/// The exit statuses of every command of `ocmw-proxy` and `ocmw-dev`: one status for one kind of
/// failure, the sysexits(3) numbers where one fits (the table is in docs/cli.md).
package enum ExitStatus {
    /// The command ran and its answer is "no": problems found, a check failed, changes to show,
    /// rows rejected.
    package static let finding = ExitCode(1)
    /// EX_USAGE: the command line does not parse (unknown option, missing argument, a value of
    /// the wrong form); the command's own usage is printed.
    package static let usage = ExitCode.validationFailure
    /// EX_DATAERR: a value given on the command line is well formed but wrong: an INSZ whose
    /// check digits fail, a tenant id the file does not have.
    package static let dataError = ExitCode(65)
    /// EX_NOINPUT: a file or store the command must read does not exist or cannot be read.
    package static let noInput = ExitCode(66)
    /// EX_UNAVAILABLE: a service the command needs cannot be reached (a database, a port).
    package static let unavailable = ExitCode(69)
    /// EX_CANTCREAT: an output file cannot be written.
    package static let cannotCreate = ExitCode(73)
    /// EX_CONFIG: the configuration is not valid: a tenants file with problems, a missing
    /// credential, `serve` without its keys or admin token.
    package static let config = ExitCode(78)
}

extension ExitStatus {
    /// Runs the start of `serve` or `demo` and ends a failure with its status: the tenants file
    /// unreadable (66) or invalid (78), and what the command line could not show (the admin
    /// token's environment variable, a retention) as configuration (78), not as usage.
    package static func starting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw failing(error.message, config)
        } catch let error as TenantsFile.LoadError {
            throw failing(error.description, error.status)
        }
    }

    /// Writes `Error: message` to standard error and returns `status`, to be thrown: the command
    /// ends with that status and without the usage (which is for a command line that does not
    /// parse).
    package static func failing(_ message: String, _ status: ExitCode) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        return status
    }
}

import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `jury` command: configuration only; each subcommand is its own type.
///
/// Exit status: 0 success, 1 invalid input, 2 usage error.
@main
struct Jury: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jury",
        abstract: "Scoring, ranking and integrity analytics for expert-judged competitions.",
        discussion: """
        Results go to stdout, diagnostics to stderr. Exit status: 0 success, \
        1 invalid input, 2 usage error.
        """,
        subcommands: [ValidateCommand.self, RankCommand.self, AuditCommand.self, StagesCommand.self, SynthCommand.self,
                      ArchiveCommand.self, TrendsCommand.self, ReportCommand.self]
    )

    /// Runs the command, mapping ArgumentParser's usage errors (EX_USAGE, 64)
    /// to exit status 2; `--help` and `--version` print and exit 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            exitWith(0)
        } catch let code as ExitCode {
            exitWith(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { Jury.exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandleOutput.standardError.write(message + "\n") }
            exitWith(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    static func exitWith(_ code: Int32) -> Never {
        FileHandleOutput.standardOutput.flush()
        FileHandleOutput.standardError.flush()
        Glibc.exit(code)
    }
}

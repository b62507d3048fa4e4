import ArgumentParser
import Foundation

/// The `jury` command: configuration only; each subcommand is its own type.
@main
struct Jury: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jury",
        abstract: "Scoring, ranking and integrity analytics for expert-judged competitions.",
        subcommands: [SynthCommand.self]
    )

    /// Runs the command line with the project's exit codes: 0 success,
    /// 1 failure, 2 usage error (ArgumentParser's own is EX_USAGE, 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import ArgumentParser

/// The `jury` command: configuration only; each subcommand is its own type.
@main
struct Jury: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jury",
        abstract: "Scoring, ranking and integrity analytics for expert-judged competitions.",
        subcommands: []
    )
}

import ArgumentParser

/// `jury archive`: the multi-year SQLite archive; configuration only.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Store competitions in a multi-year SQLite archive, and list what it holds.",
        discussion: """
        The archive is one SQLite file: every file of every archived bundle byte for byte, \
        the rows that cross-year questions need, and the analysis results. An import is one \
        transaction: it lands whole or not at all. Default file: $JURY_ARCHIVE, else \
        jury-archive.sqlite in the current directory.
        """,
        subcommands: [ArchiveAddCommand.self, ArchiveListCommand.self]
    )
}

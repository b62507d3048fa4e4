import ArgumentParser
import JuryStore

/// `jury archive list`: what the archive holds.
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the archived competitions with their versions.",
        discussion: "Competitions by year, then id; the table shows the current version of each."
    )

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Flag(help: "Also print when each version was added (the output then changes from one archive to another).")
    var addedAt = false

    func run() throws {
        let archive = try archiveOptions.open(create: false)
        let listing = try reportingArchiveErrors { try archive.listing() }
        let text = switch format {
        case .json: ArchiveListOutput.json(listing, addedAt: addedAt)
        case .csv: ArchiveListOutput.csv(listing, addedAt: addedAt)
        case .table: ArchiveListOutput.table(listing, addedAt: addedAt)
        }
        FileHandleOutput.standardOutput.write(text)
    }
}

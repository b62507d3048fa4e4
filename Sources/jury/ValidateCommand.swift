import ArgumentParser
import JuryIO

/// `jury validate <bundle>`: every problem of a bundle, compiler style.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a bundle and list every problem as file:line:column: error|warning: message.",
        discussion: "Exits 1 when there is any error; warnings alone exit 0."
    )

    @OptionGroup var options: BundleOptions

    @Flag(help: "Also print how many bytes the loaded competition holds, part by part, and the peak resident memory.")
    var memory = false

    func run() throws {
        let outcome = BundleReader.read(options.bundle)
        options.printDiagnostics(outcome.log)
        guard let competition = outcome.competition else { throw ExitCode(1) }
        let sheets = competition.sheets
        FileHandleOutput.standardError.write(
            "\(options.bundle): valid — \(competition.people.count) people, \(competition.courses.count) courses, " +
            "\(sheets.count) sheets, \(competition.votes.count) votes, \(competition.conflicts.count) declared conflicts\n")
        if memory { FileHandleOutput.standardError.write(MemoryFigures(competition).text) }
    }
}

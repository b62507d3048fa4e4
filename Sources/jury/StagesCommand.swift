import ArgumentParser
import JuryEngine
import JuryIO
import JuryStore

/// `jury stages <bundle>`: eligibility and the three-stage funnel.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Check eligibility and run the department → faculty → commission funnel.",
        discussion: """
        Each stage is decided by ballots (approval, plurality, Borda, Schulze) or by rating \
        scores (stages.<stage>.method), keeps at most `forward` entries per unit, and passes on \
        only what advanced. Ties at a cut-off line that the chain cannot break advance together \
        and are marked for the commission's decision. The pipeline stops where the data ends.
        """
    )

    @OptionGroup var options: BundleOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("An archive (jury archive add) whose earlier winners and prize recipients may not be resubmitted (9.10).",
                               valueName: "file"))
    var db: String?

    func run() throws {
        let competition = try options.load()
        var checker: EligibilityChecker?
        if let db {
            let awards = try reportingArchiveErrors {
                try Archive(path: db, create: false).earlierAwards(before: competition.year ?? Int.max)
            }
            checker = EligibilityChecker(competition: competition, earlierAwards: awards)
        }
        let pipeline = StagePipeline(competition: competition, eligibility: checker)
        let text = switch format {
        case .json: StagesOutput.json(pipeline, competition: competition)
        case .csv: StagesOutput.csv(pipeline, competition: competition)
        case .table: StagesOutput.table(pipeline, competition: competition)
        }
        FileHandleOutput.standardOutput.write(text)
    }
}

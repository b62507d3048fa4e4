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

    @OptionGroup var earlierYears: EarlierYearsOptions

    func run() throws {
        let competition = try options.load()
        let earlier = try earlierYears.load(for: competition)
        let pipeline = StagePipeline(competition: competition, eligibility: earlier?.checker(competition),
                                     earlierCoauthorships: earlier?.coauthorships ?? Coauthorships())
        let text = switch format {
        case .json: StagesOutput.json(pipeline, competition: competition)
        case .csv: StagesOutput.csv(pipeline, competition: competition)
        case .table: StagesOutput.table(pipeline, competition: competition)
        }
        FileHandleOutput.standardOutput.write(text)
    }
}

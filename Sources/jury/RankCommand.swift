import ArgumentParser
import JuryEngine
import JuryIO

/// `jury rank <bundle>`: the rating table of one stage.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the courses of one stage by rating score, with the tie-break chain.",
        discussion: """
        Ranks every course with counted sheets at the stage, ignoring eligibility and \
        advancement (see `jury stages` for those). Recused sheets (integrity.recuse) and, \
        when scoring.exclude_outliers is true, outlier sheets do not count; they are listed.
        """
    )

    @OptionGroup var options: BundleOptions

    @Option(help: "Stage to rank (default: the last stage that has sheets).")
    var stage: Stage?

    @Option(help: "Scoring method (default: scoring.method of competition.json).")
    var method: ScoringMethod?

    @Option(help: "Output format.")
    var format: OutputFormat = .table
    @OptionGroup var earlierYears: EarlierYearsOptions

    func run() throws {
        let competition = try options.load()
        let earlier = try earlierYears.load(for: competition)
        let analysis = Analysis(competition: competition, stage: stage, method: method,
                                earlierCoauthorships: earlier?.coauthorships ?? Coauthorships())
        switch format {
        case .json: RankingOutput.json(analysis, competition: competition, byteSink: { FileHandleOutput.standardOutput.write($0) })
        case .csv: RankingOutput.csv(analysis, competition: competition, byteSink: { FileHandleOutput.standardOutput.write($0) })
        case .table: FileHandleOutput.standardOutput.write(RankingOutput.table(analysis, competition: competition))
        }
        KeptUntilExit.keep((competition, analysis))
    }
}

import ArgumentParser
import JuryEngine
import JuryIO

/// `jury audit <bundle>`: reliability, outliers, rater effects and integrity.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Measure inter-rater reliability and find outlier sheets, biased experts and conflicts of interest.",
        discussion: """
        Reliability (ICC, Krippendorff's alpha, Kendall's W, Cronbach's alpha) is computed on the \
        counted sheets of the stage; outliers, rater effects and integrity findings see every sheet. \
        Thresholds are set in competition.json under `audit` and `integrity`.
        """
    )

    @OptionGroup var options: BundleOptions

    @Option(help: "Stage to audit (default: the last stage that has sheets).")
    var stage: Stage?

    @Option(help: "Output format (csv: one row per expert).")
    var format: OutputFormat = .table
    @OptionGroup var earlierYears: EarlierYearsOptions

    func run() throws {
        let competition = try options.load()
        let earlier = try earlierYears.load(for: competition)
        let analysis = Analysis(competition: competition, stage: stage, includeAudit: true,
                                earlierCoauthorships: earlier?.coauthorships ?? Coauthorships())
        switch format {
        case .json: AuditOutput.json(analysis, competition: competition, byteSink: { FileHandleOutput.standardOutput.write($0) })
        case .csv: FileHandleOutput.standardOutput.write(AuditOutput.csv(analysis, competition: competition))
        case .table: FileHandleOutput.standardOutput.write(AuditOutput.table(analysis, competition: competition))
        }
        KeptUntilExit.keep((competition, analysis))
    }
}

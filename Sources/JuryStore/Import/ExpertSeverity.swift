import JuryEngine

/// An expert's severity at one stage, as the engine's `RaterEffects` gives
/// it: the mean over the expert's sheets that have a consensus of
/// (consensus − total), positive = harsher than the other experts on the
/// same courses. The archive keeps it per stage and year to follow each
/// expert across years, with the number of sheets it averages over so that
/// stages can be pooled exactly.
public struct ExpertSeverity: Sendable, Hashable {
    public var stage: Stage
    /// Index into `Competition.people`.
    public var expert: Int32
    /// Sheets with a consensus (whose course has another sheet at the stage).
    public var sheets: Int
    public var severity: Double

    /// Every expert of the analysed stage who has a severity, by expert index:
    /// the audit's rater effects when the analysis has them, else computed.
    /// Complexity: that of `RaterEffects`, O(sheets × criteria) of the stage.
    public static func compute(competition: Competition, analysis: Analysis) -> [ExpertSeverity] {
        let table = competition.sheets
        let view = competition.stageSheets(analysis.stage)
        let consensus = Consensus(table: table, view: view)
        let effects = analysis.audit?.raters
            ?? RaterEffects(table: table, view: view, consensus: consensus, outliers: analysis.outlierRatings(of: competition),
                            rules: competition.rules)
        return effects.raters.compactMap { rater in
            guard let severity = rater.severity else { return nil }
            let sheets = view.sheets(ofExpert: Int(rater.expert)).reduce(0) { $0 + (consensus[Int($1)].isNaN ? 0 : 1) }
            return ExpertSeverity(stage: analysis.stage, expert: rater.expert, sheets: sheets, severity: severity)
        }
    }

    /// The spread of severity between experts in a year: the sample standard
    /// deviation (n − 1) of each expert's severity pooled over the stages
    /// (Σ severity · sheets / Σ sheets, the mean over all their sheets with
    /// a consensus). Nil with fewer than two experts.
    public static func spread(_ severities: [ExpertSeverity]) -> (experts: Int, sd: Double?) {
        var pooled: [Int32: (sum: Double, n: Int)] = [:]
        for s in severities {
            pooled[s.expert, default: (0, 0)].sum += s.severity * Double(s.sheets)
            pooled[s.expert, default: (0, 0)].n += s.sheets
        }
        let values = pooled.keys.sorted().map { pooled[$0]!.sum / Double(pooled[$0]!.n) }
        guard values.count >= 2 else { return (values.count, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (values.count, (ss / Double(values.count - 1)).squareRoot())
    }
}

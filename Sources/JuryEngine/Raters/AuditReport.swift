/// The rater analytics of one stage (`jury audit`): inter-rater reliability on
/// sheet totals and on each criterion, the internal consistency of the
/// criteria, outlier sheets and rater effects.
///
/// Reliability is computed on the counted sheets (recusals, and outliers when
/// `scoring.exclude_outliers`, taken out: exclusions change scores and
/// reliability only); outliers and rater effects see every sheet.
public struct AuditReport: Sendable {
    public var stage: Stage
    /// Reliability of sheet totals.
    public var total: ReliabilityReport
    /// Reliability of each criterion's scores, in the order of `Rules.criteria`.
    public var criteria: [ReliabilityReport]
    /// Cronbach's alpha of the criteria over the counted sheets.
    public var cronbachAlpha: Computed<CronbachAlpha>
    public var outliers: OutlierRatings
    public var raters: RaterEffects

    public init(competition: Competition, view: StageSheets, counted: [Bool], outliers: OutlierRatings) {
        let table = competition.sheets
        let k = table.criterionCount
        stage = view.stage
        let rows = view.rows.filter { counted[$0] }
        func ratings(_ value: (Int) -> Double) -> Ratings {
            let units = rows.map { table.course[$0] }
            let raters = rows.map { table.expert[$0] }
            let values = rows.map(value)
            // The rows come from the canonical table: one sheet per (course, expert), so this cannot fail.
            do {
                return try Ratings(unitCount: competition.courses.count, raterCount: competition.people.count,
                                   unit: units, rater: raters, value: values)
            } catch {
                preconditionFailure("a stage's sheets are unique per course and expert: \(error)")
            }
        }
        total = ReliabilityReport(ratings { table.total[$0] })
        criteria = (0..<k).map { c in ReliabilityReport(ratings { Double(table.score(row: $0, criterion: c)) }) }
        var scores: [UInt8] = []
        scores.reserveCapacity(rows.count * k)
        for r in rows { for c in 0..<k { scores.append(table.score(row: r, criterion: c)) } }
        cronbachAlpha = CronbachAlpha.compute(scores: scores, items: k)
        self.outliers = outliers
        raters = RaterEffects(table: table, view: view, consensus: Consensus(table: table, view: view),
                              outliers: outliers, rules: competition.rules)
    }
}

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

    /// The parts are independent and computed in parallel (`Concurrently`):
    /// the reliability of each variable, Cronbach's alpha, the rater effects.
    /// `consensus` is the stage's leave-one-out consensus (the caller shares
    /// it with the integrity flags).
    public init(competition: Competition, view: StageSheets, counted: [Bool], consensus: Consensus, outliers: OutlierRatings) {
        let table = competition.sheets
        let k = table.criterionCount
        stage = view.stage
        let rows = view.rows.filter { counted[$0] }
        let unitColumn = rows.map { table.course[$0] }
        let raterColumn = rows.map { table.expert[$0] }
        func ratings(_ value: (Int) -> Double) -> Ratings {
            let values = rows.map(value)
            // The rows come from the canonical table: one sheet per (course, expert), so this cannot fail.
            do {
                return try Ratings(unitCount: competition.courses.count, raterCount: competition.people.count,
                                   unit: unitColumn, rater: raterColumn, value: values)
            } catch {
                preconditionFailure("a stage's sheets are unique per course and expert: \(error)")
            }
        }
        // Every variable is rated on the same sheets: one block search serves all.
        let totals = ratings { table.total[$0] }
        let block = CompleteBlockSearch().find(in: totals)
        // Task 0: rater effects, the longest, first (`concurrentPerform`
        // starts tasks in order, so the longest does not run alone at the
        // end); 1: Cronbach's alpha, the next longest; 2: the total;
        // 3 … k + 2: each criterion.
        enum Part {
            case reliability(ReliabilityReport)
            case cronbach(Computed<CronbachAlpha>)
            case raters(RaterEffects)
        }
        let parts = Concurrently.map(k + 3) { task -> Part in
            switch task {
            case 0:
                return .raters(RaterEffects(table: table, view: view, consensus: consensus, outliers: outliers,
                                            rules: competition.rules))
            case 1:
                var scores: [UInt8] = []
                scores.reserveCapacity(rows.count * k)
                for r in rows { for c in 0..<k { scores.append(table.score(row: r, criterion: c)) } }
                return .cronbach(CronbachAlpha.compute(scores: scores, items: k))
            case 2:
                return .reliability(ReliabilityReport(totals, completeBlock: block))
            case 3...(k + 2):
                let c = task - 3
                return .reliability(ReliabilityReport(ratings { Double(table.score(row: $0, criterion: c)) },
                                                      completeBlock: block))
            default:
                preconditionFailure("task \(task) of \(k + 3)")
            }
        }
        var reports: [ReliabilityReport] = []
        var cronbach: Computed<CronbachAlpha>?
        var effects: RaterEffects?
        for part in parts {
            switch part {
            case .reliability(let r): reports.append(r)
            case .cronbach(let c): cronbach = c
            case .raters(let e): effects = e
            }
        }
        total = reports[0]
        criteria = Array(reports[1...])
        cronbachAlpha = cronbach!
        self.outliers = outliers
        raters = effects!
    }
}

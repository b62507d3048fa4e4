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

    /// The parts run in parallel (`Concurrently`) in two rounds. First the
    /// rater effects, beside the block search on the totals followed by
    /// Cronbach's alpha; then the reliability of each variable, which needs
    /// the block, so the search (0.3 s at 10 M sheets) never runs alone.
    /// `consensus` is the stage's leave-one-out consensus (the caller shares
    /// it with the integrity flags).
    /// - Parameter rowsPerRange: rows gathered by one task at least; the
    ///   report is the same for any value (the tests split finer).
    public init(competition: Competition, view: StageSheets, counted: [Bool], consensus: Consensus, outliers: OutlierRatings,
                rowsPerRange: Int = Self.rowsPerRange) {
        let table = competition.sheets
        let k = table.criterionCount
        stage = view.stage
        // The counted rows of the stage, with their courses and experts,
        // gathered in ranges on every core. When every sheet of the stage
        // counts (no recusal, no outlier excluded: the usual case), the rows
        // are the stage's own and its columns are taken as they lie (a slice
        // of a whole column shares its memory): no 4-byte row, no course,
        // expert and total gathered per sheet (160 MB at 10 M sheets).
        let stageRows = view.rows
        let split = Concurrently.ranges(stageRows.count, minimum: rowsPerRange)
        let keptCounts = Concurrently.map(split.count) { p in split[p].count { counted[stageRows.lowerBound + $0] } }
        var keptParts: [Range<Int>] = [], kept = 0
        for count in keptCounts {
            keptParts.append(kept ..< kept + count)
            kept += count
        }
        let rows = CountedRows(kept == stageRows.count ? nil : Concurrently.array(kept, parts: keptParts) { p, slots in
            var k = 0
            for i in split[p] where counted[stageRows.lowerBound + i] {
                slots.initializeElement(at: k, to: Int32(stageRows.lowerBound + i))
                k += 1
            }
        }, stage: stageRows)
        func gathered<T>(_ column: [T]) -> [T] {
            rows.isWholeStage ? Array(column[stageRows]) : Concurrently.array(rows.count, minimum: rowsPerRange) { column[rows[$0]] }
        }
        let unitColumn = gathered(table.course)
        let raterColumn = gathered(table.expert)
        /// The totals' ratings; the criteria are rated on the same sheets (`Ratings(_:values:)`).
        func totalsRatings() -> Ratings {
            // The rows come from the canonical table: one sheet per (course, expert), so this cannot fail.
            do {
                return try Ratings(unitCount: competition.courses.count, raterCount: competition.people.count,
                                   unit: unitColumn, rater: raterColumn, value: gathered(table.total))
            } catch {
                preconditionFailure("a stage's sheets are unique per course and expert: \(error)")
            }
        }
        // Round 1. Task 0: the rater effects, the longest, first
        // (`concurrentPerform` starts tasks in order); 1: the totals' ratings
        // and the block search on them (every variable is rated on the same
        // sheets: one block serves all), then Cronbach's alpha.
        enum First {
            case raters(RaterEffects)
            case totals(Ratings, Computed<CompleteBlock>, Computed<CronbachAlpha>)
        }
        let first = Concurrently.map(2) { task -> First in
            if task == 0 {
                return .raters(RaterEffects(table: table, view: view, consensus: consensus, outliers: outliers,
                                            rules: competition.rules))
            }
            let totals = totalsRatings()
            let block = CompleteBlockSearch().find(in: totals)
            let cronbach = CronbachAlpha.compute(observations: rows.count, items: k) { r, c in
                Double(table.score(row: rows[r], criterion: c))
            }
            return .totals(totals, block, cronbach)
        }
        guard case .raters(let effects) = first[0], case .totals(let totals, let block, let cronbach) = first[1] else {
            preconditionFailure("each task of round 1 returns its own kind of part")
        }
        // Round 2. Task 0: the total; 1 … k: each criterion, rated on the
        // totals' sheets (their grouping shared), its values written into an
        // array that the criterion before it on the same core used.
        let buffers = ReusedBuffers()
        let reports = Concurrently.map(k + 1) { task -> ReliabilityReport in
            guard task > 0 else { return ReliabilityReport(totals, completeBlock: block) }
            return buffers.withBuffer(count: rows.count) { values in
                values.withUnsafeMutableBufferPointer { values in
                    for i in 0..<rows.count { values[i] = Double(table.score(row: rows[i], criterion: task - 1)) }
                }
                return Self.reliability(of: totals, values: values, completeBlock: block)
            }
        }
        total = reports[0]
        criteria = Array(reports[1...])
        cronbachAlpha = cronbach
        self.outliers = outliers
        raters = effects
    }

    /// Rows gathered by one task at least, by default.
    public static let rowsPerRange = 1 << 16

    /// The report of other values on the totals' sheets; the ratings made
    /// for it are let go when it returns, so their values can be reused.
    private static func reliability(of totals: Ratings, values: [Double],
                                    completeBlock block: Computed<CompleteBlock>) -> ReliabilityReport {
        // Scores of the canonical table: one per sheet of the totals, each an integer of the scale.
        do {
            return ReliabilityReport(try Ratings(totals, values: values), completeBlock: block)
        } catch {
            preconditionFailure("a criterion is rated on the totals' sheets: \(error)")
        }
    }
}

import MemoryHints

/// The rating table of one stage: every course with counted sheets, in rank
/// order, and every sheet that did not count with its reason.
public struct StageRanking: Sendable {
    public struct Row: Sendable, Hashable {
        public var entry: RankedEntry
        public var score: CourseScore
    }

    /// The rows in rank order, each made when read from the ranking's entry
    /// and the course's score. They are not stored: at two million courses
    /// the pairs would take 208 MB beside the entries and scores they copy.
    public struct Rows: RandomAccessCollection, Sendable, Equatable {
        /// The ranking's entries, in rank order.
        public let entries: [RankedEntry]
        let scores: [CourseScore]
        /// Position in `scores` by course index (-1 for a course without a score).
        let scoreIndex: [Int32]

        public var startIndex: Int { 0 }
        public var endIndex: Int { entries.count }

        public subscript(position: Int) -> Row {
            let entry = entries[position]
            return Row(entry: entry, score: scores[Int(scoreIndex[Int(entry.course)])])
        }

        public static func == (a: Rows, b: Rows) -> Bool { a.elementsEqual(b) }

        /// Starts loading the score of the row at `position` into the cache
        /// (scores are in course order, rows in rank order). Its score index
        /// entry should be loaded already (`prefetchScoreIndex`). A hint only.
        public func prefetchScore(_ position: Int) {
            guard position < entries.count else { return }
            let s = Int(scoreIndex[Int(entries[position].course)])
            guard s >= 0 else { return }
            scores.withUnsafeBufferPointer { memory_hints_prefetch($0.baseAddress.map { $0 + s }) }
        }

        /// Starts loading the score index entry of the row at `position`, ahead of `prefetchScore`. A hint only.
        public func prefetchScoreIndex(_ position: Int) {
            guard position < entries.count else { return }
            scoreIndex.withUnsafeBufferPointer { memory_hints_prefetch($0.baseAddress.map { $0 + Int(entries[position].course) }) }
        }
    }

    public var stage: Stage
    public var method: ScoringMethod
    public var rows: Rows
    /// By row of the sheet table.
    public var excluded: [Exclusion]
}

/// Everything Jury computes for a competition at one stage. Every output
/// (table, CSV, JSON, HTML, archive) renders an `Analysis`; none recomputes
/// statistics.
public struct Analysis: Sendable {
    public var stage: Stage
    public var ranking: StageRanking
    /// Declared and structural conflicts of every sheet of the stage.
    public var conflicts: StructuralConflicts
    /// Outlier assessment of every sheet of the stage: computed with the
    /// audit, when `scoring.exclude_outliers` needs it, or when asked for
    /// (`includeOutliers`); nil otherwise. A ranking without either does not
    /// pay for it (at 10 M sheets, a second of CPU time and 20 bytes a sheet).
    public var outliers: OutlierRatings?
    /// Reliability, outliers and rater effects; computed when asked for.
    public var audit: AuditReport?
    /// Integrity flags of the stage: conflicts, favouritism, reciprocity and
    /// rings, self-votes; computed with the audit.
    public var integrity: IntegrityAnalysis?

    /// Scores and ranks one stage.
    ///
    /// Exclusions: sheets recused for a conflict (`integrity.recuse`, and
    /// every self-review) never count; outlier sheets leave the score only
    /// when `scoring.exclude_outliers` is true. The detectors see every sheet.
    /// - Parameters:
    ///   - stage: nil = the last stage that has sheets (department if none has).
    ///   - method: nil = `scoring.method` of the rules.
    ///   - restrictedTo: rank only these courses (the candidates of a unit); nil = every course.
    ///   - includeAudit: also compute the `audit` (reliability and rater
    ///     effects) and the `integrity` flags; implies `includeOutliers`.
    ///   - includeOutliers: compute `outliers` even when neither the audit
    ///     nor `scoring.exclude_outliers` needs them.
    ///   - earlierCoauthorships: co-authorships of earlier years (the archive),
    ///     the `earlier_coauthor` conflict; empty by default.
    public init(competition: Competition, stage: Stage? = nil, method: ScoringMethod? = nil,
                restrictedTo candidates: Set<Int32>? = nil, includeAudit: Bool = false, includeOutliers: Bool = false,
                earlierCoauthorships: Coauthorships = Coauthorships()) {
        let stage = stage ?? competition.sheets.lastStageWithSheets ?? .department
        let rules = competition.rules
        let table = competition.sheets
        let view = competition.stageSheets(stage)
        // Independent parts run in parallel (`Concurrently`) and are joined in
        // a fixed order: the same bundle gives the same analysis on any cores.
        let needsOutliers = includeAudit || includeOutliers || rules.scoring.excludeOutliers
        let findConflicts = { StructuralConflicts(competition: competition, view: view, earlierCoauthorships: earlierCoauthorships) }
        let assessOutliers = { needsOutliers ? OutlierRatings(table: table, view: view, rules: rules) : nil }
        let method = method ?? rules.scoring.method
        let score = { (conflicts: StructuralConflicts, outliers: OutlierRatings?) in
            Scored(competition: competition, view: view, method: method, restrictedTo: candidates,
                   conflicts: conflicts, outliers: outliers)
        }
        let conflicts: StructuralConflicts, outliers: OutlierRatings?, scored: Scored
        if rules.scoring.excludeOutliers {
            (conflicts, outliers) = Concurrently.run(findConflicts, assessOutliers)
            scored = score(conflicts, outliers)
        } else if !needsOutliers {
            // Each on every core inside (a `Concurrently` call nested in
            // another one would run serially).
            conflicts = findConflicts()
            scored = score(conflicts, nil)
            outliers = nil
        } else {
            // The score does not wait for the outliers (a second of CPU time
            // at 10 M sheets): it is computed beside them.
            ((conflicts, scored), outliers) = Concurrently.run({
                let conflicts = findConflicts()
                return (conflicts, score(conflicts, nil))
            }, assessOutliers)
        }
        if includeAudit, let outliers {
            // One after the other, each on every core inside: `Concurrently`
            // calls nested in another one run serially (libdispatch).
            let consensus = Consensus(table: table, view: view)
            self.audit = AuditReport(competition: competition, view: view, counted: scored.counted, consensus: consensus,
                                     outliers: outliers)
            self.integrity = IntegrityAnalysis(competition: competition, view: view, consensus: consensus, conflicts: conflicts)
        } else {
            self.audit = nil
            self.integrity = nil
        }
        self.stage = stage
        self.ranking = StageRanking(stage: stage, method: method, rows: scored.rows, excluded: scored.excluded)
        self.conflicts = conflicts
        self.outliers = outliers
        self.criterionMeans = scored.criterionMeans
    }

    /// The scores and ranking of a stage, from its conflicts and, when
    /// `scoring.exclude_outliers` leaves them out, its outliers.
    private struct Scored {
        /// Recused sheets (and outliers left out), by row.
        var excluded: [Exclusion]
        /// Whether each sheet of the table counts (true outside the stage too).
        var counted: [Bool]
        var criterionMeans: CriterionMeans
        var rows: StageRanking.Rows

        init(competition: Competition, view: StageSheets, method: ScoringMethod, restrictedTo candidates: Set<Int32>?,
             conflicts: StructuralConflicts, outliers: OutlierRatings?) {
            let rules = competition.rules
            let table = competition.sheets
            var excluded = conflicts.recusals(recuse: rules.integrity.recuse, table: table)
            if rules.scoring.excludeOutliers, let outliers {
                let recused = Set(excluded.map(\.row))
                for o in outliers.outliers where !recused.contains(o.row) {
                    excluded.append(Exclusion(row: o.row, expert: table.expert[Int(o.row)], course: table.course[Int(o.row)],
                                              reason: "outlier", detail: "robust z \(o.robustZ)"))
                }
                excluded.sort { $0.row < $1.row }
            }
            var counted = [Bool](repeating: true, count: table.count)
            for x in excluded { counted[Int(x.row)] = false }
            let criterionMeans = CriterionMeans(table: table, view: view, counted: counted)
            var scores = RatingScores.compute(table: table, view: view, method: method, counted: counted)
            if let candidates { scores.removeAll { !candidates.contains($0.course) } }
            let rankingCandidates = Concurrently.array(scores.count, minimum: RatingScores.coursesPerRange) { i in
                Ranking.Candidate(course: scores[i].course, score: scores[i].score, sheets: scores[i])
            }
            let entries = Ranking.rank(consume rankingCandidates, ids: competition.courses.ids, chain: rules.scoring.tieBreak,
                                       seed: rules.seed, criterionMean: criterionMeans.mean)
            let scoreIndex = RatingScores.positions(of: scores, courseCount: competition.courses.count)
            self.excluded = excluded
            self.counted = counted
            self.criterionMeans = criterionMeans
            self.rows = StageRanking.Rows(entries: entries, scores: scores, scoreIndex: scoreIndex)
        }
    }

    /// `outliers`, or the assessment made now for an analysis made without
    /// it (what the report and the archive need either way).
    public func outlierRatings(of competition: Competition) -> OutlierRatings {
        outliers ?? OutlierRatings(table: competition.sheets, view: competition.stageSheets(stage), rules: competition.rules)
    }

    /// Mean score of counted sheets per course and criterion, on demand.
    public let criterionMeans: CriterionMeans

    /// The mean of one criterion over a course's counted sheets at the stage (0 without any).
    public func criterionMean(_ course: Int32, _ criterion: Int) -> Double {
        criterionMeans.mean(course, criterion)
    }
}

/// Mean criterion scores of a course's counted sheets at one stage, computed
/// when asked (only tied entries and report pages ask).
public struct CriterionMeans: Sendable {
    let table: SheetTable
    let view: StageSheets
    let counted: [Bool]

    /// Mean score on criterion `criterion` over the counted sheets of `course`; 0 without any.
    public func mean(_ course: Int32, _ criterion: Int) -> Double {
        var sum = 0.0, n = 0
        for r in view.sheets(ofCourse: Int(course)) where counted[r] {
            sum += Double(table.score(row: r, criterion: criterion))
            n += 1
        }
        return n > 0 ? sum / Double(n) : 0
    }
}

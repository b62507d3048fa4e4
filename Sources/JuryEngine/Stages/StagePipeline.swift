/// The three-stage competition (regulation 9.5): each department forwards up
/// to `stages.department.forward` courses (9.5.1), each faculty's expert
/// commission `stages.faculty.forward` (9.5.2), and the university commission
/// ranks the finalists by rating score and names the winner and the prize
/// places (9.5.3, 12.3).
///
/// - Eligibility is decided before stage 1: a course failing a disqualifying
///   check is no candidate anywhere, and the next course moves up.
/// - A unit is decided by ballots (approval, plurality, Borda, Schulze) or by
///   rating scores (`method: score`, from the stage's sheets, with recusals as
///   in `Analysis`). Its order is broken by the tie-break chain: the sheet
///   rules are skipped in a unit decided by ballots, so only `lot` applies
///   there.
/// - A unit keeps at most `forward` entries. Entries tied across the cut-off
///   line after the whole chain all advance and are listed as `undecided`:
///   the commission must decide (`decisions.csv`: `advance` / `exclude`).
/// - `decisions.csv`: `disqualify` (9.11) removes a course from that stage on;
///   `advance` and `exclude` override the cut-off in their unit; `place:N`
///   fixes a course's place at the commission stage.
/// - Self-votes (a voter voting for a course they author) are left out of the
///   tally when `integrity.exclude_self_votes` is true (the default).
/// - A bundle may hold only the stages held so far: the pipeline stops at the
///   first stage without ballots or sheets and names it as the next stage.
public struct StagePipeline: Sendable {
    /// One place in a unit's order.
    public struct Place: Sendable, Hashable {
        public var course: Int32
        public var rank: Int
        /// Votes, points, Schulze wins or rating score.
        public var tally: Double
        public var tieBreak: String?
    }

    /// The outcome of one unit (a department, a faculty, or `all`).
    public struct UnitOutcome: Sendable, Hashable {
        public var stage: Stage
        public var unit: String
        public var method: StageMethod
        /// Every candidate of the unit in final order.
        public var order: [Place]
        public var advanced: [Int32]
        /// Entries tied across the cut-off line, advanced pending a decision.
        public var undecided: [Int32]
        /// Ballots counted (voting units).
        public var ballots: Int
        /// Votes left out of the tally because the voter authors the course.
        public var selfVotes: [SelfVote]
    }

    public struct SelfVote: Sendable, Hashable {
        public var voter: Int32
        public var course: Int32
    }

    public struct Winner: Sendable, Hashable {
        public var place: Int
        public var course: Int32
        public var score: Double
    }

    /// Kendall's tau-b between consecutive stages on the entries both ordered,
    /// pooled over the later stage's units (the tallies of the two stages are
    /// compared within each unit).
    public struct Agreement: Sendable, Hashable {
        public var from: Stage
        public var to: Stage
        public var tau: Double?
        public var n: Int
    }

    public private(set) var eligibility: [EligibilityResult]
    public private(set) var units: [UnitOutcome] = []
    public private(set) var winners: [Winner] = []
    /// The stage the data ends before (nil when the commission stage was decided).
    public private(set) var nextStage: Stage?
    public private(set) var agreement: [Agreement] = []

    /// - Parameter earlierCoauthorships: co-authorships of earlier years (the
    ///   archive): sheets with an `earlier_coauthor` conflict leave the scores
    ///   when `integrity.recuse` names that kind.
    public init(competition: Competition, eligibility checker: EligibilityChecker? = nil,
                earlierCoauthorships: Coauthorships = Coauthorships()) {
        let checker = checker ?? EligibilityChecker(competition: competition)
        eligibility = checker.check(competition)
        let rules = competition.rules
        let courses = competition.courses
        var candidates = Set((0..<courses.count).filter { eligibility[$0].eligible }.map { Int32($0) })

        for stage in Stage.allCases {
            let rule = rules.stages[stage]
            for d in competition.decisions where d.stage == stage && d.kind == .disqualify {
                candidates.remove(d.course)
            }
            guard hasData(competition, stage: stage, method: rule.method) else {
                nextStage = stage
                break
            }
            let grouped = Dictionary(grouping: candidates) { c -> String in
                switch stage {
                case .department: courses.department(Int(c))
                case .faculty: courses.faculty(Int(c))
                case .commission: "all"
                }
            }
            var advancing = Set<Int32>()
            for unit in grouped.keys.sorted() {
                let unitCandidates = grouped[unit, default: []].sorted()
                let outcome = Self.decide(competition, stage: stage, unit: unit, candidates: unitCandidates, rule: rule,
                                          earlierCoauthorships: earlierCoauthorships)
                units.append(outcome)
                advancing.formUnion(outcome.advanced)
            }
            if stage == .commission {
                winners = Self.winners(competition, outcome: units.last { $0.stage == .commission }, prizes: rule.prizes ?? 3)
            }
            candidates = advancing
        }
        agreement = Self.agreement(units)
    }

    /// Whether the bundle holds what the stage is decided by.
    func hasData(_ competition: Competition, stage: Stage, method: StageMethod) -> Bool {
        if method.usesVotes {
            return competition.votes.stage.contains(stage)
        }
        return !competition.sheets.rows(in: stage).isEmpty
    }

    static func decide(_ competition: Competition, stage: Stage, unit: String, candidates: [Int32],
                       rule: StageRule, earlierCoauthorships: Coauthorships = Coauthorships()) -> UnitOutcome {
        let rules = competition.rules
        var candidateList: [Ranking.Candidate] = []
        var ballots = 0
        var selfVotes: [SelfVote] = []
        var criterionMean: (Int32, Int) -> Double = { _, _ in 0 }
        var chain = rules.scoring.tieBreak
        var reportedTally: [Int32: Double] = [:]
        if let method = VotingMethod(rule.method) {
            var votes = competition.votes
            if rules.integrity.excludeSelfVotes {
                var kept = VoteTable()
                for r in 0..<votes.count {
                    let course = votes.course[r], voter = votes.voter[r]
                    if votes.stage[r] == stage && votes.unit[r] == unit && competition.courses.authors(Int(course)).contains(voter) {
                        selfVotes.append(SelfVote(voter: voter, course: course))
                        continue
                    }
                    kept.append(stage: votes.stage[r], unit: votes.unit[r], voter: voter, course: course, rank: votes.rank[r])
                }
                votes = kept
            }
            let (box, _) = BallotBox.collect(from: votes, stage: stage, unit: unit, candidates: candidates)
            let tally = method.tally(box)
            ballots = tally.ballotCount
            // The method's own order ranks; for Schulze the number of candidates
            // beaten does not always follow the strongest-path order, so the
            // order's tie group is the key there.
            var group = [Int](repeating: 0, count: tally.candidates.count)
            for (g, members) in tally.order.enumerated() { for m in members { group[m] = g } }
            for (i, c) in tally.candidates.enumerated() {
                let key = method == .schulze ? Double(tally.order.count - group[i]) : tally.tally[i]
                candidateList.append(Ranking.Candidate(course: c, score: key, sheets: nil))
                reportedTally[c] = tally.tally[i]
            }
            chain = chain.filter { !$0.usesSheets }
        } else {
            let analysis = Analysis(competition: competition, stage: stage, restrictedTo: Set(candidates),
                                    earlierCoauthorships: earlierCoauthorships)
            var scored = Set<Int32>()
            for row in analysis.ranking.rows {
                scored.insert(row.score.course)
                candidateList.append(Ranking.Candidate(course: row.score.course, score: row.score.score, sheets: row.score))
            }
            // A candidate without a counted sheet scores nothing and comes last.
            for c in candidates where !scored.contains(c) {
                candidateList.append(Ranking.Candidate(course: c, score: -.infinity,
                                                       sheets: CourseScore(course: c, sheets: 0, score: -.infinity, mean: .nan,
                                                                           median: -.infinity, min: -.infinity, max: -.infinity)))
            }
            criterionMean = analysis.criterionMean
        }
        let entries = Ranking.rank(candidateList, ids: competition.courses.ids, chain: chain, seed: rules.seed,
                                   criterionMean: criterionMean)
        var tallyOf = Dictionary(uniqueKeysWithValues: candidateList.map { ($0.course, $0.score) })
        tallyOf.merge(reportedTally) { _, reported in reported }
        let order = entries.map { Place(course: $0.course, rank: $0.rank, tally: tallyOf[$0.course] ?? 0, tieBreak: $0.tieBreak) }

        var advanced: [Int32] = []
        var undecided: [Int32] = []
        if let forward = rule.forward {
            // Everyone ranked within the line advances; a tie across the line advances whole.
            let lastRank = order.count >= forward ? order[forward - 1].rank : Int.max
            for p in order where p.rank <= forward || p.rank == lastRank { advanced.append(p.course) }
            if advanced.count > forward {
                undecided = order.filter { $0.rank == lastRank }.map(\.course)
            }
        } else {
            advanced = order.map(\.course)
        }
        for d in competition.decisions where d.stage == stage && d.unit == unit {
            switch d.kind {
            case .advance:
                if !advanced.contains(d.course) && candidates.contains(d.course) { advanced.append(d.course) }
                undecided.removeAll { $0 == d.course }
            case .exclude:
                advanced.removeAll { $0 == d.course }
                undecided.removeAll { $0 == d.course }
            default:
                break
            }
        }
        if let forward = rule.forward, advanced.count <= forward, !undecided.isEmpty {
            undecided = []
        }
        return UnitOutcome(stage: stage, unit: unit, method: rule.method, order: order, advanced: advanced,
                           undecided: undecided, ballots: ballots, selfVotes: selfVotes)
    }

    /// The winner and prize places (12.3): the commission order's first
    /// `prizes` places; entries sharing a rank share the place. A `place:N`
    /// decision fixes a course's place.
    static func winners(_ competition: Competition, outcome: UnitOutcome?, prizes: Int) -> [Winner] {
        guard let outcome else { return [] }
        var placed: [Int32: Int] = [:]
        for d in competition.decisions where d.stage == .commission {
            if case .place(let n) = d.kind { placed[d.course] = n }
        }
        var out: [Winner] = []
        for p in outcome.order where p.tally.isFinite {
            let place = placed[p.course] ?? p.rank
            if place <= prizes { out.append(Winner(place: place, course: p.course, score: p.tally)) }
        }
        return out.sorted { ($0.place, competition.courses.ids[Int($0.course)]) < ($1.place, competition.courses.ids[Int($1.course)]) }
    }

    static func agreement(_ units: [UnitOutcome]) -> [Agreement] {
        var out: [Agreement] = []
        for (from, to) in [(Stage.department, Stage.faculty), (.faculty, .commission)] {
            var earlier: [Int32: Double] = [:]
            for u in units where u.stage == from {
                for p in u.order { earlier[p.course] = p.tally }
            }
            var parts: [KendallTau] = []
            for u in units where u.stage == to {
                let common = u.order.filter { earlier[$0.course] != nil && $0.tally.isFinite }
                guard common.count >= 2 else { continue }
                parts.append(KendallTau(common.map { earlier[$0.course] ?? 0 }, common.map(\.tally)))
            }
            guard !parts.isEmpty else { continue }
            let pooled = KendallTau.pooled(parts)
            out.append(Agreement(from: from, to: to, tau: pooled.tauB, n: pooled.n))
        }
        return out
    }
}

import JuryEngine

/// What the archive keeps about one competition besides its rows: the counts,
/// the finalists and winners by faculty, the sheets that did not count by
/// reason, and the experts' severities. Computed once, when a bundle is
/// archived, from the competition and its analyses.
///
/// Finalists are the courses ranked at the commission stage (they have counted
/// sheets there); winners are those whose commission rank is at most
/// `stages.commission.prizes` (the winner and the prize places, 12.3). The
/// commission's decisions (`place:N`, 9.11 disqualifications) and eligibility
/// are not applied: these are the rating table's places, as `jury rank` gives
/// them.
public struct YearSummary: Sendable, Hashable {
    public struct Faculty: Sendable, Hashable {
        public var faculty: String
        public var submissions: Int
        public var finalists: Int
        public var winners: Int
    }

    public struct ExclusionCount: Sendable, Hashable {
        public var stage: Stage
        public var reason: String
        public var sheets: Int
    }

    public var people: Int
    /// People with at least one sheet.
    public var experts: Int
    /// People who author at least one course.
    public var authors: Int
    public var courses: Int
    public var sheets: Int
    public var sheetsByStage: [Stage: Int]
    public var votes: Int
    public var declaredConflicts: Int
    public var decisions: Int
    public var prizes: Int?
    /// Course indices ranked at the commission stage, in rank order.
    public var finalists: [Int32]
    /// Course indices placed within the prizes, in rank order.
    public var winners: [Int32]
    /// By faculty name in UTF-8 byte order; every faculty with a submission.
    public var faculties: [Faculty]
    /// By stage, then reason.
    public var exclusions: [ExclusionCount]
    /// By stage, then expert index.
    public var severities: [ExpertSeverity]
    public var severityExperts: Int
    public var severitySD: Double?

    /// - Parameter analyses: one per stage that has sheets.
    public init(competition: Competition, analyses: [Analysis]) {
        let table = competition.sheets
        people = competition.people.count
        courses = competition.courses.count
        sheets = table.count
        var byStage: [Stage: Int] = [:]
        for s in Stage.allCases { byStage[s] = table.rows(in: s).count }
        sheetsByStage = byStage
        experts = Set(table.expert).count
        authors = Set(competition.courses.authorList).count
        votes = competition.votes.count
        declaredConflicts = competition.conflicts.count
        decisions = competition.decisions.count
        prizes = competition.rules.stages.commission.prizes
        let final = analyses.first { $0.stage == .commission }.map { Array($0.ranking.rows) } ?? []
        finalists = final.map(\.entry.course)
        let prizes = self.prizes ?? 0
        winners = final.filter { $0.entry.rank <= prizes }.map(\.entry.course)
        var rows: [String: Faculty] = [:]
        for c in competition.courses.indices {
            let faculty = competition.courses.faculty(c)
            rows[faculty, default: Faculty(faculty: faculty, submissions: 0, finalists: 0, winners: 0)].submissions += 1
        }
        for c in finalists { rows[competition.courses.faculty(Int(c))]!.finalists += 1 }
        for c in winners { rows[competition.courses.faculty(Int(c))]!.winners += 1 }
        faculties = rows.values.sorted { $0.faculty.utf8.lexicographicallyPrecedes($1.faculty.utf8) }
        var exclusions: [ExclusionCount] = []
        for a in analyses {
            var counts: [String: Int] = [:]
            for x in a.ranking.excluded { counts[x.reason, default: 0] += 1 }
            for reason in counts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                exclusions.append(ExclusionCount(stage: a.stage, reason: reason, sheets: counts[reason]!))
            }
        }
        self.exclusions = exclusions
        severities = analyses.flatMap { ExpertSeverity.compute(competition: competition, analysis: $0) }
        (severityExperts, severitySD) = ExpertSeverity.spread(severities)
    }
}

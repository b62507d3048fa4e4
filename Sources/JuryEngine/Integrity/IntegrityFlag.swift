/// One integrity finding (`integrity[]` in `jury audit`) with the evidence a
/// commission needs to act on it.
///
/// People and courses are indices into `Competition.people` and
/// `Competition.courses`; the I/O layer prints their ids. The JSON keys are
/// exactly `kind, severity, experts, moocs, authors, effect, p_value,
/// q_value, recused, evidence`, with null for a value that does not apply.
///
/// What each kind fills in:
///
/// | kind | experts | moocs | authors | effect | p, q | recused |
/// |---|---|---|---|---|---|---|
/// | conflicts (`declared`, `self_review`, `same_department`, `same_faculty`, `coauthor`, `earlier_coauthor`) | the expert | the course | its authors | total − consensus | null | the kind recuses under `integrity.recuse` |
/// | `favouritism` | the expert | the group's courses they rated | the author (author groups) | mean excess in − out | permutation p, BH q | false |
/// | `reciprocity`, `ring` | the experts in cycle order | the courses of every edge | the same people (as authors) | the weakest edge's effect | the largest edge p; q null | false |
/// | `self_vote` | the voter | the course | its authors | null | null | the vote leaves the tally |
public struct IntegrityFlag: Sendable, Hashable, Codable {
    public var kind: IntegrityKind
    public var severity: IntegritySeverity
    /// The experts (or the voter) whose conduct is flagged.
    public var experts: [Int32]
    /// The courses concerned, ascending (in edge order for reciprocity and rings).
    public var moocs: [Int32]
    public var authors: [Int32]
    /// In points of the sheet total; see the table above.
    public var effect: Double?
    public var pValue: Double?
    public var qValue: Double?
    public var recused: Bool
    public var evidence: IntegrityEvidence

    public init(kind: IntegrityKind, severity: IntegritySeverity, experts: [Int32], moocs: [Int32], authors: [Int32],
                effect: Double? = nil, pValue: Double? = nil, qValue: Double? = nil, recused: Bool = false,
                evidence: IntegrityEvidence) {
        self.kind = kind
        self.severity = severity
        self.experts = experts
        self.moocs = moocs
        self.authors = authors
        self.effect = effect
        self.pValue = pValue
        self.qValue = qValue
        self.recused = recused
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case kind, severity, experts, moocs, authors, effect
        case pValue = "p_value"
        case qValue = "q_value"
        case recused, evidence
    }

    // Written by hand so that a missing value is an explicit null, not an absent key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(experts, forKey: .experts)
        try c.encode(moocs, forKey: .moocs)
        try c.encode(authors, forKey: .authors)
        try c.encode(effect, forKey: .effect)
        try c.encode(pValue, forKey: .pValue)
        try c.encode(qValue, forKey: .qValue)
        try c.encode(recused, forKey: .recused)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// How urgently a commission should look at a flag.
///
/// - `high`: a rule was broken or scores were bent materially — a sheet
///   despite a declared conflict, a self-review, reciprocity, a ring, a
///   favouritism effect of at least twice the minimum effect, a self-vote
///   that counts in the tally;
/// - `medium`: a close tie that the regulation tolerates but a commission
///   should see — same department, co-authorship (this year or an earlier one), favouritism between the
///   minimum effect and twice it, a self-vote already left out of the tally;
/// - `low`: a distant tie — same faculty.
public enum IntegritySeverity: String, Sendable, Hashable, Codable, CaseIterable {
    case high, medium, low

    /// The severity of a conflict-of-interest flag of the given kind. The
    /// behavioural kinds and self-votes are graded by their detectors; asked
    /// here, they are `high`, their most serious grade.
    public static func ofConflict(_ kind: IntegrityKind) -> IntegritySeverity {
        switch kind {
        case .declared, .selfReview: .high
        case .sameDepartment, .coauthor, .earlierCoauthor: .medium
        case .sameFaculty: .low
        case .favouritism, .reciprocity, .ring, .selfVote: .high
        }
    }
}

/// The evidence behind a flag, one case per family of kinds.
///
/// An enum rather than a struct of optional parts: a stage can have a
/// conflict flag on every tenth sheet (a million at 10 million sheets), and
/// a conflict's evidence then lives inline in the flag, with the larger
/// favouritism evidence boxed (measured: 261 bytes per flag as a struct).
public enum IntegrityEvidence: Sendable, Hashable, Codable {
    /// A conflicted sheet; a declared conflict adds the reasons given in
    /// `conflicts.csv`, an earlier co-authorship the courses written together.
    case conflict(sheet: FlaggedSheet, reasons: [String]?)
    /// A favouritism test and the group's sheets.
    indirect case favouritism(FavouritismEvidence, sheets: [FlaggedSheet])
    /// Reciprocity and rings: every edge, in cycle order.
    case cycle(edges: [FavourEdge])
    /// A self-vote's ballot.
    case vote(VoteEvidence)

    /// The sheets behind the flag: the conflicted sheet, the group's sheets,
    /// or the sheets of every edge; none for a self-vote.
    public var sheets: [FlaggedSheet] {
        switch self {
        case .conflict(let sheet, _): [sheet]
        case .favouritism(_, let sheets): sheets
        case .cycle(let edges): edges.flatMap(\.sheets)
        case .vote: []
        }
    }

    public var favouritism: FavouritismEvidence? {
        if case .favouritism(let f, _) = self { f } else { nil }
    }

    public var edges: [FavourEdge]? {
        if case .cycle(let edges) = self { edges } else { nil }
    }

    public var reasons: [String]? {
        if case .conflict(_, let reasons) = self { reasons } else { nil }
    }

    public var vote: VoteEvidence? {
        if case .vote(let v) = self { v } else { nil }
    }
}

/// One evaluation sheet as evidence.
public struct FlaggedSheet: Sendable, Hashable, Codable {
    /// Row in `Competition.sheets`.
    public var row: Int32
    public var expert: Int32
    public var course: Int32
    public var total: Double
    /// The leave-one-out consensus (`Consensus`); nil when the course has no other sheet.
    public var consensus: Double?

    public init(row: Int32, expert: Int32, course: Int32, total: Double, consensus: Double?) {
        self.row = row
        self.expert = expert
        self.course = course
        self.total = total
        self.consensus = consensus
    }

    /// The sheet's excess over its consensus, total − consensus.
    public var excess: Double? { consensus.map { total - $0 } }
}

/// A group of courses an expert may favour: a faculty, a department, or the
/// courses of one author.
public struct FavouredGroup: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case faculty, department, author
    }

    public var kind: Kind
    /// The faculty or department as written in `moocs.csv`; nil for an author.
    public var name: String?
    /// Index into `Competition.people` for an author; nil otherwise.
    public var person: Int32?

    public static func faculty(_ name: String) -> FavouredGroup { FavouredGroup(kind: .faculty, name: name, person: nil) }
    public static func department(_ name: String) -> FavouredGroup { FavouredGroup(kind: .department, name: name, person: nil) }
    public static func author(_ person: Int32) -> FavouredGroup { FavouredGroup(kind: .author, name: nil, person: person) }

    public static func < (l: FavouredGroup, r: FavouredGroup) -> Bool {
        let lk = Kind.allCases.firstIndex(of: l.kind) ?? 0, rk = Kind.allCases.firstIndex(of: r.kind) ?? 0
        if lk != rk { return lk < rk }
        if l.name != r.name { return (l.name ?? "") < (r.name ?? "") }
        return (l.person ?? -1) < (r.person ?? -1)
    }
}

/// The test behind a favouritism flag (see `FavouritismTests`).
public struct FavouritismEvidence: Sendable, Hashable, Codable {
    public var group: FavouredGroup
    /// Sheets with a consensus in the group (n) and outside it.
    public var groupSheets: Int
    public var otherSheets: Int
    /// Mean excess (total − consensus) in the group and outside it; effect = the difference.
    public var groupMeanExcess: Double
    public var otherMeanExcess: Double
    /// 95 % Welch interval of the effect; nil when either side has no spread.
    public var ciLow: Double?
    public var ciHigh: Double?
    /// How the p-value was obtained and with how many relabellings.
    public var test: PermutationTest.Outcome

    enum CodingKeys: String, CodingKey {
        case group
        case groupSheets = "group_sheets"
        case otherSheets = "other_sheets"
        case groupMeanExcess = "group_mean_excess"
        case otherMeanExcess = "other_mean_excess"
        case ciLow = "ci_low"
        case ciHigh = "ci_high"
        case test
    }
}

/// One edge A → B of the favours graph: expert A scores the courses of
/// author B above A's own leniency (see `FavourEdges` for the two rules).
public struct FavourEdge: Sendable, Hashable, Codable {
    /// The expert (index into `Competition.people`).
    public var from: Int32
    /// The author favoured.
    public var to: Int32
    /// The rule that made the edge.
    public var rule: Rule
    /// Effect in total points: mean excess on B's courses minus A's mean excess elsewhere.
    public var effect: Double
    /// Small-group rule: effect / (robust sd · √(1/n + 1/(N − n))); nil for the group test.
    public var z: Double?
    /// One-sided permutation p of the effect (exact or sequential Monte Carlo).
    public var pValue: Double
    /// Group test: the Benjamini–Hochberg q; nil for the small-group rule (not in the family).
    public var qValue: Double?
    /// A's sheets on B's courses.
    public var sheets: [FlaggedSheet]

    public enum Rule: String, Sendable, Hashable, Codable {
        /// A significant favouritism test of the author group (enough sheets).
        case groupTest = "group_test"
        /// Fewer sheets than a test needs: the robust z rule.
        case smallGroup = "small_group"
    }

    enum CodingKeys: String, CodingKey {
        case from, to, rule, effect, z
        case pValue = "p_value"
        case qValue = "q_value"
        case sheets
    }
}

/// The ballot behind a self-vote flag.
public struct VoteEvidence: Sendable, Hashable, Codable {
    /// Row in `Competition.votes`.
    public var row: Int32
    public var unit: String
    public var rank: Int32?
}

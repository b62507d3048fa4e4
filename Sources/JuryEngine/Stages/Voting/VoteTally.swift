/// The result of one voting method in one unit: a tally per candidate, the
/// order with its ties, and the evidence the minutes print.
///
/// Ties are not broken here: candidates sharing a group of `order` are tied,
/// and the caller applies the tie-break chain (in a unit decided by votes only
/// `lot`, the sheet-based rules are skipped) or a commission decision.
public struct VoteTally: Sendable, Hashable, Codable {
    public var method: VotingMethod
    /// The unit's candidates (indices into `Competition.courses`); every other
    /// array here is indexed by position in this one.
    public var candidates: [Int32]
    /// Number of ballots read.
    public var ballotCount: Int
    /// Per candidate: approvals (approval), first preferences (plurality),
    /// points (Borda), or the number of candidates it beats in the
    /// strongest-path relation (Schulze).
    public var tally: [Double]
    /// Candidate positions in tie groups, best group first, each group
    /// ascending. Every candidate is in exactly one group.
    public var order: [[Int]]
    public var evidence: Evidence

    /// What a method records beyond the tally.
    public enum Evidence: Sendable, Hashable, Codable {
        /// Approval and Borda: the tally is the whole evidence.
        case none
        /// Plurality: how many ballots split their vote among several
        /// first-placed candidates.
        case plurality(splitBallots: Int)
        /// Schulze: `d[x][y]`, the number of ballots preferring x to y, and
        /// `p[x][y]`, the strength of the strongest path from x to y (0 on the diagonal).
        case schulze(d: [[Int]], p: [[Int]])
    }

    public init(method: VotingMethod, candidates: [Int32], ballotCount: Int, tally: [Double],
                order: [[Int]], evidence: Evidence = .none) {
        self.method = method
        self.candidates = candidates
        self.ballotCount = ballotCount
        self.tally = tally
        self.order = order
        self.evidence = evidence
    }

    /// The first group of `order`: one winner, several tied ones, or none when
    /// the unit has no candidate.
    public var winners: [Int] { order.first ?? [] }

    /// `order` with course indices in place of positions.
    public var courseOrder: [[Int32]] { order.map { $0.map { candidates[$0] } } }
}

extension VoteTally {
    /// Candidates by descending key, those with equal keys in one group
    /// (ascending position). Keys are compared exactly, so callers pass
    /// integers (counts, half-points, numerators) rather than rounded values.
    ///
    /// Complexity: O(n log n).
    static func tieGroups<Key: Comparable>(descending keys: [Key]) -> [[Int]] {
        let sorted = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        var groups: [[Int]] = []
        for c in sorted {
            if let last = groups.last?.last, keys[last] == keys[c] {
                groups[groups.count - 1].append(c)
            } else {
                groups.append([c])
            }
        }
        return groups
    }
}

/// One voter's marks in one unit at one voting stage: the rows of `votes.csv`
/// that share a stage, a unit and a voter.
///
/// A mark names a candidate — a position in the unit's candidate list, see
/// `BallotBox` — with a rank (1 = most preferred) or without one.
///
/// - An **approval ballot** has no ranks: it approves its marked candidates.
/// - A **ranked ballot** ranks every mark: ranks 1, 2, …, equal ranks allowed,
///   candidates may be left unranked.
///
/// Every method reads a ballot as a weak order: its marked candidates in
/// preference groups, best first, and the unmarked candidates in one group
/// below all of them (an approval ballot has a single marked group). Rank
/// values only order the marks: a candidate's *position* is 1 + the number of
/// candidates marked strictly above it, so `1, 1, 3` and `1, 1, 2` are the
/// same ballot (two candidates sharing positions 1–2, one at position 3) and a
/// gap (`1, 3`) reads as `1, 2`. For ballots written in competition notation
/// (`1, 1, 3`, as `bundle-format.md` numbers ties) position and rank agree.
public struct Ballot: Sendable, Hashable {
    /// One row of `votes.csv`: a candidate and its rank, nil on an approval ballot.
    public struct Mark: Sendable, Hashable {
        /// Position in `BallotBox.candidates`.
        public var candidate: Int
        /// 1 = most preferred; nil = approved.
        public var rank: Int?

        public init(candidate: Int, rank: Int?) {
            self.candidate = candidate
            self.rank = rank
        }
    }

    /// The marks, best rank first, then by candidate (an approval ballot: by candidate).
    public let marks: [Mark]

    /// A ballot from its marks, in any order.
    ///
    /// - Precondition: candidates are distinct and non-negative; either every
    ///   rank is nil or every rank is at least 1. (`BallotBox.collect` checks
    ///   rows from a bundle and reports the ones that break this.)
    /// - Complexity: O(m log m) for m marks.
    public init(marks: [Mark]) {
        precondition(Set(marks.map(\.candidate)).count == marks.count, "a candidate is marked twice")
        precondition(marks.allSatisfy { $0.candidate >= 0 }, "negative candidate position")
        let ranked = marks.filter { $0.rank != nil }.count
        precondition(ranked == 0 || ranked == marks.count, "a ballot mixes ranked and approval marks")
        precondition(marks.allSatisfy { ($0.rank ?? 1) >= 1 }, "ranks start at 1")
        self.marks = marks.sorted { ($0.rank ?? 0, $0.candidate) < ($1.rank ?? 0, $1.candidate) }
    }

    /// An approval ballot approving `candidates`.
    public init(approving candidates: [Int]) {
        self.init(marks: candidates.map { Mark(candidate: $0, rank: nil) })
    }

    /// A ranked ballot from its preference groups, best first: the candidates
    /// of `groups[i]` get rank i + 1. Candidates in no group are unranked.
    public init(ranking groups: [[Int]]) {
        self.init(marks: groups.enumerated().flatMap { i, group in
            group.map { Mark(candidate: $0, rank: i + 1) }
        })
    }

    /// Whether no mark has a rank (an empty ballot counts as an approval ballot).
    public var isApproval: Bool { marks.first?.rank == nil }

    /// The marked candidates in preference groups, best first, each ascending.
    /// An approval ballot has one group; an empty ballot none. Complexity: O(m).
    public var preferenceGroups: [[Int]] {
        groupRanges.map { marks[$0].map(\.candidate) }
    }

    /// The index range of `marks` holding the first preference group; nil for
    /// an empty ballot. Complexity: O(size of the group).
    var firstGroup: Range<Int>? {
        guard let first = marks.first else { return nil }
        guard first.rank != nil else { return 0..<marks.count }
        var end = 1
        while end < marks.count && marks[end].rank == first.rank { end += 1 }
        return 0..<end
    }

    /// The index ranges of `marks` holding each preference group, best first.
    /// Group g's first position is `groupRanges[g].lowerBound + 1`. Complexity: O(m).
    var groupRanges: [Range<Int>] {
        guard !marks.isEmpty else { return [] }
        guard !isApproval else { return [0..<marks.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        for i in 1...marks.count where i == marks.count || marks[i].rank != marks[start].rank {
            ranges.append(start..<i)
            start = i
        }
        return ranges
    }
}

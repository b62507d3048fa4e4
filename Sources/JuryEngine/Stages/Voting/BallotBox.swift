/// The ballots cast in one unit (a department or faculty) at one voting stage,
/// with the candidates they choose among. Every voting method reads one box.
public struct BallotBox: Sendable, Hashable {
    /// The unit's candidates as indices into `Competition.courses`; a mark's
    /// `candidate` is a position in this array.
    public let candidates: [Int32]
    /// One ballot per voter, in ascending voter order when collected from a `VoteTable`.
    public let ballots: [Ballot]
    /// The voter of each ballot (index into `Competition.people`), parallel to
    /// `ballots`; empty for a box built by hand without voters.
    public let voters: [Int32]

    /// A box from ballots already read.
    ///
    /// - Precondition: every mark's candidate is a position in `candidates`;
    ///   `voters` is empty or has one entry per ballot.
    public init(candidates: [Int32], ballots: [Ballot], voters: [Int32] = []) {
        precondition(ballots.allSatisfy { $0.marks.allSatisfy { $0.candidate < candidates.count } },
                     "a mark names no candidate of the box")
        precondition(voters.isEmpty || voters.count == ballots.count, "one voter per ballot")
        self.candidates = candidates
        self.ballots = ballots
        self.voters = voters
    }

    /// A box of `candidateCount` candidates numbered 0, 1, … (known-answer tests).
    public init(candidateCount: Int, ballots: [Ballot]) {
        self.init(candidates: (0..<candidateCount).map { Int32($0) }, ballots: ballots)
    }

    /// n, the number of candidates in the unit.
    public var candidateCount: Int { candidates.count }
}

extension BallotBox {
    /// A row of `votes.csv` that `collect` could not read into a ballot, and dropped.
    public struct Issue: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The course is not a candidate of the unit (another unit's course,
            /// or one that is no candidate, e.g. not eligible).
            case notACandidate
            /// The rank is below 1.
            case invalidRank
            /// The voter already marked this course in this unit; the earlier row counts.
            case duplicateMark
            /// An unranked mark on a ballot that ranks other courses: the ballot is
            /// read as ranked and this course as unranked.
            case unrankedMarkOnRankedBallot
        }

        public var kind: Kind
        /// Row of the `VoteTable`.
        public var row: Int
        /// Index into `Competition.people`.
        public var voter: Int32
        /// Index into `Competition.courses`.
        public var course: Int32
    }

    /// Collects the ballots of one unit at one stage from the vote table,
    /// grouping rows by voter. Issues come in row order.
    ///
    /// Rows whose course is not in `candidates`, with a rank below 1, repeating
    /// a course the voter already marked, or unranked on a ballot that ranks
    /// other courses are dropped and returned as issues; the bundle reader
    /// reports such rows with their file lines before the engine runs, so this
    /// only keeps the engine total on any table. A voter left without a mark
    /// casts no ballot. Whether a voter belongs to the unit is the reader's
    /// check: the table does not say.
    ///
    /// - Parameters:
    ///   - candidates: the unit's courses (indices into `Competition.courses`),
    ///     in the order the tally should number them; distinct.
    /// - Complexity: O(R + m log m) for R rows in the table, m of them in the unit.
    public static func collect(from votes: VoteTable, stage: Stage, unit: String,
                               candidates: [Int32]) -> (box: BallotBox, issues: [Issue]) {
        var position: [Int32: Int] = [:]
        for (i, course) in candidates.enumerated() {
            precondition(position.updateValue(i, forKey: course) == nil, "a course is a candidate twice")
        }
        var rows: [Int] = []
        for r in 0..<votes.count where votes.stage[r] == stage && votes.unit[r] == unit {
            rows.append(r)
        }
        rows.sort { (votes.voter[$0], $0) < (votes.voter[$1], $1) }

        var ballots: [Ballot] = []
        var voters: [Int32] = []
        var issues: [Issue] = []
        var marked = [Bool](repeating: false, count: candidates.count)
        var start = 0
        while start < rows.count {
            let voter = votes.voter[rows[start]]
            var end = start
            while end < rows.count && votes.voter[rows[end]] == voter { end += 1 }
            var marks: [Ballot.Mark] = []
            var markRows: [Int] = []
            for r in rows[start..<end] {
                let course = votes.course[r]
                guard let c = position[course] else {
                    issues.append(Issue(kind: .notACandidate, row: r, voter: voter, course: course))
                    continue
                }
                if let rank = votes.rank[r], rank < 1 {
                    issues.append(Issue(kind: .invalidRank, row: r, voter: voter, course: course))
                    continue
                }
                if marked[c] {
                    issues.append(Issue(kind: .duplicateMark, row: r, voter: voter, course: course))
                    continue
                }
                marked[c] = true
                marks.append(Ballot.Mark(candidate: c, rank: votes.rank[r].map(Int.init)))
                markRows.append(r)
            }
            for mark in marks { marked[mark.candidate] = false }
            if marks.contains(where: { $0.rank != nil }) {
                for (mark, r) in zip(marks, markRows) where mark.rank == nil {
                    issues.append(Issue(kind: .unrankedMarkOnRankedBallot, row: r, voter: voter,
                                        course: candidates[mark.candidate]))
                }
                marks.removeAll { $0.rank == nil }
            }
            if !marks.isEmpty {
                ballots.append(Ballot(marks: marks))
                voters.append(voter)
            }
            start = end
        }
        issues.sort { $0.row < $1.row }
        return (BallotBox(candidates: candidates, ballots: ballots, voters: voters), issues)
    }
}

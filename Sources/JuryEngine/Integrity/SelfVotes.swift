/// Self-votes: a ballot of a voting stage for a course the voter authors.
///
/// A self-vote is flagged whether or not it counts; the rule
/// `integrity.exclude_self_votes` (default true) says whether the stages
/// pipeline leaves it out of the tally, and the flag's `recused` says the same.
public enum SelfVotes {
    /// Rows of `votes` — at `stage`, or at every stage when nil — whose voter
    /// is an author of the course voted for, ascending.
    ///
    /// Complexity: O(votes × authors per course).
    public static func rows(in votes: VoteTable, courses: CourseTable, stage: Stage? = nil) -> [Int] {
        (0..<votes.count).filter { v in
            let c = Int(votes.course[v])
            return (stage == nil || votes.stage[v] == stage) && c < courses.count && courses.authors(c).contains(votes.voter[v])
        }
    }

    /// One `self_vote` flag per self-vote at `stage`: `high` when the vote
    /// counts in the tally, `medium` when the rules leave it out.
    public static func flags(competition: Competition, stage: Stage) -> [IntegrityFlag] {
        let votes = competition.votes
        let excluded = competition.rules.integrity.excludeSelfVotes
        return rows(in: votes, courses: competition.courses, stage: stage).map { v in
            let c = votes.course[v]
            return IntegrityFlag(kind: .selfVote, severity: excluded ? .medium : .high, experts: [votes.voter[v]],
                                 moocs: [c], authors: Array(competition.courses.authors(Int(c))), recused: excluded,
                                 evidence: .vote(VoteEvidence(row: Int32(v), unit: votes.unit[v], rank: votes.rank[v])))
        }
    }
}

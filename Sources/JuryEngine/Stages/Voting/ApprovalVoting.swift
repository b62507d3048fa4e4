/// Approval voting (Brams & Fishburn 1978, "Approval voting", American
/// Political Science Review 72(3):831–847, doi:10.2307/1955105): each voter
/// approves any number of candidates; a candidate's tally is the number of
/// ballots approving it, and more approvals rank higher.
public enum ApprovalVoting {
    /// Counts approvals in one unit.
    ///
    /// - An approval ballot approves its marked candidates.
    /// - A ranked ballot in an approval unit approves every candidate it ranks,
    ///   whatever the rank, and none it leaves unranked: ranking a course is
    ///   taken as a vote for it, as on a paper ballot where any mark counts.
    ///
    /// Order: descending approvals; equal counts form one tie group.
    /// Edge cases: no ballots — every tally 0, all candidates in one tie
    /// group; one candidate — one group; no candidates — empty order.
    ///
    /// - Complexity: O(M + n log n) for M marks and n candidates.
    public static func tally(_ box: BallotBox) -> VoteTally {
        var approvals = [Int](repeating: 0, count: box.candidateCount)
        for ballot in box.ballots {
            for mark in ballot.marks { approvals[mark.candidate] += 1 }
        }
        return VoteTally(method: .approval, candidates: box.candidates, ballotCount: box.ballots.count,
                         tally: approvals.map(Double.init),
                         order: VoteTally.tieGroups(descending: approvals))
    }
}

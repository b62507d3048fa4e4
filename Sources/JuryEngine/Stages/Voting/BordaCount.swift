/// The Borda count (J.-C. de Borda 1781, "Mémoire sur les élections au
/// scrutin", Histoire de l'Académie Royale des Sciences; the rule as written
/// in `bundle-format.md`): a candidate at position r on a ballot gets n − r
/// points, n = the number of candidates in the unit, and the most points rank
/// higher.
public enum BordaCount {
    /// Sums Borda points in one unit.
    ///
    /// Per ballot, read as a weak order (see `Ballot`):
    /// - a group of m candidates sharing positions r … r + m − 1 gets, each,
    ///   the mean of the points those positions span:
    ///   ((n − r) + … + (n − r − m + 1)) / m = n − r − (m − 1)/2;
    /// - unranked candidates get 0. A partial ballot ranking k < n candidates
    ///   thus gives them the points of a full ballot, n − 1, n − 2, …, n − k,
    ///   and the candidates left out fall behind every ranked one; a ballot
    ///   ranking all but one candidate is the same as a full ballot (the last
    ///   gets n − n = 0 either way). Other readings (the left-out candidates
    ///   sharing the remaining points, or n counted as the number ranked) are
    ///   not the spec's;
    /// - an approval ballot is one group of k approved candidates at positions
    ///   1 … k, each getting n − (k + 1)/2; the others get 0.
    ///
    /// Points are multiples of 1/2, accumulated exactly as integer half-points,
    /// so equal tallies compare equal. Order: descending points; equal points
    /// form one tie group.
    ///
    /// Edge cases: no ballots — every tally 0, one tie group; one candidate —
    /// it gets n − 1 = 0 points from every ballot, one group; no candidates —
    /// empty order.
    ///
    /// - Complexity: O(M + n log n) for M marks and n candidates.
    public static func tally(_ box: BallotBox) -> VoteTally {
        let n = box.candidateCount
        var halfPoints = [Int](repeating: 0, count: n)
        for ballot in box.ballots {
            for group in ballot.groupRanges {
                // 2 × (n − r − (m − 1)/2) with r = first position, m = group size.
                let share = 2 * n - 2 * (group.lowerBound + 1) - group.count + 1
                for mark in ballot.marks[group] { halfPoints[mark.candidate] += share }
            }
        }
        return VoteTally(method: .borda, candidates: box.candidates, ballotCount: box.ballots.count,
                         tally: halfPoints.map { Double($0) / 2 },
                         order: VoteTally.tieGroups(descending: halfPoints))
    }
}

/// Plurality voting (first past the post): a candidate's tally is the number
/// of ballots that place it first, and more first preferences rank higher.
/// `bundle-format.md` counts "each ballot's rank-1 courses (or its only
/// approved course)".
public enum PluralityVoting {
    /// Counts first preferences in one unit.
    ///
    /// Each ballot carries one vote, shared equally by the candidates of its
    /// first preference group: a ranked ballot's rank-1 candidates, or an
    /// approval ballot's approved candidates. A ballot with k > 1 of them gives
    /// each 1/k (the ballot is counted in `splitBallots`). This is plurality
    /// read as the positional scoring rule with points (1, 0, …, 0) under the
    /// rule `bundle-format.md` sets for Borda — equal ranks get the mean of the
    /// points they span — so an approval ballot and a ranked ballot that put
    /// the same courses first count alike, and the tallies add up to the number
    /// of ballots. The alternatives were rejected: a whole vote to each
    /// first-placed course gives such a voter k votes (approval voting by
    /// another name), and discarding the ballot, as paper plurality discards an
    /// over-vote, silences a voter whose preference is clear.
    ///
    /// Order: descending tally; equal tallies form one tie group. Tallies are
    /// compared exactly as integers over the least common multiple L of the
    /// split sizes; only when L × ballots exceeds `Int.max` (dozens of
    /// candidates split in many different ways) are they compared as `Double`
    /// sums, where two equal sums of different fractions might not compare equal.
    ///
    /// Edge cases: no ballots — every tally 0, one tie group; one candidate —
    /// one group; no candidates — empty order; an empty ballot counts for no one.
    ///
    /// - Complexity: O(M + n log n) for M marks and n candidates.
    public static func tally(_ box: BallotBox) -> VoteTally {
        let n = box.candidateCount
        var splitBallots = 0
        var denominator = 1
        var exact = true
        for ballot in box.ballots {
            guard let first = ballot.firstGroup else { continue }
            if first.count > 1 { splitBallots += 1 }
            if exact, let l = leastCommonMultiple(denominator, first.count) {
                denominator = l
            } else {
                exact = false
            }
        }
        if exact && denominator.multipliedReportingOverflow(by: max(box.ballots.count, 1)).overflow {
            exact = false
        }

        let tally: [Double]
        let order: [[Int]]
        if exact {
            var numerator = [Int](repeating: 0, count: n)
            for ballot in box.ballots {
                guard let first = ballot.firstGroup else { continue }
                let share = denominator / first.count
                for mark in ballot.marks[first] { numerator[mark.candidate] += share }
            }
            tally = numerator.map { Double($0) / Double(denominator) }
            order = VoteTally.tieGroups(descending: numerator)
        } else {
            var sum = [Double](repeating: 0, count: n)
            for ballot in box.ballots {
                guard let first = ballot.firstGroup else { continue }
                let share = 1 / Double(first.count)
                for mark in ballot.marks[first] { sum[mark.candidate] += share }
            }
            tally = sum
            order = VoteTally.tieGroups(descending: sum)
        }
        return VoteTally(method: .plurality, candidates: box.candidates, ballotCount: box.ballots.count,
                         tally: tally, order: order, evidence: .plurality(splitBallots: splitBallots))
    }

    /// lcm(a, b) for positive a, b; nil when it overflows `Int`.
    static func leastCommonMultiple(_ a: Int, _ b: Int) -> Int? {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        let product = (a / x).multipliedReportingOverflow(by: b)
        return product.overflow ? nil : product.partialValue
    }
}

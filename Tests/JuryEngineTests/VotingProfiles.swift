@testable import JuryEngine

/// Voting profiles typed in from their sources, shared by the voting tests.
enum VotingProfiles {
    /// A box whose candidates are the letters of `candidates` (position = letter
    /// index), with `count` identical strict rankings per group, each written
    /// best first as letters; letters left out of a ranking are unranked.
    static func box(candidates: String, _ groups: [(count: Int, ranking: String)]) -> BallotBox {
        let letters = Array(candidates)
        let ballots = groups.flatMap { group in
            let ranking = group.ranking.map { [letters.firstIndex(of: $0)!] }
            return Array(repeating: Ballot(ranking: ranking), count: group.count)
        }
        return BallotBox(candidateCount: letters.count, ballots: ballots)
    }

    /// Schulze 2011, Example 1 (45 voters, 5 candidates), also the example of
    /// Wikipedia's "Schulze method" article: the Schulze ranking is E > A > C > B > D.
    static let schulze2011 = box(candidates: "ABCDE", [
        (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
        (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
    ])

    /// Wikipedia's Tennessee capital example ("Borda count", "Plurality voting"):
    /// 100 voters in the proportions of the four cities; candidates Memphis,
    /// Nashville, Chattanooga, Knoxville as M, N, C, K.
    static let tennessee = box(candidates: "MNCK", [
        (42, "MNCK"), (26, "NCKM"), (15, "CKNM"), (17, "KCNM"),
    ])
}

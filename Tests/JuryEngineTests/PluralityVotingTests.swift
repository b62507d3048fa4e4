import Testing
@testable import JuryEngine

@Suite("PluralityVoting")
struct PluralityVotingTests {
    @Test("Tennessee capital: Memphis wins plurality with 42 first preferences (Wikipedia, \"Plurality voting\")")
    func tennessee() {
        let tally = PluralityVoting.tally(VotingProfiles.tennessee)
        #expect(tally.tally == [42, 26, 15, 17])
        #expect(tally.order == [[0], [1], [3], [2]])
        #expect(tally.evidence == .plurality(splitBallots: 0))
    }

    @Test("an approval ballot's only approved course gets its whole vote")
    func singleApprovalCountsWhole() {
        let box = BallotBox(candidateCount: 3, ballots: [Ballot(approving: [1]), Ballot(approving: [1]),
                                                         Ballot(approving: [2])])
        let tally = PluralityVoting.tally(box)
        #expect(tally.tally == [0, 2, 1])
        #expect(tally.order == [[1], [2], [0]])
    }

    @Test("an approval ballot with several approved courses splits its vote equally among them")
    func severalApprovalsSplitTheVote() {
        let box = BallotBox(candidateCount: 3, ballots: [
            Ballot(approving: [0]), Ballot(approving: [0]), Ballot(approving: [1, 2]), Ballot(approving: [1]),
        ])
        let tally = PluralityVoting.tally(box)
        #expect(tally.tally == [2, 1.5, 0.5])
        #expect(tally.tally.reduce(0, +) == 4)
        #expect(tally.order == [[0], [1], [2]])
        #expect(tally.evidence == .plurality(splitBallots: 1))
    }

    @Test("a ranked ballot with several courses at rank 1 counts as the approval ballot approving them")
    func equalFirstRanksCountLikeApprovals() {
        let ranked = BallotBox(candidateCount: 4, ballots: [Ballot(ranking: [[0, 3], [1]]), Ballot(ranking: [[1], [0]])])
        let approval = BallotBox(candidateCount: 4, ballots: [Ballot(approving: [0, 3]), Ballot(approving: [1])])
        #expect(PluralityVoting.tally(ranked).tally == [0.5, 1, 0, 0.5])
        #expect(PluralityVoting.tally(ranked).order == PluralityVoting.tally(approval).order)
        #expect(PluralityVoting.tally(ranked).tally == PluralityVoting.tally(approval).tally)
    }

    @Test("shares compare exactly: 1/2 + 1/3 + 1/6 ties with one whole vote")
    func fractionsCompareExactly() {
        // In floating point 1/2 + 1/3 + 1/6 = 0.9999999999999999; exactly it is 1.
        let box = BallotBox(candidateCount: 7, ballots: [
            Ballot(approving: [0, 2]), Ballot(approving: [0, 3, 4]), Ballot(approving: [0, 2, 3, 4, 5, 6]),
            Ballot(approving: [1]),
        ])
        let tally = PluralityVoting.tally(box)
        #expect(tally.order == [[0, 1], [2], [3, 4], [5, 6]])
        #expect(tally.tally[0] == 1)
        #expect(tally.evidence == .plurality(splitBallots: 3))
    }

    @Test("shares fall back to floating point when the common denominator overflows")
    func overflowFallsBackToDouble() {
        // Splits into every prime size up to 53: the lcm, their product, exceeds Int.max.
        let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53]
        let box = BallotBox(candidateCount: 53, ballots: primes.map { Ballot(approving: Array(0..<$0)) })
        let tally = PluralityVoting.tally(box)
        // Candidate c shares every ballot larger than c; candidates sharing the same ballots tie.
        var expected: [[Int]] = [[0, 1]]
        for (smaller, prime) in zip(primes, primes.dropFirst()) { expected.append(Array(smaller..<prime)) }
        #expect(tally.order == expected)
        let first = primes.map { 1 / Double($0) }.reduce(0, +)
        #expect(abs(tally.tally[0] - first) < 1e-12)
        #expect(tally.evidence == .plurality(splitBallots: 16))
    }

    @Test("an empty ballot counts for no one")
    func emptyBallotCountsForNoOne() {
        let tally = PluralityVoting.tally(BallotBox(candidateCount: 2, ballots: [Ballot(marks: []), Ballot(approving: [1])]))
        #expect(tally.tally == [0, 1])
        #expect(tally.ballotCount == 2)
    }

    @Test("no ballots: every course has 0 and all are tied")
    func noBallots() {
        let tally = PluralityVoting.tally(BallotBox(candidateCount: 3, ballots: []))
        #expect(tally.tally == [0, 0, 0])
        #expect(tally.order == [[0, 1, 2]])
    }

    @Test("one candidate forms the only group")
    func oneCandidate() {
        let tally = PluralityVoting.tally(BallotBox(candidateCount: 1, ballots: [Ballot(ranking: [[0]])]))
        #expect(tally.tally == [1])
        #expect(tally.order == [[0]])
    }

    @Test("no candidates: an empty order")
    func noCandidates() {
        #expect(PluralityVoting.tally(BallotBox(candidateCount: 0, ballots: [])).order.isEmpty)
    }
}

import Testing
@testable import JuryEngine

@Suite("SchulzeMethod")
struct SchulzeMethodTests {
    @Test("45 voters, 5 candidates: E > A > C > B > D with the published d and p (Schulze 2011, Example 1)")
    func schulze2011Example() {
        let tally = SchulzeMethod.tally(VotingProfiles.schulze2011)
        // Rows and columns A, B, C, D, E, as printed in the paper and in Wikipedia's "Schulze method".
        let d = [
            [0, 20, 26, 30, 22],
            [25, 0, 16, 33, 18],
            [19, 29, 0, 17, 24],
            [15, 12, 28, 0, 14],
            [23, 27, 21, 31, 0],
        ]
        let p = [
            [0, 28, 28, 30, 24],
            [25, 0, 28, 33, 24],
            [25, 29, 0, 29, 24],
            [25, 28, 28, 0, 24],
            [25, 28, 28, 31, 0],
        ]
        #expect(tally.evidence == .schulze(d: d, p: p))
        #expect(tally.order == [[4], [0], [2], [1], [3]])
        #expect(tally.tally == [3, 1, 2, 0, 4])
        #expect(tally.ballotCount == 45)
    }

    @Test("Tennessee capital: the Condorcet winner Nashville wins, then Chattanooga, Knoxville, Memphis")
    func tennesseeCondorcetOrder() {
        let tally = SchulzeMethod.tally(VotingProfiles.tennessee)
        #expect(tally.order == [[1], [2], [3], [0]])
        #expect(tally.tally == [0, 3, 2, 1])
    }

    @Test("a Condorcet cycle with equally strong links is a three-way tie")
    func condorcetCycleIsATie() {
        let box = VotingProfiles.box(candidates: "ABC", [(1, "ABC"), (1, "BCA"), (1, "CAB")])
        let tally = SchulzeMethod.tally(box)
        #expect(tally.order == [[0, 1, 2]])
        #expect(tally.tally == [0, 0, 0])
        #expect(tally.evidence == .schulze(d: [[0, 2, 1], [1, 0, 2], [2, 1, 0]],
                                           p: [[0, 2, 2], [2, 0, 2], [2, 2, 0]]))
    }

    @Test("an incomplete relation is ordered in layers: the unordered candidate joins the winners")
    func partialOrderInLayers() {
        // A > B on both ballots; A–C and B–C split 1–1, so C is ordered against no one.
        // Potential winners: A and C (p[x][y] ≥ p[y][x] for every y); B comes after A.
        let box = VotingProfiles.box(candidates: "ABC", [(1, "ABC"), (1, "CAB")])
        let tally = SchulzeMethod.tally(box)
        #expect(tally.order == [[0, 2], [1]])
        #expect(tally.tally == [1, 0, 0])
        #expect(tally.winners == [0, 2])
    }

    @Test("unranked candidates are below every ranked one and equal among themselves")
    func unrankedBelowRanked() {
        let tally = SchulzeMethod.tally(BallotBox(candidateCount: 4, ballots: [Ballot(ranking: [[2], [0]])]))
        guard case .schulze(let d, _) = tally.evidence else { Issue.record("no Schulze evidence"); return }
        #expect(d == [[0, 1, 0, 1], [0, 0, 0, 0], [1, 1, 0, 1], [0, 0, 0, 0]])
        #expect(tally.order == [[2], [0], [1, 3]])
    }

    @Test("an approval ballot puts its approved candidates, equal among themselves, above the others")
    func approvalBallot() {
        let tally = SchulzeMethod.tally(BallotBox(candidateCount: 3, ballots: [Ballot(approving: [0, 2])]))
        guard case .schulze(let d, _) = tally.evidence else { Issue.record("no Schulze evidence"); return }
        #expect(d == [[0, 1, 0], [0, 0, 0], [0, 1, 0]])
        #expect(tally.order == [[0, 2], [1]])
    }

    @Test("no ballots: d and p are 0 and all candidates are tied")
    func noBallots() {
        let tally = SchulzeMethod.tally(BallotBox(candidateCount: 3, ballots: []))
        let zero = [[Int]](repeating: [0, 0, 0], count: 3)
        #expect(tally.evidence == .schulze(d: zero, p: zero))
        #expect(tally.order == [[0, 1, 2]])
        #expect(tally.tally == [0, 0, 0])
    }

    @Test("one candidate: d = p = [[0]] and one group")
    func oneCandidate() {
        let tally = SchulzeMethod.tally(BallotBox(candidateCount: 1, ballots: [Ballot(ranking: [[0]])]))
        #expect(tally.evidence == .schulze(d: [[0]], p: [[0]]))
        #expect(tally.order == [[0]])
    }

    @Test("no candidates: an empty order")
    func noCandidates() {
        let tally = SchulzeMethod.tally(BallotBox(candidateCount: 0, ballots: []))
        #expect(tally.order.isEmpty)
        #expect(tally.evidence == .schulze(d: [], p: []))
    }
}

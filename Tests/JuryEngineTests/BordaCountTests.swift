import Testing
@testable import JuryEngine

@Suite("BordaCount")
struct BordaCountTests {
    @Test("Tennessee capital: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107 (Wikipedia, \"Borda count\")")
    func tennessee() {
        let tally = BordaCount.tally(VotingProfiles.tennessee)
        #expect(tally.method == .borda)
        #expect(tally.tally == [126, 194, 173, 107])
        #expect(tally.order == [[1], [2], [0], [3]])
        #expect(tally.evidence == .none)
    }

    @Test("a partial ballot gives ranked courses n − r and unranked courses 0")
    func partialBallot() {
        // n = 5; the ballot ranks two of five courses.
        let tally = BordaCount.tally(BallotBox(candidateCount: 5, ballots: [Ballot(ranking: [[3], [1]])]))
        #expect(tally.tally == [0, 3, 0, 4, 0])
        #expect(tally.order == [[3], [1], [0, 2, 4]])
    }

    @Test("a ballot ranking all but one course counts like the full ballot")
    func allButOneIsAFullBallot() {
        let partial = BordaCount.tally(BallotBox(candidateCount: 3, ballots: [Ballot(ranking: [[2], [0]])]))
        let full = BordaCount.tally(BallotBox(candidateCount: 3, ballots: [Ballot(ranking: [[2], [0], [1]])]))
        #expect(partial.tally == full.tally)
        #expect(full.tally == [1, 0, 2])
    }

    @Test("equal ranks get the mean of the points they span")
    func equalRanksShareThePoints() {
        // n = 4: A and B share positions 1–2 (3 and 2 points), C is at position 3, D unranked.
        let dense = Ballot(marks: [.init(candidate: 0, rank: 1), .init(candidate: 1, rank: 1), .init(candidate: 2, rank: 2)])
        let competition = Ballot(marks: [.init(candidate: 0, rank: 1), .init(candidate: 1, rank: 1),
                                         .init(candidate: 2, rank: 3)])
        for ballot in [dense, competition] {
            let tally = BordaCount.tally(BallotBox(candidateCount: 4, ballots: [ballot]))
            #expect(tally.tally == [2.5, 2.5, 1, 0])
            #expect(tally.order == [[0, 1], [2], [3]])
        }
        // Three tied in the middle of five: positions 2–4 span 3, 2, 1 points.
        let middle = BordaCount.tally(BallotBox(candidateCount: 5, ballots: [Ballot(ranking: [[4], [0, 1, 2], [3]])]))
        #expect(middle.tally == [2, 2, 2, 0, 4])
    }

    @Test("an approval ballot gives its approved courses the mean of the top points")
    func approvalBallot() {
        // n = 4, two approved: positions 1–2 span 3 and 2 points.
        let tally = BordaCount.tally(BallotBox(candidateCount: 4, ballots: [Ballot(approving: [1, 3])]))
        #expect(tally.tally == [0, 2.5, 0, 2.5])
    }

    @Test("half points add up exactly and equal totals tie")
    func halfPointsTie() {
        // n = 3. Ballot 1: A = B at positions 1–2 (1.5 each); ballot 2: A first (2), B unranked;
        // ballot 3: B first (2), C second (1). A = 3.5, B = 3.5, C = 1.
        let box = BallotBox(candidateCount: 3, ballots: [
            Ballot(ranking: [[0, 1]]), Ballot(ranking: [[0]]), Ballot(ranking: [[1], [2]]),
        ])
        let tally = BordaCount.tally(box)
        #expect(tally.tally == [3.5, 3.5, 1])
        #expect(tally.order == [[0, 1], [2]])
    }

    @Test("no ballots: every course has 0 points and all are tied")
    func noBallots() {
        let tally = BordaCount.tally(BallotBox(candidateCount: 3, ballots: []))
        #expect(tally.tally == [0, 0, 0])
        #expect(tally.order == [[0, 1, 2]])
    }

    @Test("one candidate gets n − 1 = 0 points from every ballot")
    func oneCandidate() {
        let tally = BordaCount.tally(BallotBox(candidateCount: 1, ballots: [Ballot(ranking: [[0]]), Ballot(approving: [0])]))
        #expect(tally.tally == [0])
        #expect(tally.order == [[0]])
    }

    @Test("no candidates: an empty order")
    func noCandidates() {
        #expect(BordaCount.tally(BallotBox(candidateCount: 0, ballots: [])).order.isEmpty)
    }
}

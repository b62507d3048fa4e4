import Testing
@testable import JuryEngine

@Suite("ApprovalVoting")
struct ApprovalVotingTests {
    @Test("each approval ballot counts once for every course it approves")
    func countsApprovals() {
        let box = BallotBox(candidateCount: 4, ballots: [
            Ballot(approving: [0, 1]), Ballot(approving: [1]), Ballot(approving: [1, 2, 3]), Ballot(approving: [3]),
        ])
        let tally = ApprovalVoting.tally(box)
        #expect(tally.method == .approval)
        #expect(tally.ballotCount == 4)
        #expect(tally.tally == [1, 3, 1, 2])
        #expect(tally.order == [[1], [3], [0, 2]])
        #expect(tally.winners == [1])
        #expect(tally.evidence == .none)
    }

    @Test("a ranked ballot approves every course it ranks, whatever the rank, and none it leaves unranked")
    func rankedBallotApprovesRankedCourses() {
        let box = BallotBox(candidateCount: 3, ballots: [Ballot(ranking: [[2], [0]])])
        #expect(ApprovalVoting.tally(box).tally == [1, 0, 1])
    }

    @Test("tie groups hold the courses with equal approvals")
    func allTied() {
        let box = BallotBox(candidateCount: 3, ballots: [Ballot(approving: [0, 1, 2]), Ballot(approving: [0, 1, 2])])
        let tally = ApprovalVoting.tally(box)
        #expect(tally.order == [[0, 1, 2]])
        #expect(tally.winners == [0, 1, 2])
    }

    @Test("no ballots: every course has 0 approvals and all are tied")
    func noBallots() {
        let tally = ApprovalVoting.tally(BallotBox(candidateCount: 3, ballots: []))
        #expect(tally.tally == [0, 0, 0])
        #expect(tally.order == [[0, 1, 2]])
        #expect(tally.ballotCount == 0)
    }

    @Test("one candidate forms the only group")
    func oneCandidate() {
        let tally = ApprovalVoting.tally(BallotBox(candidates: [42], ballots: [Ballot(approving: [0])]))
        #expect(tally.tally == [1])
        #expect(tally.courseOrder == [[42]])
    }

    @Test("no candidates: an empty order and no winner")
    func noCandidates() {
        let tally = ApprovalVoting.tally(BallotBox(candidateCount: 0, ballots: []))
        #expect(tally.order.isEmpty)
        #expect(tally.winners.isEmpty)
    }
}

import Testing
@testable import JuryEngine

@Suite("Ballot")
struct BallotTests {
    @Test("rank values only order the marks: 1, 1, 3 and 1, 1, 2 are the same ballot")
    func competitionAndDenseNotationAgree() {
        let competition = Ballot(marks: [.init(candidate: 0, rank: 1), .init(candidate: 2, rank: 1),
                                         .init(candidate: 1, rank: 3)])
        let dense = Ballot(marks: [.init(candidate: 1, rank: 2), .init(candidate: 2, rank: 1),
                                   .init(candidate: 0, rank: 1)])
        #expect(competition.preferenceGroups == [[0, 2], [1]])
        #expect(dense.preferenceGroups == [[0, 2], [1]])
        #expect(!competition.isApproval)
    }

    @Test("a gap in the ranks reads as consecutive positions")
    func gapsAreIgnored() {
        let ballot = Ballot(marks: [.init(candidate: 3, rank: 5), .init(candidate: 1, rank: 2)])
        #expect(ballot.preferenceGroups == [[1], [3]])
    }

    @Test("an approval ballot is one preference group")
    func approvalBallotIsOneGroup() {
        let ballot = Ballot(approving: [4, 0, 2])
        #expect(ballot.isApproval)
        #expect(ballot.preferenceGroups == [[0, 2, 4]])
    }

    @Test("ranking groups get ranks 1, 2, … in order")
    func rankingInitializer() {
        let ballot = Ballot(ranking: [[2], [0, 3]])
        #expect(ballot.marks.map(\.rank) == [1, 2, 2])
        #expect(ballot.preferenceGroups == [[2], [0, 3]])
    }

    @Test("an empty ballot has no preference group")
    func emptyBallot() {
        let ballot = Ballot(marks: [])
        #expect(ballot.isApproval)
        #expect(ballot.preferenceGroups.isEmpty)
    }
}

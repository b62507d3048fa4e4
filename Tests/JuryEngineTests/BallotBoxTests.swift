import Testing
@testable import JuryEngine

@Suite("BallotBox")
struct BallotBoxTests {
    /// Courses 10, 11, 12 are the unit's candidates; course 20 belongs to another unit.
    let candidates: [Int32] = [12, 10, 11]

    @Test("rows are grouped by voter whatever their order, ballots in voter order")
    func groupsRowsByVoter() {
        var votes = VoteTable()
        votes.append(stage: .department, unit: "d1", voter: 7, course: 11, rank: 2)
        votes.append(stage: .department, unit: "d1", voter: 3, course: 12, rank: nil)
        votes.append(stage: .department, unit: "d1", voter: 7, course: 10, rank: 1)
        votes.append(stage: .department, unit: "d1", voter: 3, course: 11, rank: nil)
        let (box, issues) = BallotBox.collect(from: votes, stage: .department, unit: "d1", candidates: candidates)
        #expect(issues.isEmpty)
        #expect(box.candidates == candidates)
        #expect(box.voters == [3, 7])
        #expect(box.ballots[0] == Ballot(approving: [0, 2]))
        #expect(box.ballots[1] == Ballot(ranking: [[1], [2]]))
    }

    @Test("rows of other stages and units are not read")
    func otherStagesAndUnitsAreIgnored() {
        var votes = VoteTable()
        votes.append(stage: .faculty, unit: "d1", voter: 1, course: 10, rank: nil)
        votes.append(stage: .department, unit: "d2", voter: 2, course: 10, rank: nil)
        votes.append(stage: .department, unit: "d1", voter: 3, course: 10, rank: nil)
        let (box, issues) = BallotBox.collect(from: votes, stage: .department, unit: "d1", candidates: candidates)
        #expect(issues.isEmpty)
        #expect(box.voters == [3])
    }

    @Test("unreadable rows are dropped and reported in row order")
    func unreadableRowsAreReported() {
        var votes = VoteTable()
        votes.append(stage: .department, unit: "d1", voter: 1, course: 20, rank: 1)   // row 0: not a candidate
        votes.append(stage: .department, unit: "d1", voter: 1, course: 10, rank: 1)   // row 1
        votes.append(stage: .department, unit: "d1", voter: 1, course: 10, rank: 2)   // row 2: duplicate
        votes.append(stage: .department, unit: "d1", voter: 1, course: 11, rank: nil) // row 3: unranked on a ranked ballot
        votes.append(stage: .department, unit: "d1", voter: 1, course: 12, rank: 0)   // row 4: invalid rank
        let (box, issues) = BallotBox.collect(from: votes, stage: .department, unit: "d1", candidates: candidates)
        #expect(issues.map(\.kind) == [.notACandidate, .duplicateMark, .unrankedMarkOnRankedBallot, .invalidRank])
        #expect(issues.map(\.row) == [0, 2, 3, 4])
        #expect(issues.map(\.course) == [20, 10, 11, 12])
        #expect(box.ballots == [Ballot(ranking: [[1]])])
    }

    @Test("a voter left without a readable mark casts no ballot")
    func voterWithoutMarksCastsNoBallot() {
        var votes = VoteTable()
        votes.append(stage: .department, unit: "d1", voter: 1, course: 20, rank: nil)
        let (box, issues) = BallotBox.collect(from: votes, stage: .department, unit: "d1", candidates: candidates)
        #expect(box.ballots.isEmpty)
        #expect(box.voters.isEmpty)
        #expect(issues.count == 1)
    }

    @Test("an empty table gives an empty box")
    func emptyTable() {
        let (box, issues) = BallotBox.collect(from: VoteTable(), stage: .department, unit: "d1", candidates: candidates)
        #expect(box.ballots.isEmpty)
        #expect(issues.isEmpty)
        #expect(box.candidateCount == 3)
    }
}

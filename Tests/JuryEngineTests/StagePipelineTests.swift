import Testing
@testable import JuryEngine

/// A small competition built in memory: one faculty F with departments D1 and
/// D2, courses with one author each, voters per department.
private struct Fixture {
    var people: [Person] = []
    var courses: [Course] = []
    var votes = VoteTable()
    var sheets: SheetTable.Builder
    var rules = Rules()
    var decisions: [Decision] = []

    init(criteria: Int = 1) {
        rules.criteria = (0..<criteria).map { Criterion(key: "c\($0)", title: "C\($0)") }
        rules.weights = Array(repeating: 1, count: criteria)
        sheets = SheetTable.Builder(criterionCount: criteria, weights: rules.weights)
    }

    @discardableResult
    mutating func person(_ id: String, department: String = "D1", roles: Person.Roles = [.voter, .expert]) -> Int32 {
        people.append(Person(id: id, fullName: id, faculty: "F", department: department, roles: roles, teachingStaff: true))
        return Int32(people.count - 1)
    }

    @discardableResult
    mutating func course(_ id: String, department: String = "D1", author: Int32) -> Int32 {
        courses.append(Course(id: id, title: id, authors: [author], faculty: "F", department: department))
        return Int32(courses.count - 1)
    }

    mutating func approve(_ voter: Int32, _ course: Int32, unit: String = "D1", stage: Stage = .department) {
        votes.append(stage: stage, unit: unit, voter: voter, course: course, rank: nil)
    }

    var competition: Competition {
        Competition(id: "t", title: "t", rules: rules, people: people, courses: courses,
                    sheets: sheets.build(courseCount: courses.count).table, votes: votes, decisions: decisions)
    }
}

@Suite("StagePipeline")
struct StagePipelineTests {
    @Test("a department forwards its top entries by approvals; the data ends before the faculty stage")
    func departmentOnly() {
        var f = Fixture()
        let author = f.person("A", roles: [.author])
        let c = (0..<5).map { f.course("M\($0)", author: author) }
        let voters = (0..<4).map { f.person("V\($0)") }
        // Approvals: M0 4, M1 3, M2 2, M3 1, M4 0.
        for (i, v) in voters.enumerated() {
            for k in 0..<(4 - i) { f.approve(v, c[k]) }
            _ = i
        }
        let p = StagePipeline(competition: f.competition)
        #expect(p.units.count == 1)
        #expect(p.units[0].order.map(\.tally) == [4, 3, 2, 1, 0])
        #expect(p.units[0].advanced == [c[0], c[1], c[2]])
        #expect(p.nextStage == .faculty)
        #expect(p.winners.isEmpty)
    }

    @Test("a tie across the cut-off line advances every tied entry and awaits a decision")
    func tieAtTheLine() {
        var f = Fixture()
        f.rules.scoring.tieBreak = [.median, .min]  // no lot: the tie stays
        let author = f.person("A", roles: [.author])
        let c = (0..<4).map { f.course("M\($0)", author: author) }
        let v = f.person("V")
        for k in 0..<4 { f.approve(v, c[k]) }
        var p = StagePipeline(competition: f.competition)
        #expect(p.units[0].advanced.count == 4)
        #expect(p.units[0].undecided == c)
        // The commission excludes one: the rest advance, decided.
        f.decisions = [Decision(stage: .department, unit: "D1", course: c[3], kind: .exclude, reason: "decided by the commission")]
        p = StagePipeline(competition: f.competition)
        #expect(p.units[0].advanced == [c[0], c[1], c[2]])
        #expect(p.units[0].undecided.isEmpty)
    }

    @Test("with lot in the chain, a vote tie is drawn, reproducibly by seed")
    func lotDecides() {
        var f = Fixture()
        f.rules.scoring.tieBreak = [.median, .lot]
        let author = f.person("A", roles: [.author])
        let c = (0..<4).map { f.course("M\($0)", author: author) }
        let v = f.person("V")
        for k in 0..<4 { f.approve(v, c[k]) }
        let p1 = StagePipeline(competition: f.competition)
        let p2 = StagePipeline(competition: f.competition)
        #expect(p1.units[0].advanced.count == 3)
        #expect(p1.units[0].undecided.isEmpty)
        #expect(p1.units[0].order == p2.units[0].order)
        #expect(p1.units[0].order.dropFirst().allSatisfy { $0.tieBreak == "lot" })
    }

    @Test("self-votes are left out of the tally")
    func selfVotes() {
        var f = Fixture()
        let a = f.person("A", roles: [.author, .voter])
        let b = f.person("B", roles: [.author, .voter])
        let ma = f.course("MA", author: a)
        let mb = f.course("MB", author: b)
        f.approve(a, ma)
        f.approve(b, mb)
        f.approve(b, ma)
        let p = StagePipeline(competition: f.competition)
        #expect(p.units[0].selfVotes.map(\.course).sorted() == [ma, mb])
        #expect(p.units[0].order.first?.course == ma)
        #expect(p.units[0].order.map(\.tally) == [1, 0])
    }

    @Test("ineligible courses are no candidates, and the next course moves up")
    func eligibility() {
        var f = Fixture()
        f.rules.stages.department.forward = 1
        let author = f.person("A", roles: [.author])
        let good = f.course("GOOD", author: author)
        let late = f.course("LATE", author: author)
        f.courses[Int(late)].cohorts = 1
        let v = f.person("V")
        f.approve(v, late)
        f.approve(v, good)
        let p = StagePipeline(competition: f.competition)
        #expect(p.eligibility[Int(late)].eligible == false)
        #expect(p.units[0].order.map(\.course) == [good])
        #expect(p.units[0].advanced == [good])
    }

    @Test("the commission ranks by score and names the prize places")
    func commission() {
        var f = Fixture()
        f.rules.stages.department.method = .score
        f.rules.stages.faculty.method = .score
        f.rules.stages.commission.prizes = 2
        let author = f.person("A", department: "D9", roles: [.author])
        let c = (0..<3).map { f.course("M\($0)", author: author) }
        let experts = (0..<3).map { f.person("E\($0)", department: "DX") }
        for stage in Stage.allCases {
            for (k, course) in c.enumerated() {
                for e in experts { f.sheets.append(stage: stage, course: course, expert: e, scores: [UInt8(8 - k)]) }
            }
        }
        let p = StagePipeline(competition: f.competition)
        #expect(p.nextStage == nil)
        #expect(p.winners.map(\.course) == [c[0], c[1]])
        #expect(p.winners.map(\.place) == [1, 2])
        #expect(p.agreement.count == 2)
        #expect(p.agreement.allSatisfy { $0.tau == 1 })
    }
}

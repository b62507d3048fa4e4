import Testing
@testable import JuryEngine

@Suite("SheetTable")
struct SheetTableTests {
    @Test("rows come out in canonical order whatever the append order")
    func canonicalOrder() {
        var a = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        a.append(stage: .commission, course: 1, expert: 0, scores: [5, 6])
        a.append(stage: .faculty, course: 0, expert: 2, scores: [1, 2])
        a.append(stage: .commission, course: 0, expert: 1, scores: [3, 4])
        a.append(stage: .commission, course: 0, expert: 0, scores: [7, 8])
        let (table, duplicates) = a.build(courseCount: 2)
        #expect(duplicates.isEmpty)
        #expect(table.stage == [.faculty, .commission, .commission, .commission])
        #expect(table.course == [0, 0, 0, 1])
        #expect(table.expert == [2, 0, 1, 0])
        #expect(table.total == [3, 15, 7, 11])
        #expect(table.rows(in: .commission) == 1..<4)
        #expect(table.rows(in: .department).isEmpty)
        #expect(table.lastStageWithSheets == .commission)
    }

    @Test("a sheet given twice is reported at its later occurrence and dropped")
    func duplicates() {
        var a = SheetTable.Builder(criterionCount: 1, weights: [2])
        a.append(stage: .commission, course: 0, expert: 0, scores: [5])
        a.append(stage: .commission, course: 0, expert: 1, scores: [6])
        a.append(stage: .commission, course: 0, expert: 0, scores: [7])
        let (table, duplicates) = a.build(courseCount: 1)
        #expect(duplicates == [.init(first: 0, later: 2, stage: .commission, course: 0, expert: 0)])
        #expect(table.count == 2)
        #expect(table.total == [10, 12])
    }

    @Test("StageSheets groups by course and by expert")
    func grouping() {
        var a = SheetTable.Builder(criterionCount: 1, weights: [1])
        a.append(stage: .commission, course: 1, expert: 0, scores: [1], comment: "x")
        a.append(stage: .commission, course: 0, expert: 1, scores: [2])
        a.append(stage: .commission, course: 1, expert: 1, scores: [3])
        let (table, _) = a.build(courseCount: 2)
        let view = StageSheets(table, stage: .commission, courseCount: 2, expertCount: 2)
        #expect(view.sheets(ofCourse: 0) == 0..<1)
        #expect(view.sheets(ofCourse: 1) == 1..<3)
        #expect(Array(view.sheets(ofExpert: 1)) == [0, 2])
        #expect(table.comments[1] == "x")
        #expect(table.comments[0] == "")
    }

    @Test("a table without any comment reads every comment as empty")
    func noComments() {
        var a = SheetTable.Builder(criterionCount: 1, weights: [1])
        a.append(stage: .commission, course: 0, expert: 0, scores: [1])
        a.append(stage: .commission, course: 0, expert: 1, scores: [2])
        let (table, _) = a.build(courseCount: 1)
        #expect(table.comments[0] == "" && table.comments[1] == "")
    }
}

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

    @Test("StageSheets made in any number of parts equals the one made in one (seeded random table, every stage)")
    func stageSheetsInParts() {
        var rng = SeededGenerator(seed: 12)
        var builder = SheetTable.Builder(criterionCount: 1, weights: [1])
        let courses = 40, experts = 30
        for stage in Stage.allCases {
            for c in 0..<courses where rng.next() % 4 != 0 {
                for e in 0..<experts where rng.next() % 3 == 0 {
                    builder.append(stage: stage, course: Int32(c), expert: Int32(e), scores: [UInt8(1 + rng.next() % 9)])
                }
            }
        }
        let table = builder.build(courseCount: courses).table
        for stage in Stage.allCases {
            let n = table.rows(in: stage).count
            let one = StageSheets(table, stage: stage, courseCount: courses, expertCount: experts, parts: [0..<n])
            #expect(one.count == n && n > 0)
            #expect((0..<experts).allSatisfy { e in one.sheets(ofExpert: e).allSatisfy { table.expert[Int($0)] == Int32(e) } && one.sheets(ofExpert: e).elementsEqual(one.sheets(ofExpert: e).sorted()) })
            for cuts in [[n / 2], [1, n / 3, n - 1], [0, 0, n / 2, n]] {
                let bounds = [0] + cuts + [n]
                let parts = (0..<bounds.count - 1).map { bounds[$0] ..< bounds[$0 + 1] }
                let split = StageSheets(table, stage: stage, courseCount: courses, expertCount: experts, parts: parts)
                #expect(split.courseStart == one.courseStart && split.expertStart == one.expertStart
                        && split.expertRows == one.expertRows, "\(stage) \(cuts)")
            }
        }
    }

    @Test("a table of many ranges: totals, stage starts and the order check agree with one pass, across range ends")
    func manyRanges() {
        var rng = SeededGenerator(seed: 13)
        let weights = [0.5, 2.0]
        var stages: [Stage] = [], courses: [Int32] = [], experts: [Int32] = [], scores: [[UInt8]] = []
        for stage in [Stage.department, .commission] {
            for c in Int32(0)..<60_000 {
                for e in Int32(0)..<5 where rng.next() % 2 == 0 {
                    stages.append(stage); courses.append(c); experts.append(e)
                    scores.append([UInt8(1 + rng.next() % 10), UInt8(1 + rng.next() % 10)])
                }
            }
        }
        let n = stages.count
        #expect(n > 4 * SheetTable.Builder.rowsPerRange)
        func builder(swapping pair: Int?) -> SheetTable.Builder {
            var order = Array(0..<n)
            if let pair { order.swapAt(pair - 1, pair) }
            var b = SheetTable.Builder(criterionCount: 2, weights: weights)
            for i in order { b.append(stage: stages[i], course: courses[i], expert: experts[i], scores: scores[i]) }
            return b
        }
        let b = builder(swapping: nil)
        #expect(b.isInCanonicalOrder)
        // An inversion at the first row of a range, and inside one.
        let rangeStart = Concurrently.ranges(n, minimum: SheetTable.Builder.rowsPerRange)[2].lowerBound
        for pair in [rangeStart, rangeStart + 7] {
            #expect(!builder(swapping: pair).isInCanonicalOrder, "\(pair)")
        }
        let table = b.build(courseCount: 60_000).table
        #expect(table.total == scores.map { 0.5 * Double($0[0]) + 2 * Double($0[1]) })
        let departments = stages.count { $0 == .department }
        #expect(table.rows(in: .department) == 0..<departments && table.rows(in: .faculty) == departments..<departments
                && table.rows(in: .commission) == departments..<n)
    }

    @Test("a table without any comment reads every comment as empty")
    func noComments() {
        var a = SheetTable.Builder(criterionCount: 1, weights: [1])
        a.append(stage: .commission, course: 0, expert: 0, scores: [1])
        a.append(stage: .commission, course: 0, expert: 1, scores: [2])
        let (table, _) = a.build(courseCount: 1)
        #expect(table.comments[0] == "" && table.comments[1] == "")
    }

    /// Sheets appended in canonical order take the path that keeps the
    /// columns as they are; the table must be the one the general path
    /// (counting sort) builds from the same sheets in another order.
    @Test("sheets already in canonical order give the table that sorting gives", arguments: [[1.0, 1, 1], [0.5, 2, 1.25]])
    func alreadyInOrder(weights: [Double]) {
        struct Sheet { var stage: Stage; var course: Int32; var expert: Int32; var scores: [UInt8]; var comment: String }
        var generator = SeededGenerator(seed: 11)
        var sheets: [Sheet] = []
        for stage in [Stage.faculty, .commission] {
            for course in Int32(0)..<5 {
                for expert in Int32(0)..<4 where (course + expert) % 3 != 0 {
                    let scores = (0..<3).map { _ in UInt8(1 + generator.next() % 10) }
                    sheets.append(Sheet(stage: stage, course: course, expert: expert, scores: scores,
                                        comment: expert == 2 ? "c\(course)" : ""))
                }
            }
        }
        func build(_ list: [Sheet]) -> (SheetTable, [SheetTable.Builder.Duplicate]) {
            var b = SheetTable.Builder(criterionCount: 3, weights: weights)
            for x in list { b.append(stage: x.stage, course: x.course, expert: x.expert, scores: x.scores, comment: x.comment) }
            #expect(b.isInCanonicalOrder == (list.map { "\($0.stage.rawValue) \($0.course) \($0.expert)" } == sheets.map { "\($0.stage.rawValue) \($0.course) \($0.expert)" }))
            return b.build(courseCount: 5)
        }
        let (inOrder, noDuplicates) = build(sheets)
        let (sorted, _) = build(sheets.reversed())
        #expect(noDuplicates.isEmpty)
        #expect(inOrder.stage == sorted.stage && inOrder.course == sorted.course && inOrder.expert == sorted.expert)
        #expect(inOrder.scores == sorted.scores && inOrder.total == sorted.total)
        #expect((0..<inOrder.count).map { inOrder.comments[$0] } == (0..<sorted.count).map { sorted.comments[$0] })
        #expect(inOrder.rows(in: .faculty) == sorted.rows(in: .faculty) && inOrder.rows(in: .commission) == sorted.rows(in: .commission))
        // A sheet given twice, even next to its first copy, is not "in order".
        var twice = sheets
        twice.insert(sheets[3], at: 4)
        let (_, duplicates) = build(twice)
        #expect(duplicates.count == 1)
    }
}

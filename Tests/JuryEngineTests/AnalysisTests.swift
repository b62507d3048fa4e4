import Testing
@testable import JuryEngine

@Suite("Analysis")
struct AnalysisTests {
    /// Six courses, each scored by the same five experts on two criteria
    /// (weights 1): totals near 10 + course, except expert 4's sheet of
    /// course 0, which gives 2 + 2 against four totals of 10 or 11: far past
    /// the outlier threshold (robust z about −4.5 with the floor of 1).
    static func competition(excludeOutliers: Bool) -> Competition {
        let people = (0..<5).map { Person(id: "E\($0)", fullName: "E\($0)", faculty: "F\($0)", department: "D\($0)", roles: [.expert]) }
        let courses = (0..<6).map { Course(id: "M\($0)", title: "M\($0)", authors: [], faculty: "F9", department: "D9") }
        var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        for c in 0..<6 {
            for e in 0..<5 {
                let base = 5 + c / 2
                let scores: [UInt8] = c == 0 && e == 4 ? [1, 1] : [UInt8(base), UInt8(base + e % 2)]
                b.append(stage: .commission, course: Int32(c), expert: Int32(e), scores: scores)
            }
        }
        var rules = Rules()
        rules.criteria = [Criterion(key: "a", title: "a"), Criterion(key: "b", title: "b")]
        rules.weights = [1, 1]
        rules.scoring.excludeOutliers = excludeOutliers
        return Competition(id: "c", title: "c", rules: rules, people: people, courses: courses,
                           sheets: b.build(courseCount: 6).table)
    }

    /// The row of expert 4's sheet of course 0.
    static func outlierRow(_ c: Competition) -> Int32 {
        let view = c.stageSheets(.commission)
        return Int32(view.sheets(ofCourse: 0).first { c.sheets.expert[$0] == 4 } ?? -1)
    }

    @Test("the audit gathers its counted rows in ranges of any size with the same report")
    func auditInRanges() {
        var g = SeededGenerator(seed: 31)
        let expertCount = 60, courseCount = 400
        let people = (0..<expertCount).map { Person(id: "E\($0)", fullName: "E\($0)", faculty: "F", department: "D", roles: [.expert]) }
        let courses = (0..<courseCount).map { Course(id: "M\($0)", title: "M\($0)", authors: [], faculty: "F", department: "D") }
        var b = SheetTable.Builder(criterionCount: 3, weights: [1, 1, 1])
        for c in 0..<courseCount {
            let level = Int(g.next() % 6)
            for e in 0..<expertCount where g.next() % 8 == 0 || (e < 5 && c % 3 == 0) {
                b.append(stage: .commission, course: Int32(c), expert: Int32(e),
                         scores: (0..<3).map { _ in UInt8(1 + level + Int(g.next() % 5)) })
            }
        }
        var rules = Rules()
        rules.criteria = ["a", "b", "c"].map { Criterion(key: $0, title: $0) }
        rules.weights = [1, 1, 1]
        let c = Competition(id: "c", title: "c", rules: rules, people: people, courses: courses, sheets: b.build(courseCount: courseCount).table)
        let view = c.stageSheets(.commission)
        let counted = (0..<c.sheets.count).map { _ in g.next() % 10 != 0 }
        let consensus = Consensus(table: c.sheets, view: view)
        let outliers = OutlierRatings(table: c.sheets, view: view, rules: rules)
        let whole = AuditReport(competition: c, view: view, counted: counted, consensus: consensus, outliers: outliers)
        #expect(view.count > 2000)
        for rowsPerRange in [1, 7, 500] {
            let split = AuditReport(competition: c, view: view, counted: counted, consensus: consensus, outliers: outliers,
                                    rowsPerRange: rowsPerRange)
            #expect(split.total == whole.total && split.criteria == whole.criteria && split.cronbachAlpha == whole.cronbachAlpha,
                    "\(rowsPerRange)")
        }
        guard case .value(let alpha) = whole.total.alpha.interval else {
            Issue.record("no alpha on a design with \(view.count) sheets")
            return
        }
        #expect(alpha > 0.2 && whole.total.alpha.pairableValues > 1800)
    }

    @Test("each ranking row pairs its entry with its own course's score, for every course and a unit's candidates")
    func rowsPairEntriesWithTheirScores() {
        var g = SeededGenerator(seed: 8)
        let courseCount = 300
        // Experts and courses in units of their own: no sheet is recused.
        let people = (0..<20).map { Person(id: "E\($0)", fullName: "E\($0)", faculty: "F\($0)", department: "D\($0)", roles: [.expert]) }
        let courses = (0..<courseCount).map { Course(id: "M\($0)", title: "M\($0)", authors: [], faculty: "F99", department: "D99") }
        var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        // Every fifth course has no sheet: it has no score, and the rows skip it.
        for c in 0..<courseCount where c % 5 != 0 {
            for e in 0..<20 where g.next() % 4 == 0 || e == c % 20 {
                b.append(stage: .commission, course: Int32(c), expert: Int32(e),
                         scores: [UInt8(1 + g.next() % 10), UInt8(1 + g.next() % 10)])
            }
        }
        var rules = Rules()
        rules.criteria = [Criterion(key: "a", title: "a"), Criterion(key: "b", title: "b")]
        rules.weights = [1, 1]
        let c = Competition(id: "c", title: "c", rules: rules, people: people, courses: courses,
                            sheets: b.build(courseCount: courseCount).table)
        let view = c.stageSheets(.commission)
        let counted = [Bool](repeating: true, count: c.sheets.count)
        let scores = RatingScores.compute(table: c.sheets, view: view, method: .mean, counted: counted)
        let byCourse = Dictionary(uniqueKeysWithValues: scores.map { ($0.course, $0) })
        let unit = Set((0..<Int32(courseCount)).filter { $0 % 3 == 0 })
        for candidates in [nil, unit] {
            let rows = Analysis(competition: c, restrictedTo: candidates).ranking.rows
            let want = byCourse.keys.filter { candidates?.contains($0) ?? true }.count
            #expect(rows.count == want && want > 50)
            #expect(rows.map(\.entry.course).sorted() == byCourse.keys.filter { candidates?.contains($0) ?? true }.sorted())
            for (p, row) in rows.enumerated() {
                #expect(row.entry.course == row.score.course && row.score == byCourse[row.entry.course], "row \(p)")
                #expect(row.entry.rank >= (p == 0 ? 1 : rows[p - 1].entry.rank))
            }
        }
    }

    @Test("a ranking without the audit or exclude_outliers does not assess outliers, and ranks the same")
    func outliersOnlyWhenNeeded() throws {
        let c = Self.competition(excludeOutliers: false)
        let plain = Analysis(competition: c)
        #expect(plain.outliers == nil)
        let asked = Analysis(competition: c, includeOutliers: true)
        let outliers = try #require(asked.outliers)
        #expect(outliers.outliers.map(\.row) == [Self.outlierRow(c)])
        #expect(plain.ranking.rows == asked.ranking.rows)
        #expect(plain.ranking.excluded.isEmpty && asked.ranking.excluded.isEmpty)
        // What the report and the archive use: the same assessment, made on demand.
        #expect(plain.outlierRatings(of: c).assessed == outliers.assessed)
        #expect(asked.outlierRatings(of: c).assessed == outliers.assessed)

        let audited = Analysis(competition: c, includeAudit: true)
        #expect(audited.outliers?.assessed == outliers.assessed)
        #expect(audited.audit?.outliers.assessed == outliers.assessed)
        #expect(audited.ranking.rows == plain.ranking.rows)
    }

    @Test("exclude_outliers assesses outliers without being asked and leaves the outlier sheet out of the score")
    func excludeOutliersComputesThem() throws {
        let c = Self.competition(excludeOutliers: true)
        let analysis = Analysis(competition: c)
        let outliers = try #require(analysis.outliers)
        let row = Self.outlierRow(c)
        #expect(outliers.outliers.map(\.row) == [row])
        #expect(analysis.ranking.excluded.map(\.row) == [row])
        #expect(analysis.ranking.excluded.map(\.reason) == ["outlier"])
        // Course 0 keeps four sheets of totals 10, 11, 10, 11: mean 10.5.
        let course0 = try #require(analysis.ranking.rows.first { $0.entry.course == 0 })
        #expect(course0.score.sheets == 4)
        #expect(course0.score.mean == 10.5)
        let kept = Analysis(competition: Self.competition(excludeOutliers: false))
        let keptCourse0 = try #require(kept.ranking.rows.first { $0.entry.course == 0 })
        #expect(keptCourse0.score.sheets == 5)
        #expect(keptCourse0.score.mean == 8.8)
    }
}

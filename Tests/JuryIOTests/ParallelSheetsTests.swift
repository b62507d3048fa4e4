import Testing
import JuryEngine
@testable import JuryIO

/// `sheets.csv` read in several ranges at once gives exactly what one pass
/// gives: the same sheets in the same order, the same diagnostics with the
/// same line numbers, even when a split falls inside a quoted comment that
/// spans lines (that part is then read again from where the one before it
/// stopped).
@Suite("sheets.csv read in parallel ranges: same result as one pass")
struct ParallelSheetsTests {
    /// 400 rows with quoted comments spanning lines (one of about 900
    /// bytes, longer than a range when the file is cut in 37); with
    /// `errors`, also planted duplicates, unknown ids, bad numbers, wrong
    /// totals, short rows and blank lines. Without, every row has its own
    /// expert `X<i>` (see `people`).
    static func sheets(errors: Bool) -> String {
        var lines = ["stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression,total,comment"]
        let experts = ["E1", "E2", "E3", "P2"]
        let courses = ["M1", "M2", "M3"]
        let stages = ["commission", "faculty", "department"]
        for i in 0..<400 {
            let stage = stages[i % 3], course = courses[(i / 12) % 3]
            let expert = errors ? experts[(i / 3) % 4] : "X\(i)"
            let s = 1 + i % 10
            var total = String(7 * s)
            var comment = ""
            switch i % 37 {
            case 5: comment = "\"line one\nline two, with a comma\nand \"\"quotes\"\"\""
            case 11: comment = "\"" + String(repeating: "a long, quoted\ncomment ", count: 40) + "\""
            case 17 where errors: total = "99"
            case 23: comment = "plain"
            default: break
            }
            var row = "\(stage),\(expert),\(course)," + Array(repeating: String(s), count: 7).joined(separator: ",") + ",\(total),\(comment)"
            if errors {
                if i % 53 == 7 { row = "commission,E9,M1,1,1,1,1,1,1,1,7," }
                if i % 61 == 3 { row = "commission,E1,M1,1,1,1,1,1,1,x,," }
                if i % 71 == 9 { row = "commission,E1,M2,1,1,1,1,1,1,1,7" }
                if i % 29 == 0 { lines.append("") }
            }
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fixture's people and the experts `X0` … `X399`.
    static func people() -> String {
        BundleFixture().files["people.csv", default: ""]
            + (0..<400).map { "X\($0),Expert \($0),F2,D3,expert,yes\n" }.joined()
    }

    func describe(_ outcome: BundleReader.Outcome) -> [String] {
        outcome.log.sorted.map(\.description)
    }

    @Test("1 to 37 ranges: identical diagnostics", arguments: [2, 3, 4, 5, 8, 13, 37])
    func sameDiagnostics(chunks: Int) throws {
        let fixture = BundleFixture().with("sheets.csv", Self.sheets(errors: true))
        let one = try fixture.read(sheetChunks: 1)
        let many = try fixture.read(sheetChunks: chunks)
        #expect(one.log.errorCount > 20)
        #expect(describe(many) == describe(one))
    }

    @Test("1 to 37 ranges: identical sheet table, comments included", arguments: [2, 3, 7, 37])
    func sameTable(chunks: Int) throws {
        let fixture = BundleFixture().with("people.csv", Self.people()).with("sheets.csv", Self.sheets(errors: false))
        let one = try fixture.read(sheetChunks: 1)
        let many = try fixture.read(sheetChunks: chunks)
        let a = try #require(one.competition?.sheets), b = try #require(many.competition?.sheets)
        #expect(a.count == 400)
        #expect(a.course == b.course && a.expert == b.expert && a.stage == b.stage && a.scores == b.scores && a.total == b.total)
        let comments = (0..<a.count).map { a.comments[$0] }
        #expect(comments == (0..<b.count).map { b.comments[$0] })
        #expect(comments.contains { $0.hasPrefix("a long, quoted\ncomment") } && comments.contains("line one\nline two, with a comma\nand \"quotes\""))
        #expect(describe(many) == describe(one))
    }
}

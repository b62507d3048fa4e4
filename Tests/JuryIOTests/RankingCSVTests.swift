import Testing
import JuryEngine
@testable import JuryIO

/// `jury rank --format csv` streams the ranking in blocks of about a
/// megabyte, written from the columns' bytes; the blocks joined must be the
/// CSV made line by line from `String`s (`CSVWriter.line`), byte for byte.
@Suite("The ranking CSV streamed in blocks equals the CSV made line by line")
struct RankingCSVTests {
    @Test("20,000 courses with quoted, non-ASCII titles: several blocks, the same bytes")
    func streamedEqualsWhole() throws {
        let courses = 20_000
        var moocs = "mooc_id,title,authors,faculty,department\n"
        var sheets = BundleFixture.sheetHeader + "\n"
        for c in 0..<courses {
            moocs += "M\(c),\"Қазақ тілі, бөлім \(c) — \"\"кіріспе\"\"\",P1,F1,D1\n"
            for (e, base) in [("E1", 5), ("E2", 6)] {
                let score = 1 + (c + base) % 10
                sheets += "commission,\(e),M\(c)" + String(repeating: ",\(score)", count: 7) + ",\(7 * score)\n"
            }
        }
        let outcome = try BundleFixture().with("moocs.csv", moocs).with("sheets.csv", sheets).read()
        let competition = try #require(outcome.competition)
        let analysis = Analysis(competition: competition)

        var blocks: [[UInt8]] = []
        RankingOutput.csv(analysis, competition: competition) { blocks.append(Array($0)) }
        let whole = String(decoding: Array(blocks.joined()), as: UTF8.self)
        let n = JSONWriter.formatNumber
        let expected = CSVWriter.line(RankingOutput.csvHeader) + analysis.ranking.rows.map { row in
            let c = Int(row.entry.course), s = row.score
            return CSVWriter.line([String(row.entry.rank), competition.courses.ids[c], competition.courses.titles[c], n(s.score),
                                   String(s.sheets), n(s.mean), n(s.median), n(s.min), n(s.max), row.entry.tieBreak ?? ""])
        }.joined()

        #expect(blocks.count > 1)
        #expect(blocks.dropLast().allSatisfy { $0.count >= 1 << 20 })
        #expect(Array(blocks.joined()) == Array(expected.utf8))
        #expect(whole.split(separator: "\n").count == courses + 1)
        #expect(whole.contains("\"Қазақ тілі, бөлім 7 — \"\"кіріспе\"\"\""))
    }
}

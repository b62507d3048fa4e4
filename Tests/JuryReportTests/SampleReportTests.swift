import Foundation
import Testing
@testable import JuryReport

/// The report of the sample bundle against its independently computed
/// outcomes (`Datasets/atu-2025/expected.json`). Skipped without the sample.
@Suite("the sample bundle's report")
struct SampleReportTests {
    static let sample = ReportFixture.repositoryRoot.appendingPathComponent("Datasets/atu-2025")
    static var hasSample: Bool {
        FileManager.default.fileExists(atPath: sample.appendingPathComponent("expected.json").path)
    }

    @Test("the winners, in order with their authors, and every commission recusal",
          .enabled(if: hasSample, "Datasets/atu-2025 is not here"))
    func expectedOutcomes() throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.sample.appendingPathComponent("expected.json"))) as? [String: Any])
        let files = try ReportFixture.render(Self.sample.path, charts: false)
        let index = ReportFixture.text(files, "index.html")
        let winnersSection = index.components(separatedBy: "id=\"winners\"")[1].components(separatedBy: "</section>")[0]
        let winners = try #require(expected["winners"] as? [[String: Any]])
        var position = winnersSection.startIndex
        for w in winners {
            let id = try #require(w["mooc_id"] as? String)
            let range = try #require(winnersSection.range(of: "href=\"courses/\(id).html\"", range: position..<winnersSection.endIndex),
                                     "winner \(id) missing or out of order")
            position = range.upperBound
            for name in w["author_names"] as? [String] ?? [] { #expect(winnersSection.contains(name)) }
        }
        let integrity = ReportFixture.text(files, "integrity.html")
        for r in expected["recused"] as? [[String: Any]] ?? [] where r["stage"] as? String == "commission" {
            let expert = try #require(r["expert_id"] as? String), course = try #require(r["mooc_id"] as? String)
            #expect(integrity.contains("<span class=\"id\">\(expert)</span></td><td><a href=\"courses/\(course).html\">"),
                    "recusal of \(expert) on \(course) missing")
        }
    }
}

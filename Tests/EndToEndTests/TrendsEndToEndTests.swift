import Foundation
import Testing

/// Cross-year analyses through the real binary: earlier co-authorships as a
/// conflict of `rank`, `audit`, `stages` and `report` with `--db`, and
/// `jury trends` over archived synthetic years with a planted favouritism.
@Suite struct TrendsEndToEndTests {
    typealias Run = ArchiveCommandTests.Run

    func run(_ arguments: [String], in dir: URL) throws -> Run {
        try ArchiveCommandTests.run(arguments, in: dir)
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-trends-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func write(_ files: [String: String], in dir: URL, as name: String) throws {
        let folder = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (n, t) in files { try Data(t.utf8).write(to: folder.appendingPathComponent(n)) }
    }

    static let people = """
        person_id,full_name,faculty,department,roles
        P1,Әсем Қасымова,F1,D1,author
        E1,Expert One,F2,D3,author;expert
        E2,Expert Two,F2,D4,expert
        E3,Expert Three,F3,D5,expert

        """
    static let header = "stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression\n"

    /// 2024: P1 and E1 write M1 together. 2025: E1 rates P1's new course M5.
    func bundles(in dir: URL, recuse: String) throws {
        try write(["competition.json": #"{"id": "atu-2024", "year": 2024, "title": "ATU <2024> & co"}"#, "people.csv": Self.people,
                   "moocs.csv": "mooc_id,title,authors,faculty,department\nM1,Қазақ тілі,P1;E1,F1,D1\n",
                   "sheets.csv": Self.header + "commission,E2,M1,8,8,8,8,8,8,8\ncommission,E3,M1,7,7,7,7,7,7,7\n"],
                  in: dir, as: "b2024")
        try write(["competition.json": #"{"id": "atu-2025", "year": 2025, "integrity": {"recuse": \#(recuse)}}"#,
                   "people.csv": Self.people,
                   "moocs.csv": "mooc_id,title,authors,faculty,department\nM5,Physics,P1,F1,D1\nM6,Chemistry,E1,F2,D3\n",
                   "sheets.csv": Self.header + "commission,E1,M5,9,9,9,9,9,9,9\ncommission,E2,M5,6,6,6,6,6,6,6\n"
                       + "commission,E3,M5,6,6,6,6,6,6,6\ncommission,E2,M6,5,5,5,5,5,5,5\ncommission,E3,M6,5,5,5,5,5,5,5\n"],
                  in: dir, as: "b2025")
        #expect(try run(["archive", "add", "b2024", "--db", "a.sqlite"], in: dir).status == 0)
    }

    @Test func anEarlierCoauthorshipIsAConflictWithTheArchive() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundles(in: dir, recuse: #"["declared", "self_review", "same_department", "earlier_coauthor"]"#)
        let audit = try run(["audit", "b2025", "--db", "a.sqlite", "--format", "json"], in: dir)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("\"kind\": \"earlier_coauthor\""))
        #expect(audit.stdout.contains("\"M1 (atu-2024, 2024) with P1\""))
        let plain = try run(["audit", "b2025", "--format", "json"], in: dir)
        #expect(plain.status == 0 && !plain.stdout.contains("earlier_coauthor"))

        // Recused when integrity.recuse names it: E1's 63 leaves M5's score.
        let rank = try run(["rank", "b2025", "--db", "a.sqlite", "--format", "json"], in: dir)
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(rank.stdout.contains(#"{"expert_id": "E1", "mooc_id": "M5", "reason": "earlier_coauthor"}"#)
            || rank.stdout.contains("\"reason\": \"earlier_coauthor\""))
        let unranked = try run(["rank", "b2025", "--format", "json"], in: dir)
        #expect(!unranked.stdout.contains("earlier_coauthor"))
        #expect(rank.stdout != unranked.stdout)

        let stages = try run(["stages", "b2025", "--db", "a.sqlite", "--format", "json"], in: dir)
        #expect(stages.status == 0, "\(stages.stderr)")
        let report = try run(["report", "b2025", "--db", "a.sqlite", "--out", "r", "--no-charts"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let integrity = try String(contentsOf: dir.appendingPathComponent("r/integrity.html"), encoding: .utf8)
        #expect(integrity.contains("co-author of an author in an earlier year"))
        let missing = try run(["audit", "b2025", "--db", "none.sqlite"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("no archive here"))
    }

    @Test func theTrendsPageEscapesTheArchivesStrings() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundles(in: dir, recuse: "[]")
        let trends = try run(["trends", "--db", "a.sqlite", "--out", "site", "--lang", "kk"], in: dir)
        #expect(trends.status == 0, "\(trends.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(html.contains("ATU &lt;2024&gt; &amp; co") && !html.contains("ATU <2024>"))
        #expect(html.contains("<html lang=\"kk\">"))
    }

    func trendsJSON(synth options: [String], in dir: URL) throws -> (trends: [String: Any], truth: [String: Any]) {
        let synth = try run(["synth", "--years", "3", "--courses", "3000", "--experts", "150", "--per-course", "5", "--out", "s"] + options,
                            in: dir)
        #expect(synth.status == 0, "\(synth.stderr)")
        for year in 2025...2027 {
            let add = try run(["archive", "add", "s/\(year)", "--db", "s.sqlite"], in: dir)
            #expect(add.status == 0, "\(add.stderr)")
        }
        let trends = try run(["trends", "--db", "s.sqlite", "--format", "json"], in: dir)
        #expect(trends.status == 0, "\(trends.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(trends.stdout.utf8)) as? [String: Any] ?? [:]
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("s/truth.json"))) as? [String: Any] ?? [:]
        return (json, truth)
    }

    /// Recall: every favouring expert planted in every year is found over
    /// their faculty in all three years; precision: no other expert is.
    @Test func trendsFindsTheFavouritismPlantedEveryYear() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (trends, truth) = try trendsJSON(synth: ["--favouring-experts", "3", "--seed", "5"], in: dir)
        let planted = truth["repeated_favouritism"] as? [[String: Any]] ?? []
        #expect(planted.count == 3)
        let found = trends["repeated_favouritism"] as? [[String: Any]] ?? []
        for p in planted {
            let hit = found.first {
                $0["expert_id"] as? String == p["expert_id"] as? String && $0["target_kind"] as? String == "faculty"
                    && $0["target"] as? String == p["group"] as? String
            }
            let years = (hit?["years"] as? [[String: Any]] ?? []).compactMap { $0["year"] as? Int }
            #expect(years == [2025, 2026, 2027], "\(p)")
        }
        let plantedExperts = Set(planted.compactMap { $0["expert_id"] as? String })
        #expect(found.allSatisfy { plantedExperts.contains($0["expert_id"] as? String ?? "") })
        let years = trends["years"] as? [[String: Any]] ?? []
        #expect(years.count == 3 && years.allSatisfy { $0["reliability"] is [Any] && $0["integrity_flags"] is [Any] })
    }

    @Test func trendsFindsNoRepeatedFavouritismInCleanYears() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (trends, _) = try trendsJSON(synth: ["--seed", "6"], in: dir)
        #expect((trends["repeated_favouritism"] as? [Any])?.isEmpty == true)
    }
}

import Foundation
import JurySynth
import Testing

@Suite("SyntheticBundle")
struct SyntheticBundleTests {
    static let files = ["competition.json", "people.csv", "moocs.csv", "sheets.csv", "votes.csv", "truth.json"]

    @Test("the same seed and configuration give byte-identical files, wherever they are written")
    func sameSeedSameBytes() throws {
        let a = try SynthFixture(.smallWithAnomalies, folder: "one")
        let b = try SynthFixture(.smallWithAnomalies, folder: "other")
        defer { a.remove(); b.remove() }
        for name in Self.files {
            #expect(try a.bytes(name) == b.bytes(name), "\(name)")
        }
    }

    @Test("a different seed gives different data")
    func differentSeedDifferentBytes() throws {
        var config = SynthConfig.smallWithAnomalies
        let a = try SynthFixture(config)
        config.seed += 1
        let b = try SynthFixture(config)
        defer { a.remove(); b.remove() }
        for name in ["people.csv", "moocs.csv", "sheets.csv", "votes.csv", "truth.json"] {
            #expect(try a.bytes(name) != b.bytes(name), "\(name)")
        }
    }

    @Test("bundles spanning several blocks of courses and people are written whole, in id order")
    func severalChunks() throws {
        var config = SynthConfig()
        config.courses = 9000
        config.experts = 300
        config.perCourse = 2
        let fixture = try SynthFixture(config)
        defer { fixture.remove() }
        let sheets = try fixture.table("sheets.csv").values("mooc_id")
        #expect(sheets.count == 18_000)
        #expect(sheets == sheets.sorted())
        let courses = try fixture.table("moocs.csv").values("mooc_id")
        #expect(courses == (1...9000).map { String(format: "M%07d", $0) })
    }

    @Test("the summary counts what was written")
    func summaryCounts() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let summary = fixture.summary
        #expect(summary.courses == 400)
        #expect(summary.experts == 60)
        #expect(summary.sheets == 2000)
        #expect(summary.sheets == (try fixture.table("sheets.csv").rows.count))
        #expect(summary.votes == (try fixture.table("votes.csv").rows.count))
        #expect(summary.authors == (try fixture.table("people.csv").values("person_id").filter { $0.hasPrefix("A") }.count))
        #expect(summary.anomalies == 6 + 2 + 2 + 2 + 2 + 2 + 3)
        #expect(summary.seed == 7)
    }

    @Test("votes.csv is written only when asked")
    func votesOnlyWhenAsked() throws {
        var config = SynthConfig()
        config.courses = 50
        config.experts = 20
        let fixture = try SynthFixture(config)
        defer { fixture.remove() }
        #expect(!fixture.exists("votes.csv"))
        #expect(fixture.summary.votes == nil)
    }

    @Test("competition.json names the seed, the default scale and the seven criteria")
    func competitionFile() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let json = try JSONSerialization.jsonObject(with: fixture.bytes("competition.json")) as! [String: Any]
        #expect(json["id"] as? String == "synth-7")
        #expect(json["seed"] as? Int == 7)
        #expect(json["year"] as? Int == 2025)
        #expect((json["scale"] as? [String: Int]) == ["min": 1, "max": 10])
        let keys = (json["criteria"] as? [[String: String]])?.compactMap { $0["key"] }
        #expect(keys == Sheet.criteria)
    }

    @Test("a non-empty folder is refused unless replacing, which removes the old bundle files only")
    func directoryChecks() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        #expect(throws: SynthError.self) { try SyntheticBundle.checkDirectory(fixture.directory, replacing: false) }
        try SyntheticBundle.checkDirectory(fixture.directory, replacing: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: fixture.path("notes.txt")))
        try SyntheticBundle.prepareDirectory(fixture.directory, replacing: true)
        #expect(!fixture.exists("votes.csv"))
        #expect(!fixture.exists("sheets.csv"))
        #expect(fixture.exists("notes.txt"))
        #expect(throws: SynthError.self) { try SyntheticBundle.checkDirectory(fixture.path("notes.txt"), replacing: true) }
    }
}

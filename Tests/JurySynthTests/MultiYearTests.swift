import Foundation
@testable import JurySynth
import Testing

@Suite("several years")
struct MultiYearTests {
    static var config: SynthConfig {
        var config = SynthConfig()
        config.courses = 300
        config.experts = 50
        config.faculties = 3
        config.departments = 9
        config.years = 3
        config.seed = 11
        config.severeExperts = 1
        config.favouringExperts = 2
        config.reciprocalPairs = 1
        config.outlierSheets = 2
        return config
    }

    @Test("one bundle per year in folders named by the year, and a truth.json of what repeats")
    func layout() throws {
        let fixture = try SynthFixture(Self.config)
        defer { fixture.remove() }
        #expect(fixture.summary.years == 3 && fixture.summary.courses == 900 && fixture.summary.sheets == 4500)
        let root = try JSONDecoder().decode(TruthYears.self, from: fixture.bytes("truth.json"))
        #expect(root.schema == "jury/truth-years/v1")
        #expect(root.years == [2025, 2026, 2027])
        #expect(root.severeExperts.count == 1 && root.repeatedFavouritism.count == 2)
        for year in root.years {
            let json = try JSONSerialization.jsonObject(with: fixture.bytes("\(year)/competition.json")) as! [String: Any]
            #expect(json["id"] as? String == "synth-11-\(year)")
            #expect(json["year"] as? Int == year)
            let truth = try JSONDecoder().decode(Truth.self, from: fixture.bytes("\(year)/truth.json"))
            #expect(truth.year == year)
            #expect(truth.severeExperts == root.severeExperts)
            #expect(truth.favouritism.map(\.expertID) == root.repeatedFavouritism.map(\.expertID))
            #expect(truth.reciprocalPairs.count == 1 && truth.outlierSheets.count == 2)
        }
    }

    @Test("experts are the same people every year; courses and authors are new, numbered on")
    func identities() throws {
        let fixture = try SynthFixture(Self.config)
        defer { fixture.remove() }
        var courseIDs: [String] = []
        var authorIDs: [String] = []
        var expertRows: [[[String]]] = []
        for year in 2025...2027 {
            let people = try SynthFixture.Table(text: String(decoding: fixture.bytes("\(year)/people.csv"), as: UTF8.self))
            // Roles change when an expert is a pair's author that year; the rest stays.
            expertRows.append(people.rows.filter { $0[0].hasPrefix("E") }.map { Array($0[0...3]) })
            authorIDs += people.rows.filter { $0[0].hasPrefix("A") }.map { $0[0] }
            let courses = try SynthFixture.Table(text: String(decoding: fixture.bytes("\(year)/moocs.csv"), as: UTF8.self))
            courseIDs += courses.values("mooc_id")
            #expect(courses.values("submitted_at").allSatisfy { $0.hasPrefix("\(year)-") })
        }
        #expect(expertRows[0].count == 50 && expertRows[0] == expertRows[1] && expertRows[1] == expertRows[2])
        #expect(courseIDs == (1...900).map { String(format: "M%07d", $0) })
        #expect(authorIDs == (1...authorIDs.count).map { String(format: "A%07d", $0) })
    }

    @Test("a favouring expert favours their faculty every year, on that year's courses")
    func repeatedFavouritism() throws {
        let fixture = try SynthFixture(Self.config)
        defer { fixture.remove() }
        for year in 2025...2027 {
            let truth = try JSONDecoder().decode(Truth.self, from: fixture.bytes("\(year)/truth.json"))
            let courses = try SynthFixture.Table(text: String(decoding: fixture.bytes("\(year)/moocs.csv"), as: UTF8.self))
            let faculty = courses.column("faculty")
            let courseRows = courses.index(by: "mooc_id")
            let sheets = try SynthFixture.Table(text: String(decoding: fixture.bytes("\(year)/sheets.csv"), as: UTF8.self))
            for favour in truth.favouritism {
                let ownFaculty = sheets.rows.filter { $0[1] == favour.expertID && courseRows[$0[2]]![faculty] == favour.group }
                #expect(Set(ownFaculty.map { $0[2] }) == Set(favour.moocs))
                #expect(!favour.moocs.isEmpty)
            }
        }
    }

    @Test("severities drift by a random walk with the configured step sd, and stay put without drift")
    func severityDrift() {
        var config = SynthConfig()
        config.experts = 4000
        config.severityDriftSD = 0.2
        let pool = ExpertPool(config: config, criterionCount: 7)
        let next = pool.severity(year: 1, after: pool.firstSeverity)
        let steps = zip(next, pool.firstSeverity).map { $0 - $1 }
        let sd = (steps.map { $0 * $0 }.reduce(0, +) / Double(steps.count)).squareRoot()
        #expect(abs(sd - 0.2) < 0.01, "step sd \(sd)")
        config.severityDriftSD = 0
        let still = ExpertPool(config: config, criterionCount: 7)
        #expect(still.severity(year: 1, after: still.firstSeverity) == still.firstSeverity)
    }

    @Test("replacing a multi-year data set removes its year folders' bundle files")
    func replacing() throws {
        let fixture = try SynthFixture(Self.config)
        defer { fixture.remove() }
        try SyntheticBundle.prepareDirectory(fixture.directory, replacing: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory).isEmpty)
    }
}

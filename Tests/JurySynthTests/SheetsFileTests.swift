import Foundation
import JurySynth
import Testing

@Suite("sheets.csv")
struct SheetsFileTests {
    @Test("every course has exactly per-course sheets by distinct experts at stage commission")
    func perCourseDistinctExperts() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let sheets = try Sheet.all(fixture)
        #expect(sheets.count == 400 * 5)
        #expect(sheets.allSatisfy { $0.stage == "commission" })
        let byCourse = Dictionary(grouping: sheets, by: \.course)
        #expect(byCourse.count == 400)
        for (course, list) in byCourse {
            #expect(list.count == 5, "\(course)")
            #expect(Set(list.map(\.expert)).count == 5, "\(course)")
            #expect(list.map(\.expert) == list.map(\.expert).sorted(), "\(course): experts in id order")
        }
        #expect(Set(sheets.map { "\($0.expert)|\($0.course)" }).count == sheets.count, "no duplicate (expert, course)")
    }

    @Test("scores lie on the scale and totals are their sums")
    func scoresAndTotals() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let table = try fixture.table("sheets.csv")
        #expect(table.header == ["stage", "expert_id", "mooc_id"] + Sheet.criteria + ["total"])
        for sheet in try Sheet.all(fixture) {
            #expect(sheet.scores.allSatisfy { (1...10).contains($0) }, "\(sheet)")
            #expect(sheet.total == sheet.scores.reduce(0, +), "\(sheet)")
        }
    }

    @Test("the default model gives realistic totals: mean near 48, spread over the 7–70 scale")
    func realisticTotals() throws {
        var config = SynthConfig()
        config.courses = 2000
        let fixture = try SynthFixture(config)
        defer { fixture.remove() }
        let totals = try Sheet.all(fixture).map { Double($0.total) }
        let mean = totals.reduce(0, +) / Double(totals.count)
        let sd = (totals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(totals.count - 1)).squareRoot()
        #expect((44...52).contains(mean), "mean \(mean)")
        #expect((6...11).contains(sd), "sd \(sd)")
        #expect(totals.min()! < 30 && totals.max()! > 64)
    }

    @Test("no expert rates a course of their own department or one they author")
    func noStructuralConflicts() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let people = try fixture.table("people.csv").index(by: "person_id")
        let courses = try fixture.table("moocs.csv")
        let department = courses.column("department"), authors = courses.column("authors")
        let courseRows = courses.index(by: "mooc_id")
        let personDepartment = try fixture.table("people.csv").column("department")
        for sheet in try Sheet.all(fixture) {
            let course = courseRows[sheet.course]!
            #expect(people[sheet.expert]![personDepartment] != course[department], "\(sheet.expert) on \(sheet.course)")
            #expect(!course[authors].split(separator: ";").contains(Substring(sheet.expert)))
        }
    }

    @Test("expert loads stay near courses × per-course / experts")
    func balancedLoads() throws {
        var config = SynthConfig()
        config.courses = 2000
        let fixture = try SynthFixture(config)
        defer { fixture.remove() }
        let loads = Dictionary(grouping: try Sheet.all(fixture), by: \.expert).mapValues(\.count)
        #expect(loads.count == 100)
        // Expected 100 each; a Poisson-like spread stays well inside 55–150.
        #expect(loads.values.allSatisfy { (55...150).contains($0) }, "\(loads.values.sorted())")
    }
}

import Foundation
import JurySynth
import Testing

@Suite("people.csv and moocs.csv")
struct PeopleAndCoursesTests {
    @Test("ids are fixed-width, unique and numbered from 1")
    func identifiers() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let people = try fixture.table("people.csv").values("person_id")
        #expect(Set(people).count == people.count)
        let experts = people.filter { $0.hasPrefix("E") }
        #expect(experts == (1...60).map { String(format: "E%06d", $0) })
        let authors = people.filter { $0.hasPrefix("A") }
        #expect(authors == (1...authors.count).map { String(format: "A%07d", $0) })
        #expect(experts.count + authors.count == people.count)
    }

    @Test("departments nest in faculties, and every course has 1–2 authors from its department")
    func structure() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let people = try fixture.table("people.csv")
        let courses = try fixture.table("moocs.csv")
        #expect(Array(courses.header.prefix(5)) == ["mooc_id", "title", "authors", "faculty", "department"])
        var facultyOf: [String: String] = [:]
        for (faculty, department) in zip(people.values("faculty") + courses.values("faculty"),
                                         people.values("department") + courses.values("department")) {
            #expect(facultyOf[department, default: faculty] == faculty, "\(department) in one faculty")
            facultyOf[department] = faculty
            #expect(faculty.count == 3 && faculty.hasPrefix("F") && department.count == 4 && department.hasPrefix("D"))
        }
        let peopleRows = people.index(by: "person_id")
        let personDepartment = people.column("department"), roles = people.column("roles")
        var authored = [String: Int]()
        for (course, (list, department)) in zip(courses.values("mooc_id"), zip(courses.values("authors"), courses.values("department"))) {
            let ids = list.split(separator: ";").map(String.init)
            #expect((1...2).contains(ids.count), "\(course)")
            for id in ids {
                #expect(peopleRows[id]![personDepartment] == department)
                #expect(peopleRows[id]![roles].split(separator: ";").contains("author"))
                authored[id, default: 0] += 1
            }
        }
        #expect(authored.values.allSatisfy { $0 == 1 }, "every author writes one course")
        let share = Double(courses.values("authors").filter { $0.contains(";") }.count) / 400
        #expect((0.3...0.5).contains(share), "co-authored share \(share)")
    }

    @Test("eligibility columns carry values that pass the regulation's checks")
    func eligibilityValues() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let courses = try fixture.table("moocs.csv")
        #expect(courses.values("cohorts").allSatisfy { Int($0)! >= 2 })
        #expect(courses.values("promo_video_seconds").allSatisfy { (1...180).contains(Int($0)!) })
        #expect(courses.values("max_lecture_seconds").allSatisfy { (1...900).contains(Int($0)!) })
        #expect(courses.values("citation_share").allSatisfy { Double($0)! <= 0.05 })
        for column in ["has_syllabus", "has_promo_video", "has_glossary", "has_forum",
                       "has_implementation_act", "has_placement_certificate"] {
            #expect(courses.values(column).allSatisfy { $0 == "yes" }, "\(column)")
        }
        #expect(courses.values("submitted_at").allSatisfy { $0 >= "2025-03-01T00:00" && $0 < "2025-05-15T18:00" })
        #expect(courses.values("languages").allSatisfy { $0.split(separator: ";").allSatisfy { ["kk", "ru", "en"].contains($0) } })
        #expect(courses.values("title").contains { $0.unicodeScalars.contains { $0.value > 0x400 } }, "Cyrillic titles")
    }
}

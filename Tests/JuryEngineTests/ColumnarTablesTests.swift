import Testing
import JuryEngine

/// `PersonTable` and `CourseTable` keep every field of the records they are
/// built from: a record read back equals the record put in, "not given"
/// stays nil and an empty value stays empty.
@Suite("columnar people and courses give back what they were given")
struct ColumnarTablesTests {
    @Test("people: every field, given and not given")
    func people() {
        let people = [
            Person(id: "E1", fullName: "Абдрахманов Арман", faculty: "F1", department: "D1", roles: [.expert, .voter],
                   teachingStaff: true, position: "доцент", degree: "PhD"),
            Person(id: "A2", fullName: "", faculty: "F2", department: "D3", roles: [], teachingStaff: nil),
            Person(id: "A3", fullName: "Third", faculty: "F1", department: "D3", roles: [.author], teachingStaff: false),
        ]
        var units = UnitNames()
        let table = PersonTable(people, units: &units)
        #expect(Array(table) == people)
        #expect(table.facultyUnit[0] == table.facultyUnit[2] && table.departmentUnit[1] == table.departmentUnit[2])
        #expect(table.units.names == ["F1", "D1", "F2", "D3"])
        #expect(table.roles(0) == [.expert, .voter] && table.ids[1] == "A2")
    }

    @Test("courses: every field, given and not given, an empty language list")
    func courses() {
        var full = Course(id: "M1", title: "Экономика", authors: [2, 0], faculty: "F1", department: "D1")
        full.languages = ["ru", "kk"]
        full.link = "https://example.org/m1"
        full.annotation = "About \"it\""
        full.submittedAt = Timestamp(text: "2025-03-15T04:51:00+05:00", secondsSinceEpoch: 1_742_010_660)
        full.cohorts = 3
        full.hasSyllabus = true
        full.hasPromoVideo = false
        full.hasGlossary = true
        full.hasForum = nil
        full.promoVideoSeconds = 76
        full.maxLectureSeconds = 593.5
        full.videoFormat = "mp4/h264/1920x1080"
        full.audioCodec = "mp3"
        full.citationShare = 0
        full.hasImplementationAct = false
        full.hasPlacementCertificate = true
        full.previousAwardYear = 2021
        var bare = Course(id: "M2", title: "", authors: [], faculty: "F2", department: "D2")
        bare.languages = []
        let plain = Course(id: "M3", title: "Plain", authors: [1], faculty: "F1", department: "D2")
        var units = UnitNames()
        let table = CourseTable([full, bare, plain], units: &units)
        #expect(Array(table) == [full, bare, plain])
        #expect(Array(table.authors(0)) == [2, 0] && table.authors(1).isEmpty && table.titles[2] == "Plain")
        #expect(table.department(2) == "D2" && table.departmentUnit[1] == table.departmentUnit[2])
    }
}

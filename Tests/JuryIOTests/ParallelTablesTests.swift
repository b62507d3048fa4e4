import Foundation
import Testing
import JuryEngine
@testable import JuryIO

/// `people.csv` and `moocs.csv` read in several ranges at once give exactly
/// what one pass gives: the same tables down to their columns (units and
/// repeated values numbered in the same order), the same index, lines and
/// diagnostics, even with ids given twice across ranges and splits that
/// fall inside quoted fields spanning lines.
@Suite("people.csv and moocs.csv read in parallel ranges: same result as one pass")
struct ParallelTablesTests {
    /// A department in faculty `i % 4`, a new one every 20 rows (so that
    /// later ranges bring units the earlier ones have not seen).
    static func department(_ i: Int) -> String { "D\(i / 20)x\(i % 4)" }

    /// 300 people, some names quoted across lines (one of 40 lines). With
    /// `errors`: ids given twice (the first copy 100 rows earlier, right
    /// before, and a third copy), a repeated row with its own department and
    /// its own errors, bad ids, roles and yes/no values, missing names, short
    /// rows, blank lines, a department placed in two faculties.
    static func people(errors: Bool, count: Int = 300) -> String {
        var lines = ["person_id,full_name,faculty,department,roles,teaching_staff"]
        for i in 0..<count {
            var id = "P\(i)", name = "Person \(i)", faculty = "F\(i % 4)", department = department(i)
            var roles = i % 3 == 0 ? "author" : "author;expert", teaching = i % 2 == 0 ? "yes" : "no"
            if i % 23 == 5 { name = "\"Name \(i)\nsecond line, with a comma\"" }
            if i % 97 == 50 { name = "\"" + String(repeating: "a long, quoted\nname ", count: 40) + "\"" }
            if errors {
                if i % 29 == 0 { lines.append("") }
                if i % 41 == 7 && i >= 100 {
                    id = "P\(i - 100)"
                    department = "DX\(i)"
                    roles = "author;judge"
                    teaching = "maybe"
                }
                if i % 53 == 3 { id = "P\(i - 1)" }
                if i == 250 { id = "P30" }
                if i % 37 == 11 { name = "" }
                if i % 43 == 2 { id = " P\(i)" }
                if i % 59 == 15 { faculty = "F9" }
                if i % 71 == 9 {
                    lines.append("P\(i),Short")
                    continue
                }
            }
            lines.append("\(id),\(name),\(faculty),\(department),\(roles),\(teaching)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 300 courses, some titles quoted across lines (one of 40 lines),
    /// languages, formats and codecs with values that first appear late.
    /// With `errors`: ids given twice as in `people`, bad dates, shares and
    /// numbers, missing titles, unknown authors, short rows, blank lines.
    static func moocs(errors: Bool, count: Int = 300, longTitles: Range<Int> = 0..<0) -> String {
        var lines = ["mooc_id,title,authors,faculty,department,languages,submitted_at,cohorts,has_syllabus,video_format,audio_codec,citation_share,annotation"]
        let codecs = ["aac", "mp3", ""]
        for i in 0..<count {
            var id = "M\(i)", title = "Course \(i)", authors = i % 5 == 0 ? "P\(i % 200);P\((i + 1) % 200)" : "P\(i % 200)"
            var department = i % 7 == 0 ? "C\(i / 30)x\(i % 4)" : department(i)
            var submitted = "2025-03-\(10 + i % 18)T04:51:00+05:00", share = "0.0\(i % 10)", cohorts = "\(i % 5)"
            var annotation = i % 6 == 0 ? "" : "About \(i)"
            if longTitles.contains(i) { title += String(repeating: " — долгое название", count: 8) }
            if i % 19 == 4 { title = "\"Title \(i)\nline two, \"\"quoted\"\"\"" }
            if i % 89 == 40 { title = "\"" + String(repeating: "a long, quoted\ntitle ", count: 40) + "\"" }
            if i % 13 == 6 { annotation = "\"An annotation\nover lines\"" }
            if errors {
                if i % 29 == 0 { lines.append("") }
                if i % 41 == 7 && i >= 100 {
                    id = "M\(i - 100)"
                    department = "CX\(i)"
                    submitted = "2025-13-45"
                    share = "1.5"
                }
                if i % 53 == 3 { id = "M\(i - 1)" }
                if i == 250 { id = "M30" }
                if i % 31 == 9 { submitted = "yesterday" }
                if i % 47 == 6 { share = "1.5" }
                if i % 37 == 11 { title = "" }
                if i % 43 == 2 { cohorts = "many" }
                if i % 61 == 20 { authors = "P999;P1;P1" }
                if i % 67 == 8 { id = "" }
                if i % 71 == 9 {
                    lines.append("M\(i),Short")
                    continue
                }
            }
            let languages = ["ru;kk", "en", "", "kk;ru;en"][i % 4] + (i > 150 && i % 4 == 1 ? ";l\(i / 50)" : "")
            lines.append("\(id),\(title),\(authors),F\(i % 4),\(department),\(languages),\(submitted),\(cohorts),\(i % 2 == 0 ? "yes" : "no"),"
                         + "mp4/\(i / 60),\(codecs[i % 3]),\(share),\(annotation)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A folder holding the given files, removed after `body`.
    static func withFiles<R>(_ files: [String: String], _ body: (URL) throws -> R) throws -> R {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return try body(dir)
    }

    /// Whether two tables hold the same columns, compared field by field
    /// (private ones too), down to the numbering of units and repeated values.
    static func sameColumns(_ a: Any, _ b: Any) -> Bool {
        let x = Mirror(reflecting: a).children.map { $0 }, y = Mirror(reflecting: b).children.map { $0 }
        guard x.count == y.count, !x.isEmpty else { return false }
        for (p, q) in zip(x, y) {
            guard p.label == q.label else { return false }
            let same: Bool
            switch (p.value, q.value) {
            case let (u as TextColumn, v as TextColumn): same = u == v
            case let (u as InternedColumn, v as InternedColumn): same = u == v
            case let (u as UnitNames, v as UnitNames): same = u == v
            case let (u as [Double], v as [Double]): same = u.map(\.bitPattern) == v.map(\.bitPattern)
            default: same = String(reflecting: p.value) == String(reflecting: q.value)
            }
            if !same { return false }
        }
        return true
    }

    static func describe(_ log: DiagnosticLog) -> [String] { log.diagnostics.map(\.description) }

    @Test("people.csv in 2 to 50 ranges: identical table, index, units, lines and diagnostics", arguments: [2, 3, 7, 13, 50])
    func samePeople(ranges: Int) throws {
        for errors in [false, true] {
            try Self.withFiles(["people.csv": Self.people(errors: errors)]) { dir in
                let path = dir.appendingPathComponent("people.csv").path
                let one = PeopleFile.read(path: path, ranges: 1), many = PeopleFile.read(path: path, ranges: ranges)
                #expect(one.people.count == (errors ? 277 : 300))
                #expect(Self.sameColumns(one.people, many.people))
                #expect(one.units.names == many.units.names)
                #expect(one.lines == many.lines)
                #expect(Self.describe(one.log) == Self.describe(many.log))
                #expect(one.index.count == many.index.count && one.index.isDirect == many.index.isDirect)
                for i in 0..<one.people.count {
                    #expect(many.index.lookup(one.people.ids[i]) == Int32(i))
                }
                if errors {
                    let log = Self.describe(one.log)
                    let first = one.lines[Int(try #require(one.index.lookup("P30")))]
                    #expect(log.filter { $0.hasSuffix("'P30' is given twice (first at line \(first))") }.count == 2)
                    #expect(!log.contains { $0.contains("judge") || $0.contains("maybe") })
                    #expect(!one.units.names.names.contains { $0.hasPrefix("DX") })
                }
            }
        }
    }

    @Test("moocs.csv in 2 to 50 ranges: identical table, index, units, lines and diagnostics", arguments: [2, 3, 7, 13, 50])
    func sameCourses(ranges: Int) throws {
        for errors in [false, true] {
            try Self.withFiles(["moocs.csv": Self.moocs(errors: errors)]) { dir in
                let path = dir.appendingPathComponent("moocs.csv").path
                let one = MoocsFile.read(path: path, ranges: 1), many = MoocsFile.read(path: path, ranges: ranges)
                #expect(one.courses.count == (errors ? 278 : 300))
                #expect(Self.sameColumns(one.courses, many.courses))
                #expect(one.authorTexts == many.authorTexts && one.authorColumn == many.authorColumn)
                #expect(one.units.names == many.units.names)
                #expect(one.lines == many.lines)
                #expect(Self.describe(one.log) == Self.describe(many.log))
                #expect(one.index.count == many.index.count && one.index.isDirect == many.index.isDirect)
                for c in 0..<one.courses.count {
                    #expect(many.index.lookup(one.courses.ids[c]) == Int32(c))
                }
                if errors {
                    let log = Self.describe(one.log)
                    let first = one.lines[Int(try #require(one.index.lookup("M30")))]
                    #expect(log.filter { $0.hasSuffix("'M30' is given twice (first at line \(first))") }.count == 2)
                    #expect(!one.units.names.names.contains { $0.hasPrefix("CX") })
                }
            }
        }
    }

    @Test("ranges long enough to be reserved from their first rows, estimated too low or too high: the same table")
    func reservedRanges() throws {
        // 3,000 courses: long titles after the first 600 (the estimate of a
        // range from its first rows too low), or in the first 600 only (too
        // high), or none.
        for long in [600..<3000, 0..<600, 0..<0] {
            for errors in [false, true] {
                try Self.withFiles(["moocs.csv": Self.moocs(errors: errors, count: 3000, longTitles: long),
                                    "people.csv": Self.people(errors: errors, count: 3000)]) { dir in
                    let moocs = dir.appendingPathComponent("moocs.csv").path, people = dir.appendingPathComponent("people.csv").path
                    let one = MoocsFile.read(path: moocs, ranges: 1), many = MoocsFile.read(path: moocs, ranges: 3)
                    #expect(one.courses.count > 2700 && one.courses.count == many.courses.count)
                    #expect(Self.sameColumns(one.courses, many.courses))
                    #expect(one.lines == many.lines && Self.describe(one.log) == Self.describe(many.log))
                    #expect((one.courses.titles[2000].count > 100) == (long.upperBound == 3000))
                    let onePeople = PeopleFile.read(path: people, ranges: 1), manyPeople = PeopleFile.read(path: people, ranges: 3)
                    #expect(onePeople.people.count > 2700 && Self.sameColumns(onePeople.people, manyPeople.people))
                    #expect(onePeople.lines == manyPeople.lines)
                }
            }
        }
    }

    @Test("authors looked up in ranges of 1 to 300 courses: identical authors and diagnostics", arguments: [1, 7, 64])
    func sameAuthors(coursesPerRange: Int) throws {
        for errors in [false, true] {
            try Self.withFiles(["people.csv": Self.people(errors: errors), "moocs.csv": Self.moocs(errors: errors)]) { dir in
                let people = PeopleFile.read(path: dir.appendingPathComponent("people.csv").path)
                let moocs = MoocsFile.read(path: dir.appendingPathComponent("moocs.csv").path)
                var whole = moocs, split = moocs
                var wholeLog = DiagnosticLog(), splitLog = DiagnosticLog()
                MoocsFile.resolveAuthors(&whole, people: people.index, personList: people.people, log: &wholeLog)
                MoocsFile.resolveAuthors(&split, people: people.index, personList: people.people, log: &splitLog,
                                         coursesPerRange: coursesPerRange)
                #expect(whole.courses.authorStart == split.courses.authorStart)
                #expect(whole.courses.authorList == split.courses.authorList)
                #expect(whole.courses.authorList.count > whole.courses.count)
                #expect(Self.describe(wholeLog) == Self.describe(splitLog))
                if errors {
                    let log = Self.describe(wholeLog)
                    #expect(log.contains { $0.hasSuffix("author 'P999' is not in people.csv") })
                    #expect(log.contains { $0.hasSuffix("author 'P1' is listed twice") })
                }
            }
        }
    }

    /// A file whose records around the middle are one quoted field of many
    /// lines, so that a split into two ranges lands inside it.
    static func quotedAcrossMiddle(header: String, row: (Int, String) -> String) -> String {
        var lines = [header]
        for i in 0..<40 { lines.append(row(i, "Plain \(i)")) }
        lines.append(row(40, "\"" + String(repeating: "inside, a quoted\nfield ", count: 200) + "\""))
        for i in 41..<80 { lines.append(row(i, "Plain \(i)")) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a split inside a quoted field spanning lines: the rest is read again from where the part before stopped")
    func quotedSplit() throws {
        let people = Self.quotedAcrossMiddle(header: "person_id,full_name,faculty,department,roles,teaching_staff") { i, name in
            "P\(i),\(name),F\(i % 3),D\(i % 3),author,yes"
        }
        let moocs = Self.quotedAcrossMiddle(header: "mooc_id,title,authors,faculty,department") { i, title in
            "M\(i),\(title),P\(i),F\(i % 3),E\(i)"
        }
        try Self.withFiles(["people.csv": people, "moocs.csv": moocs]) { dir in
            let peoplePath = dir.appendingPathComponent("people.csv").path, moocsPath = dir.appendingPathComponent("moocs.csv").path
            // The split for two ranges does land inside the quoted field.
            var log = DiagnosticLog()
            var file = try #require(TableFileReader<MoocsFile.RowParser>(path: moocsPath, log: &log))
            file.split(ranges: 2)
            #expect(file.rangeCount == 2)
            #expect(file.parse(range: 0).stoppedAt > file.starts[1])
            let courses = MoocsFile.read(path: moocsPath, ranges: 1), people = PeopleFile.read(path: peoplePath, ranges: 1)
            #expect(courses.courses.count == 80 && people.people.count == 80)
            #expect(courses.log.diagnostics.isEmpty && people.log.diagnostics.isEmpty)
            #expect(courses.courses.titles[40].hasPrefix("inside, a quoted\nfield"))
            for ranges in [2, 3, 7, 13] {
                let c = MoocsFile.read(path: moocsPath, ranges: ranges), p = PeopleFile.read(path: peoplePath, ranges: ranges)
                #expect(Self.sameColumns(c.courses, courses.courses) && c.lines == courses.lines && c.units.names == courses.units.names)
                #expect(Self.sameColumns(p.people, people.people) && p.lines == people.lines && p.units.names == people.units.names)
                #expect(c.log.diagnostics.isEmpty && p.log.diagnostics.isEmpty)
            }
        }
    }

    @Test("a whole bundle, people and courses in 1 to 13 ranges: identical diagnostics", arguments: [2, 3, 7, 13])
    func sameBundleDiagnostics(ranges: Int) throws {
        let fixture = BundleFixture().with("people.csv", Self.people(errors: true)).with("moocs.csv", Self.moocs(errors: true))
        let one = try fixture.read(peopleRanges: 1, moocsRanges: 1)
        #expect(one.log.errorCount > 50)
        for (p, m) in [(ranges, 1), (1, ranges), (ranges, ranges)] {
            let many = try fixture.read(peopleRanges: p, moocsRanges: m)
            #expect(many.log.diagnostics.map(\.description) == one.log.diagnostics.map(\.description))
        }
    }

    @Test("a whole valid bundle, people and courses in 1 to 13 ranges: identical competition", arguments: [2, 3, 7, 13])
    func sameCompetition(ranges: Int) throws {
        let sheets = BundleFixture.sheetHeader + "\n" + (0..<30).map { i in
            "commission,P\(3 * i + 1),M\(i),8,8,8,8,8,8,8,56"
        }.joined(separator: "\n") + "\n"
        let fixture = BundleFixture().with("people.csv", Self.people(errors: false)).with("moocs.csv", Self.moocs(errors: false))
            .with("sheets.csv", sheets)
        let one = try fixture.read(peopleRanges: 1, moocsRanges: 1)
        let a = try #require(one.competition)
        let many = try fixture.read(peopleRanges: ranges, moocsRanges: ranges)
        let b = try #require(many.competition)
        #expect(Self.sameColumns(a.people, b.people) && Self.sameColumns(a.courses, b.courses))
        #expect(Array(a.people) == Array(b.people) && Array(a.courses) == Array(b.courses))
        #expect(a.sheets.course == b.sheets.course && a.sheets.expert == b.sheets.expert)
        #expect(many.log.diagnostics.map(\.description) == one.log.diagnostics.map(\.description))
    }

    /// The reader interns repeated texts by their bytes, with a cache of
    /// 4096 distinct byte strings a column; the model interns `String`s.
    /// Both must number the values alike, past the cache's limit too, and
    /// language lists written with spaces must share the code of the list
    /// written without them.
    @Test("repeated texts, past the reader's cache of 4096 values: the codes of the model's own interning", arguments: [1, 3])
    func repeatedTextCodes(ranges: Int) throws {
        var lines = ["mooc_id,title,authors,faculty,department,languages,video_format,audio_codec"]
        for i in 0..<6000 {
            // Formats: 5000 distinct values, each first met after the cache is full for many.
            let format = i % 6 == 0 ? "mp4/h264" : "webm/\(i % 5000)"
            let languages = ["kk;ru", "kk; ru", " ru ;kk", "en", "", "l\(i % 4500);kk"][i % 6]
            let codec = i % 3 == 0 ? "" : "c\(i % 4200)"
            lines.append("M\(i),Course \(i),P1,F1,D1,\(languages),\(format),\(codec)")
        }
        try Self.withFiles(["moocs.csv": lines.joined(separator: "\n") + "\n"]) { dir in
            let read = MoocsFile.read(path: dir.appendingPathComponent("moocs.csv").path, ranges: ranges)
            #expect(read.log.diagnostics.isEmpty)
            var courses = read.courses
            courses.setUnits(read.units.names)
            var units = UnitNames()
            let model = CourseTable(courses.map { $0 }, units: &units)
            #expect(Self.sameColumns(courses, model))
            #expect(courses[1].languages == ["kk", "ru"] && courses[2].languages == ["ru", "kk"])
            #expect(courses[4].languages == nil && courses[5999].videoFormat == "webm/999")
            #expect(courses[5999].audioCodec == "c1799" && courses[3].audioCodec == nil)
        }
    }

    @Test("ranges for files read together: about the same size, one for a small file or one core")
    func rangeCounts() {
        let mb = 1 << 20
        #expect(RecordRanges.counts(forBodies: [355 * mb, 167 * mb], cores: 2) == [11, 5])
        #expect(RecordRanges.counts(forBodies: [3 * mb, 167 * mb], cores: 2) == [1, 16])
        #expect(RecordRanges.counts(forBodies: [355 * mb, 167 * mb], cores: 1) == [1, 1])
        #expect(RecordRanges.counts(forBodies: [0, 0], cores: 8) == [1, 1])
    }

    @Test("a first share: the first range covers about that share, the others split the rest evenly, all at line starts")
    func firstRangeShare() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-ranges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rows.csv").path
        let lines = (0..<20_000).map { "P\($0),\(String(repeating: "x", count: $0 % 37))\n" }
        let text = "id,text\n" + lines.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let bytes = Array(text.utf8)
        let body = bytes.count - 8
        for count in [2, 3, 11] {
            let starts = RecordRanges.starts(path: path, bodyStart: 8, size: bytes.count, count: count, firstShare: 0.5)
            #expect(starts.count == count && starts[0] == 8)
            #expect(starts.dropFirst().allSatisfy { bytes[$0 - 1] == UInt8(ascii: "\n") })
            #expect(abs(starts[1] - 8 - body / 2) < 64, "the first range is half the body")
            let rest = zip(starts.dropFirst(), starts.dropFirst(2) + [bytes.count]).map { $1 - $0 }
            #expect(rest.allSatisfy { abs($0 - (body - body / 2) / (count - 1)) < 128 }, "the others even: \(rest)")
        }
        #expect(RecordRanges.starts(path: path, bodyStart: 8, size: bytes.count, count: 4).count == 4)
    }

}

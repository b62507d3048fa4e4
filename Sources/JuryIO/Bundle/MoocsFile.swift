import JuryEngine

/// Reads `moocs.csv`: the submitted courses with the facts of F-01 and F-02,
/// into a `CourseTable` straight from the reader's bytes.
enum MoocsFile {
    static let name = "moocs.csv"
    static let required = ["mooc_id", "title", "authors", "faculty", "department"]
    static let optional = ["languages", "link", "annotation", "submitted_at", "cohorts", "has_syllabus",
                           "has_promo_video", "has_glossary", "has_forum", "promo_video_seconds",
                           "max_lecture_seconds", "video_format", "audio_codec", "citation_share",
                           "has_implementation_act", "has_placement_certificate", "previous_award_year"]

    /// What `read` gives: the courses without their authors (resolved by
    /// `resolveAuthors` once `people.csv` is read), their lines, and the
    /// authors column as written.
    struct Read: Sendable {
        var courses = CourseTable()
        var index = IdIndex()
        var lines = LineNumbers()
        var authorTexts = TextColumn()
        var authorColumn: Int?
        var units = UnitInterner()
        var log = DiagnosticLog()
    }

    /// Reads the courses; needs nothing from `people.csv`, so both files can
    /// be read at the same time. The records are read in `ranges` ranges at
    /// the same time (nil: by file size and cores); the outcome is the same
    /// for any number.
    static func read(path: String, ranges: Int? = nil) -> Read {
        var log = DiagnosticLog()
        guard var file = TableFileReader<RowParser>(path: path, log: &log) else { return Read(log: log) }
        file.split(ranges: ranges ?? RecordRanges.counts(forBodies: [file.bodyBytes])[0])
        return Read(file.read(), authorColumn: file.parser.columnAuthors, headerLog: log)
    }

    /// The courses of one range of the file, and their authors as written.
    struct Rows: TableRows {
        var courses = CourseTable()
        var authorTexts = TextColumn()

        static var empty: Rows { Rows() }

        var count: Int { courses.count }

        func withID<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R { courses.ids.withUTF8(row, body) }

        func unitPair(_ row: Int) -> (faculty: Int32, department: Int32) {
            (courses.facultyUnit[row], courses.departmentUnit[row])
        }

        mutating func remapUnits(_ map: [Int32]) { courses.remapUnits(map, to: courses.units) }

        func selecting(_ rows: [Int]) -> Rows {
            Rows(courses: courses.selecting(rows), authorTexts: authorTexts.gathered(rows))
        }

        mutating func reserveCapacity(appending others: [Rows]) {
            courses.reserveCapacity(appending: others.map(\.courses))
            authorTexts.reserveCapacity(appending: others.map(\.authorTexts))
        }

        mutating func append(contentsOf other: Rows) {
            courses.append(contentsOf: other.courses)
            authorTexts.append(contentsOf: other.authorTexts)
        }
    }

    /// The row loop, run on each range of the file.
    struct RowParser: TableRowParser {
        typealias Rows = MoocsFile.Rows
        static var name: String { MoocsFile.name }
        static var required: [String] { MoocsFile.required }
        static var optional: [String] { MoocsFile.optional }
        static var idColumnName: String { "mooc_id" }

        let columnAnnotation: Int?
        let columnAudioCodec: Int?
        let columnAuthors: Int?
        let columnCitationShare: Int?
        let columnCohorts: Int?
        let columnDepartment: Int?
        let columnFaculty: Int?
        let columnHasForum: Int?
        let columnHasGlossary: Int?
        let columnHasImplementationAct: Int?
        let columnHasPlacementCertificate: Int?
        let columnHasPromoVideo: Int?
        let columnHasSyllabus: Int?
        let columnLanguages: Int?
        let columnLink: Int?
        let columnMaxLectureSeconds: Int?
        let columnMoocId: Int?
        let columnPreviousAwardYear: Int?
        let columnPromoVideoSeconds: Int?
        let columnSubmittedAt: Int?
        let columnTitle: Int?
        let columnVideoFormat: Int?

        init(header h: CSVHeader) {
            columnAnnotation = h.index("annotation")
            columnAudioCodec = h.index("audio_codec")
            columnAuthors = h.index("authors")
            columnCitationShare = h.index("citation_share")
            columnCohorts = h.index("cohorts")
            columnDepartment = h.index("department")
            columnFaculty = h.index("faculty")
            columnHasForum = h.index("has_forum")
            columnHasGlossary = h.index("has_glossary")
            columnHasImplementationAct = h.index("has_implementation_act")
            columnHasPlacementCertificate = h.index("has_placement_certificate")
            columnHasPromoVideo = h.index("has_promo_video")
            columnHasSyllabus = h.index("has_syllabus")
            columnLanguages = h.index("languages")
            columnLink = h.index("link")
            columnMaxLectureSeconds = h.index("max_lecture_seconds")
            columnMoocId = h.index("mooc_id")
            columnPreviousAwardYear = h.index("previous_award_year")
            columnPromoVideoSeconds = h.index("promo_video_seconds")
            columnSubmittedAt = h.index("submitted_at")
            columnTitle = h.index("title")
            columnVideoFormat = h.index("video_format")
        }

        var idColumn: Int? { columnMoocId.map { $0 + 1 } }

        func parse(_ csv: inout CSVRows, sizing: RangeSizing, into part: inout TablePart<Rows>) {
            let name = MoocsFile.name
            let cell = FieldParsing(file: name)
            var log = DiagnosticLog()
            var courses = CourseTable()
            var authorTexts = TextColumn()
            var lines = LineNumbers()
            var units = UnitInterner()
            func col(_ c: Int?) -> Int? { c.map { $0 + 1 } }
            // Repeated values (language lists, formats, codecs) are decoded and interned once each.
            var languageCodes = TextCodes(.languages), formatCodes = TextCodes(.videoFormat), codecCodes = TextCodes(.audioCodec)
            while let row = csv.next(log: &log) {
                let l = row.line
                let id = row.bytes(columnMoocId)
                guard cell.identifier(bytes: id, column: "mooc_id", at: l, col(columnMoocId), log: &log) else { continue }
                // An id given twice is found while the ranges are joined (`TableFileReader`).
                let title = row.bytes(columnTitle)
                if !FieldParsing.hasText(title) {
                    log.error(name, l, col(columnTitle), "missing title of '\(String(decoding: id, as: UTF8.self))'")
                }
                authorTexts.append(utf8: row.bytes(columnAuthors))
                let faculty = row.bytes(columnFaculty), department = row.bytes(columnDepartment)
                let facultyOK = cell.identifier(bytes: faculty, column: "faculty", at: l, col(columnFaculty), log: &log)
                let departmentOK = cell.identifier(bytes: department, column: "department", at: l, col(columnDepartment), log: &log)

                var facts = CourseTable.Facts()
                let languages = row.bytes(columnLanguages)
                if !languages.isEmpty {
                    facts.languages = languageCodes.code(languages, in: &courses) { bytes in
                        var items: [String] = []
                        FieldParsing.forEachItem(bytes) { items.append(String(decoding: $0, as: UTF8.self)) }
                        return items.joined(separator: ";")
                    }
                }
                let submittedText = row.bytes(columnSubmittedAt)
                let submitted = cell.timestamp(bytes: submittedText, column: "submitted_at", at: l, col(columnSubmittedAt), log: &log)
                facts.cohorts = cell.integer(bytes: row.bytes(columnCohorts), column: "cohorts", at: l, col(columnCohorts), log: &log)
                facts.hasSyllabus = cell.yesNo(bytes: row.bytes(columnHasSyllabus), column: "has_syllabus", at: l, col(columnHasSyllabus), log: &log)
                facts.hasPromoVideo = cell.yesNo(bytes: row.bytes(columnHasPromoVideo), column: "has_promo_video", at: l, col(columnHasPromoVideo), log: &log)
                facts.hasGlossary = cell.yesNo(bytes: row.bytes(columnHasGlossary), column: "has_glossary", at: l, col(columnHasGlossary), log: &log)
                facts.hasForum = cell.yesNo(bytes: row.bytes(columnHasForum), column: "has_forum", at: l, col(columnHasForum), log: &log)
                facts.promoVideoSeconds = cell.number(bytes: row.bytes(columnPromoVideoSeconds), column: "promo_video_seconds", at: l, col(columnPromoVideoSeconds), log: &log)
                facts.maxLectureSeconds = cell.number(bytes: row.bytes(columnMaxLectureSeconds), column: "max_lecture_seconds", at: l, col(columnMaxLectureSeconds), log: &log)
                let videoFormat = row.bytes(columnVideoFormat)
                if !videoFormat.isEmpty { facts.videoFormat = formatCodes.code(videoFormat, in: &courses) }
                let audioCodec = row.bytes(columnAudioCodec)
                if !audioCodec.isEmpty { facts.audioCodec = codecCodes.code(audioCodec, in: &courses) }
                let citation = row.bytes(columnCitationShare)
                facts.citationShare = cell.number(bytes: citation, column: "citation_share", at: l, col(columnCitationShare), log: &log)
                if let share = facts.citationShare, share > 1 {
                    log.error(name, l, col(columnCitationShare), "citation_share is a share between 0 and 1, found \(String(decoding: citation, as: UTF8.self))")
                    facts.citationShare = nil
                }
                facts.hasImplementationAct = cell.yesNo(bytes: row.bytes(columnHasImplementationAct), column: "has_implementation_act", at: l, col(columnHasImplementationAct), log: &log)
                facts.hasPlacementCertificate = cell.yesNo(bytes: row.bytes(columnHasPlacementCertificate), column: "has_placement_certificate", at: l, col(columnHasPlacementCertificate), log: &log)
                facts.previousAwardYear = cell.integer(bytes: row.bytes(columnPreviousAwardYear), column: "previous_award_year", at: l, col(columnPreviousAwardYear), min: 1900, log: &log)
                courses.append(id: id, title: title, authors: [],
                               faculty: units.unit(facultyOK ? faculty : FieldParsing.empty),
                               department: units.unit(departmentOK ? department : FieldParsing.empty),
                               link: row.bytes(columnLink), annotation: row.bytes(columnAnnotation),
                               submittedAt: submitted.map { (submittedText, $0) }, facts: facts)
                lines.append(l)
                if let factor = sizing.factor(rows: lines.count, offset: csv.offset) {
                    courses.reserveCapacity(scaling: factor)
                    authorTexts.reserveCapacity(scaling: factor)
                }
            }
            part.rows = Rows(courses: courses, authorTexts: authorTexts)
            part.lines = lines
            part.units = units
            part.log = log
        }
    }

    /// Looks up the authors of every course in `people.csv` and reports a
    /// course that names none, and authors that are unknown, listed twice or
    /// not authors. Ranges of courses are looked up on every core and joined
    /// in file order: the authors and diagnostics are the same for any
    /// `coursesPerRange`.
    static func resolveAuthors(_ read: inout Read, people: IdIndex, personList: PersonTable, log: inout DiagnosticLog,
                               coursesPerRange: Int = 1 << 16) {
        let col = read.authorColumn.map { $0 + 1 }
        let lines = read.lines, authorTexts = read.authorTexts, ids = read.courses.ids
        let parts = Concurrently.mapRanges(read.courses.count, minimum: coursesPerRange) { range in
            // Each course's end in `list`, counted from the range's start.
            var ends: [Int32] = [], list: [Int32] = [], log = DiagnosticLog()
            ends.reserveCapacity(range.count)
            list.reserveCapacity(range.count)
            for c in range {
                let l = lines[c]
                let first = list.count
                var named = false
                authorTexts.withUTF8(c) { text in
                    FieldParsing.forEachItem(text) { a in
                        named = true
                        guard let p = people.lookup(a) else {
                            log.error(name, l, col, "author '\(String(decoding: a, as: UTF8.self))' is not in people.csv")
                            return
                        }
                        if list[first...].contains(p) {
                            log.error(name, l, col, "author '\(String(decoding: a, as: UTF8.self))' is listed twice")
                            return
                        }
                        if !personList.roles(Int(p)).contains(.author) {
                            log.warning(name, l, col, "author '\(String(decoding: a, as: UTF8.self))' does not have the role 'author' in people.csv")
                        }
                        list.append(p)
                    }
                }
                if !named { log.error(name, l, col, "course '\(ids[c])' names no author") }
                ends.append(Int32(list.count))
            }
            return (ends: ends, list: list, log: log)
        }
        var start: [Int32] = [0]
        start.reserveCapacity(read.courses.count + 1)
        var list: [Int32] = []
        list.reserveCapacity(parts.reduce(0) { $0 + $1.list.count })
        for part in parts {
            let base = Int32(list.count)
            start.append(contentsOf: part.ends.lazy.map { $0 + base })
            list.append(contentsOf: part.list)
            for d in part.log.diagnostics { log.append(d) }
        }
        read.courses.setAuthors(start: start, list: list)
        read.authorTexts = TextColumn()
    }
}

extension MoocsFile.Read {
    /// The file read whole, after the diagnostics of its header.
    init(_ joined: TableFileReader<MoocsFile.RowParser>.Joined, authorColumn: Int?, headerLog: DiagnosticLog) {
        var log = headerLog
        for d in joined.log.diagnostics { log.append(d) }
        self.init(courses: joined.rows.courses, index: joined.index, lines: joined.lines, authorTexts: joined.rows.authorTexts,
                  authorColumn: authorColumn, units: joined.units, log: log)
    }
}

/// The codes of a repeated-text column's distinct values in one table, by
/// the bytes as written, so a value repeated row after row (a video format,
/// a codec, a language list) is decoded and interned once, not hashed as a
/// `String` once a row. Past `limit` distinct byte strings, new ones are
/// decoded and interned every time (the same codes, more slowly).
struct TextCodes {
    let column: CourseTable.RepeatedText
    private var index = IdIndex()
    private var codes: [Int32] = []
    private let limit = 4096

    init(_ column: CourseTable.RepeatedText) { self.column = column }

    mutating func code(_ bytes: UnsafeRawBufferPointer, in table: inout CourseTable,
                       decode: (UnsafeRawBufferPointer) -> String = { String(decoding: $0, as: UTF8.self) }) -> Int32 {
        if let known = index.lookup(bytes) { return codes[Int(known)] }
        let code = table.code(of: decode(bytes), in: column)
        if codes.count < limit {
            index.insert(utf8: bytes)
            codes.append(code)
        }
        return code
    }
}

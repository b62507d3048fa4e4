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
        var lines: [Int] = []
        var authorTexts = TextColumn()
        var authorColumn: Int?
        var units = UnitInterner()
        var log = DiagnosticLog()
    }

    /// Reads the courses; needs nothing from `people.csv`, so both files can
    /// be read at the same time.
    static func read(path: String) -> Read {
        var result = Read()
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &result.log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return result }
        let cell = FieldParsing(file: name)
        let columnAnnotation = h.index("annotation")
        let columnAudioCodec = h.index("audio_codec")
        let columnAuthors = h.index("authors")
        let columnCitationShare = h.index("citation_share")
        let columnCohorts = h.index("cohorts")
        let columnDepartment = h.index("department")
        let columnFaculty = h.index("faculty")
        let columnHasForum = h.index("has_forum")
        let columnHasGlossary = h.index("has_glossary")
        let columnHasImplementationAct = h.index("has_implementation_act")
        let columnHasPlacementCertificate = h.index("has_placement_certificate")
        let columnHasPromoVideo = h.index("has_promo_video")
        let columnHasSyllabus = h.index("has_syllabus")
        let columnLanguages = h.index("languages")
        let columnLink = h.index("link")
        let columnMaxLectureSeconds = h.index("max_lecture_seconds")
        let columnMoocId = h.index("mooc_id")
        let columnPreviousAwardYear = h.index("previous_award_year")
        let columnPromoVideoSeconds = h.index("promo_video_seconds")
        let columnSubmittedAt = h.index("submitted_at")
        let columnTitle = h.index("title")
        let columnVideoFormat = h.index("video_format")
        result.authorColumn = columnAuthors
        func col(_ c: Int?) -> Int? { c.map { $0 + 1 } }
        // Repeated values (language lists, formats, codecs) become a `String` once each.
        var languageText = TextCache(), formatText = TextCache(), codecText = TextCache()
        while let row = csv.next(log: &result.log) {
            let l = row.line
            let id = row.bytes(columnMoocId)
            guard cell.identifier(bytes: id, column: "mooc_id", at: l, col(columnMoocId), log: &result.log) else { continue }
            let (known, inserted) = result.index.insert(utf8: id)
            if !inserted {
                result.log.error(name, l, col(columnMoocId), "mooc_id '\(String(decoding: id, as: UTF8.self))' is given twice (first at line \(result.lines[Int(known)]))")
                continue
            }
            let title = row.bytes(columnTitle)
            if !FieldParsing.hasText(title) {
                result.log.error(name, l, col(columnTitle), "missing title of '\(String(decoding: id, as: UTF8.self))'")
            }
            result.authorTexts.append(utf8: row.bytes(columnAuthors))
            let faculty = row.bytes(columnFaculty), department = row.bytes(columnDepartment)
            let facultyOK = cell.identifier(bytes: faculty, column: "faculty", at: l, col(columnFaculty), log: &result.log)
            let departmentOK = cell.identifier(bytes: department, column: "department", at: l, col(columnDepartment), log: &result.log)

            var facts = CourseTable.Facts()
            let languages = row.bytes(columnLanguages)
            if !languages.isEmpty {
                facts.languages = languageText.string(languages) { bytes in
                    var items: [String] = []
                    FieldParsing.forEachItem(bytes) { items.append(String(decoding: $0, as: UTF8.self)) }
                    return items.joined(separator: ";")
                }
            }
            let submittedText = row.bytes(columnSubmittedAt)
            let submitted = cell.timestamp(bytes: submittedText, column: "submitted_at", at: l, col(columnSubmittedAt), log: &result.log)
            facts.cohorts = cell.integer(bytes: row.bytes(columnCohorts), column: "cohorts", at: l, col(columnCohorts), log: &result.log)
            facts.hasSyllabus = cell.yesNo(bytes: row.bytes(columnHasSyllabus), column: "has_syllabus", at: l, col(columnHasSyllabus), log: &result.log)
            facts.hasPromoVideo = cell.yesNo(bytes: row.bytes(columnHasPromoVideo), column: "has_promo_video", at: l, col(columnHasPromoVideo), log: &result.log)
            facts.hasGlossary = cell.yesNo(bytes: row.bytes(columnHasGlossary), column: "has_glossary", at: l, col(columnHasGlossary), log: &result.log)
            facts.hasForum = cell.yesNo(bytes: row.bytes(columnHasForum), column: "has_forum", at: l, col(columnHasForum), log: &result.log)
            facts.promoVideoSeconds = cell.number(bytes: row.bytes(columnPromoVideoSeconds), column: "promo_video_seconds", at: l, col(columnPromoVideoSeconds), log: &result.log)
            facts.maxLectureSeconds = cell.number(bytes: row.bytes(columnMaxLectureSeconds), column: "max_lecture_seconds", at: l, col(columnMaxLectureSeconds), log: &result.log)
            let videoFormat = row.bytes(columnVideoFormat)
            if !videoFormat.isEmpty { facts.videoFormat = formatText.string(videoFormat) }
            let audioCodec = row.bytes(columnAudioCodec)
            if !audioCodec.isEmpty { facts.audioCodec = codecText.string(audioCodec) }
            let citation = row.bytes(columnCitationShare)
            facts.citationShare = cell.number(bytes: citation, column: "citation_share", at: l, col(columnCitationShare), log: &result.log)
            if let share = facts.citationShare, share > 1 {
                result.log.error(name, l, col(columnCitationShare), "citation_share is a share between 0 and 1, found \(String(decoding: citation, as: UTF8.self))")
                facts.citationShare = nil
            }
            facts.hasImplementationAct = cell.yesNo(bytes: row.bytes(columnHasImplementationAct), column: "has_implementation_act", at: l, col(columnHasImplementationAct), log: &result.log)
            facts.hasPlacementCertificate = cell.yesNo(bytes: row.bytes(columnHasPlacementCertificate), column: "has_placement_certificate", at: l, col(columnHasPlacementCertificate), log: &result.log)
            facts.previousAwardYear = cell.integer(bytes: row.bytes(columnPreviousAwardYear), column: "previous_award_year", at: l, col(columnPreviousAwardYear), min: 1900, log: &result.log)
            result.courses.append(id: id, title: title, authors: [],
                           faculty: result.units.unit(facultyOK ? faculty : FieldParsing.empty),
                           department: result.units.unit(departmentOK ? department : FieldParsing.empty),
                           link: row.bytes(columnLink), annotation: row.bytes(columnAnnotation),
                           submittedAt: submitted.map { (submittedText, $0) }, facts: facts)
            result.lines.append(l)
        }
        result.index.optimizeForLookups()
        return result
    }

    /// Looks up the authors of every course in `people.csv` and reports a
    /// course that names none, and authors that are unknown, listed twice or
    /// not authors.
    static func resolveAuthors(_ read: inout Read, people: IdIndex, personList: PersonTable, log: inout DiagnosticLog) {
        let col = read.authorColumn.map { $0 + 1 }
        var start: [Int32] = [0]
        start.reserveCapacity(read.courses.count + 1)
        var list: [Int32] = []
        list.reserveCapacity(read.courses.count)
        for c in 0..<read.courses.count {
            let l = read.lines[c]
            let first = list.count
            var named = false
            read.authorTexts.withUTF8(c) { text in
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
            if !named { log.error(name, l, col, "course '\(read.courses.ids[c])' names no author") }
            start.append(Int32(list.count))
        }
        read.courses.setAuthors(start: start, list: list)
        read.authorTexts = TextColumn()
    }
}

/// The distinct short texts of a column and their `String`s, so a value
/// repeated row after row (a video format, a codec, a language list) is
/// decoded once, not once a row. Past `limit` distinct values, new ones are
/// decoded every time.
struct TextCache {
    private var index = IdIndex()
    private var values: [String] = []
    private let limit = 4096

    mutating func string(_ bytes: UnsafeRawBufferPointer,
                         decode: (UnsafeRawBufferPointer) -> String = { String(decoding: $0, as: UTF8.self) }) -> String {
        if let known = index.lookup(bytes) { return values[Int(known)] }
        let value = decode(bytes)
        if values.count < limit {
            index.insert(utf8: bytes)
            values.append(value)
        }
        return value
    }
}

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

    static func read(path: String, people: IdIndex, personList: PersonTable, units: inout UnitInterner, log: inout DiagnosticLog)
        -> (courses: CourseTable, index: IdIndex, lines: [Int]) {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return (CourseTable(), IdIndex(), []) }
        let cell = FieldParsing(file: name)
        var courses = CourseTable()
        var lines: [Int] = []
        var index = IdIndex()
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
        func col(_ c: Int?) -> Int? { c.map { $0 + 1 } }
        // Repeated values (language lists, formats, codecs) become a `String` once each.
        var languageText = TextCache(), formatText = TextCache(), codecText = TextCache()
        var authors: [Int32] = []
        while let row = csv.next(log: &log) {
            let l = row.line
            let id = row.bytes(columnMoocId)
            guard cell.identifier(bytes: id, column: "mooc_id", at: l, col(columnMoocId), log: &log) else { continue }
            let (known, inserted) = index.insert(utf8: id)
            if !inserted {
                log.error(name, l, col(columnMoocId), "mooc_id '\(String(decoding: id, as: UTF8.self))' is given twice (first at line \(lines[Int(known)]))")
                continue
            }
            let title = row.bytes(columnTitle)
            if !FieldParsing.hasText(title) {
                log.error(name, l, col(columnTitle), "missing title of '\(String(decoding: id, as: UTF8.self))'")
            }
            authors.removeAll(keepingCapacity: true)
            let authorIds = row.bytes(columnAuthors)
            var anyAuthor = false
            FieldParsing.forEachItem(authorIds) { a in
                anyAuthor = true
                guard let p = people.lookup(a) else {
                    log.error(name, l, col(columnAuthors), "author '\(String(decoding: a, as: UTF8.self))' is not in people.csv")
                    return
                }
                if authors.contains(p) {
                    log.error(name, l, col(columnAuthors), "author '\(String(decoding: a, as: UTF8.self))' is listed twice")
                    return
                }
                if !personList.roles(Int(p)).contains(.author) {
                    log.warning(name, l, col(columnAuthors), "author '\(String(decoding: a, as: UTF8.self))' does not have the role 'author' in people.csv")
                }
                authors.append(p)
            }
            if !anyAuthor { log.error(name, l, col(columnAuthors), "course '\(String(decoding: id, as: UTF8.self))' names no author") }
            let faculty = row.bytes(columnFaculty), department = row.bytes(columnDepartment)
            let facultyOK = cell.identifier(bytes: faculty, column: "faculty", at: l, col(columnFaculty), log: &log)
            let departmentOK = cell.identifier(bytes: department, column: "department", at: l, col(columnDepartment), log: &log)

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
            let submitted = cell.timestamp(bytes: submittedText, column: "submitted_at", at: l, col(columnSubmittedAt), log: &log)
            facts.cohorts = cell.integer(bytes: row.bytes(columnCohorts), column: "cohorts", at: l, col(columnCohorts), log: &log)
            facts.hasSyllabus = cell.yesNo(bytes: row.bytes(columnHasSyllabus), column: "has_syllabus", at: l, col(columnHasSyllabus), log: &log)
            facts.hasPromoVideo = cell.yesNo(bytes: row.bytes(columnHasPromoVideo), column: "has_promo_video", at: l, col(columnHasPromoVideo), log: &log)
            facts.hasGlossary = cell.yesNo(bytes: row.bytes(columnHasGlossary), column: "has_glossary", at: l, col(columnHasGlossary), log: &log)
            facts.hasForum = cell.yesNo(bytes: row.bytes(columnHasForum), column: "has_forum", at: l, col(columnHasForum), log: &log)
            facts.promoVideoSeconds = cell.number(bytes: row.bytes(columnPromoVideoSeconds), column: "promo_video_seconds", at: l, col(columnPromoVideoSeconds), log: &log)
            facts.maxLectureSeconds = cell.number(bytes: row.bytes(columnMaxLectureSeconds), column: "max_lecture_seconds", at: l, col(columnMaxLectureSeconds), log: &log)
            let videoFormat = row.bytes(columnVideoFormat)
            if !videoFormat.isEmpty { facts.videoFormat = formatText.string(videoFormat) }
            let audioCodec = row.bytes(columnAudioCodec)
            if !audioCodec.isEmpty { facts.audioCodec = codecText.string(audioCodec) }
            let citation = row.bytes(columnCitationShare)
            facts.citationShare = cell.number(bytes: citation, column: "citation_share", at: l, col(columnCitationShare), log: &log)
            if let share = facts.citationShare, share > 1 {
                log.error(name, l, col(columnCitationShare), "citation_share is a share between 0 and 1, found \(String(decoding: citation, as: UTF8.self))")
                facts.citationShare = nil
            }
            facts.hasImplementationAct = cell.yesNo(bytes: row.bytes(columnHasImplementationAct), column: "has_implementation_act", at: l, col(columnHasImplementationAct), log: &log)
            facts.hasPlacementCertificate = cell.yesNo(bytes: row.bytes(columnHasPlacementCertificate), column: "has_placement_certificate", at: l, col(columnHasPlacementCertificate), log: &log)
            facts.previousAwardYear = cell.integer(bytes: row.bytes(columnPreviousAwardYear), column: "previous_award_year", at: l, col(columnPreviousAwardYear), min: 1900, log: &log)
            courses.append(id: id, title: title, authors: authors,
                           faculty: units.unit(facultyOK ? faculty : FieldParsing.empty),
                           department: units.unit(departmentOK ? department : FieldParsing.empty),
                           link: row.bytes(columnLink), annotation: row.bytes(columnAnnotation),
                           submittedAt: submitted.map { (submittedText, $0) }, facts: facts)
            lines.append(l)
        }
        index.optimizeForLookups()
        return (courses, index, lines)
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

import JuryEngine

/// Reads `moocs.csv`: the submitted courses with the facts of F-01 and F-02.
enum MoocsFile {
    static let name = "moocs.csv"
    static let required = ["mooc_id", "title", "authors", "faculty", "department"]
    static let optional = ["languages", "link", "annotation", "submitted_at", "cohorts", "has_syllabus",
                           "has_promo_video", "has_glossary", "has_forum", "promo_video_seconds",
                           "max_lecture_seconds", "video_format", "audio_codec", "citation_share",
                           "has_implementation_act", "has_placement_certificate", "previous_award_year"]

    static func read(path: String, people: IdIndex, personList: [Person], log: inout DiagnosticLog)
        -> (courses: [Course], index: IdIndex, lines: [Int]) {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return ([], IdIndex(), []) }
        let cell = FieldParsing(file: name)
        var courses: [Course] = []
        var lines: [Int] = []
        var index = IdIndex()
        while let row = csv.next(log: &log) {
            let l = row.line
            func col(_ n: String) -> Int? { h.index(n).map { $0 + 1 } }
            func text(_ n: String) -> String? {
                guard let t = row[h.index(n)], !t.isEmpty else { return nil }
                return t
            }
            guard let id = cell.identifier(row[h.index("mooc_id")], column: "mooc_id", at: l, col("mooc_id"), log: &log) else { continue }
            if let first = index.lookup(id).map({ lines[Int($0)] }) {
                log.error(name, l, col("mooc_id"), "mooc_id '\(id)' is given twice (first at line \(first))")
                continue
            }
            let title = row[h.index("title")] ?? ""
            if title.trimmingSpaces.isEmpty { log.error(name, l, col("title"), "missing title of '\(id)'") }
            var authors: [Int32] = []
            let authorIds = cell.list(row[h.index("authors")])
            if authorIds.isEmpty { log.error(name, l, col("authors"), "course '\(id)' names no author") }
            for a in authorIds {
                guard let p = people.lookup(a) else {
                    log.error(name, l, col("authors"), "author '\(a)' is not in people.csv")
                    continue
                }
                if authors.contains(p) {
                    log.error(name, l, col("authors"), "author '\(a)' is listed twice")
                    continue
                }
                if !personList[Int(p)].roles.contains(.author) {
                    log.warning(name, l, col("authors"), "author '\(a)' does not have the role 'author' in people.csv")
                }
                authors.append(p)
            }
            let faculty = cell.identifier(row[h.index("faculty")], column: "faculty", at: l, col("faculty"), log: &log) ?? ""
            let department = cell.identifier(row[h.index("department")], column: "department", at: l, col("department"), log: &log) ?? ""
            var course = Course(id: id, title: title, authors: authors, faculty: faculty, department: department)
            if h.index("languages") != nil, let langs = text("languages") { course.languages = cell.list(langs) }
            course.link = text("link")
            course.annotation = text("annotation")
            course.submittedAt = cell.timestamp(text("submitted_at"), column: "submitted_at", at: l, col("submitted_at"), log: &log)
            course.cohorts = cell.integer(text("cohorts"), column: "cohorts", at: l, col("cohorts"), log: &log)
            course.hasSyllabus = cell.yesNo(text("has_syllabus"), column: "has_syllabus", at: l, col("has_syllabus"), log: &log)
            course.hasPromoVideo = cell.yesNo(text("has_promo_video"), column: "has_promo_video", at: l, col("has_promo_video"), log: &log)
            course.hasGlossary = cell.yesNo(text("has_glossary"), column: "has_glossary", at: l, col("has_glossary"), log: &log)
            course.hasForum = cell.yesNo(text("has_forum"), column: "has_forum", at: l, col("has_forum"), log: &log)
            course.promoVideoSeconds = cell.number(text("promo_video_seconds"), column: "promo_video_seconds", at: l, col("promo_video_seconds"), log: &log)
            course.maxLectureSeconds = cell.number(text("max_lecture_seconds"), column: "max_lecture_seconds", at: l, col("max_lecture_seconds"), log: &log)
            course.videoFormat = text("video_format")
            course.audioCodec = text("audio_codec")
            course.citationShare = cell.number(text("citation_share"), column: "citation_share", at: l, col("citation_share"), log: &log)
            if let share = course.citationShare, share > 1 {
                log.error(name, l, col("citation_share"), "citation_share is a share between 0 and 1, found \(text("citation_share") ?? "")")
                course.citationShare = nil
            }
            course.hasImplementationAct = cell.yesNo(text("has_implementation_act"), column: "has_implementation_act", at: l, col("has_implementation_act"), log: &log)
            course.hasPlacementCertificate = cell.yesNo(text("has_placement_certificate"), column: "has_placement_certificate", at: l, col("has_placement_certificate"), log: &log)
            course.previousAwardYear = cell.integer(text("previous_award_year"), column: "previous_award_year", at: l, col("previous_award_year"), min: 1900, log: &log)
            index.insert(id)
            courses.append(course)
            lines.append(l)
        }
        return (courses, index, lines)
    }
}

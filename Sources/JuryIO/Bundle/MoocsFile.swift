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
        while let row = csv.next(log: &log) {
            let l = row.line
            func text(_ column: Int?) -> String? {
                guard let t = row[column], !t.isEmpty else { return nil }
                return t
            }
            guard let id = cell.identifier(row[columnMoocId], column: "mooc_id", at: l, columnMoocId.map { $0 + 1 }, log: &log) else { continue }
            if let first = index.lookup(id).map({ lines[Int($0)] }) {
                log.error(name, l, columnMoocId.map { $0 + 1 }, "mooc_id '\(id)' is given twice (first at line \(first))")
                continue
            }
            let title = row[columnTitle] ?? ""
            if title.trimmingSpaces.isEmpty { log.error(name, l, columnTitle.map { $0 + 1 }, "missing title of '\(id)'") }
            var authors: [Int32] = []
            let authorIds = cell.list(row[columnAuthors])
            if authorIds.isEmpty { log.error(name, l, columnAuthors.map { $0 + 1 }, "course '\(id)' names no author") }
            for a in authorIds {
                guard let p = people.lookup(a) else {
                    log.error(name, l, columnAuthors.map { $0 + 1 }, "author '\(a)' is not in people.csv")
                    continue
                }
                if authors.contains(p) {
                    log.error(name, l, columnAuthors.map { $0 + 1 }, "author '\(a)' is listed twice")
                    continue
                }
                if !personList[Int(p)].roles.contains(.author) {
                    log.warning(name, l, columnAuthors.map { $0 + 1 }, "author '\(a)' does not have the role 'author' in people.csv")
                }
                authors.append(p)
            }
            let faculty = cell.identifier(row[columnFaculty], column: "faculty", at: l, columnFaculty.map { $0 + 1 }, log: &log) ?? ""
            let department = cell.identifier(row[columnDepartment], column: "department", at: l, columnDepartment.map { $0 + 1 }, log: &log) ?? ""
            var course = Course(id: id, title: title, authors: authors, faculty: faculty, department: department)
            if columnLanguages != nil, let langs = text(columnLanguages) { course.languages = cell.list(langs) }
            course.link = text(columnLink)
            course.annotation = text(columnAnnotation)
            course.submittedAt = cell.timestamp(text(columnSubmittedAt), column: "submitted_at", at: l, columnSubmittedAt.map { $0 + 1 }, log: &log)
            course.cohorts = cell.integer(text(columnCohorts), column: "cohorts", at: l, columnCohorts.map { $0 + 1 }, log: &log)
            course.hasSyllabus = cell.yesNo(text(columnHasSyllabus), column: "has_syllabus", at: l, columnHasSyllabus.map { $0 + 1 }, log: &log)
            course.hasPromoVideo = cell.yesNo(text(columnHasPromoVideo), column: "has_promo_video", at: l, columnHasPromoVideo.map { $0 + 1 }, log: &log)
            course.hasGlossary = cell.yesNo(text(columnHasGlossary), column: "has_glossary", at: l, columnHasGlossary.map { $0 + 1 }, log: &log)
            course.hasForum = cell.yesNo(text(columnHasForum), column: "has_forum", at: l, columnHasForum.map { $0 + 1 }, log: &log)
            course.promoVideoSeconds = cell.number(text(columnPromoVideoSeconds), column: "promo_video_seconds", at: l, columnPromoVideoSeconds.map { $0 + 1 }, log: &log)
            course.maxLectureSeconds = cell.number(text(columnMaxLectureSeconds), column: "max_lecture_seconds", at: l, columnMaxLectureSeconds.map { $0 + 1 }, log: &log)
            course.videoFormat = text(columnVideoFormat)
            course.audioCodec = text(columnAudioCodec)
            course.citationShare = cell.number(text(columnCitationShare), column: "citation_share", at: l, columnCitationShare.map { $0 + 1 }, log: &log)
            if let share = course.citationShare, share > 1 {
                log.error(name, l, columnCitationShare.map { $0 + 1 }, "citation_share is a share between 0 and 1, found \(text(columnCitationShare) ?? "")")
                course.citationShare = nil
            }
            course.hasImplementationAct = cell.yesNo(text(columnHasImplementationAct), column: "has_implementation_act", at: l, columnHasImplementationAct.map { $0 + 1 }, log: &log)
            course.hasPlacementCertificate = cell.yesNo(text(columnHasPlacementCertificate), column: "has_placement_certificate", at: l, columnHasPlacementCertificate.map { $0 + 1 }, log: &log)
            course.previousAwardYear = cell.integer(text(columnPreviousAwardYear), column: "previous_award_year", at: l, columnPreviousAwardYear.map { $0 + 1 }, min: 1900, log: &log)
            index.insert(id)
            courses.append(course)
            lines.append(l)
        }
        return (courses, index, lines)
    }
}

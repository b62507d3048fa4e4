import Foundation
import Testing
@testable import JuryEngine

// MARK: - Fixtures

private let staff = [
    Person(id: "p1", fullName: "Айгүл Серікқызы Нұрланова", faculty: "F1", department: "D1", roles: .author,
           teachingStaff: true),
    Person(id: "p2", fullName: "Ivan Petrov", faculty: "F1", department: "D1", roles: .author, teachingStaff: true),
]

private func timestamp(_ text: String, _ seconds: Int64) -> Timestamp {
    Timestamp(text: text, secondsSinceEpoch: seconds)
}

/// 2025-05-15T18:00:00+05:00.
private let deadline = timestamp("2025-05-15T18:00:00+05:00", 1_747_314_000)

/// A course that meets every requirement a bundle can express.
private func goodCourse() -> Course {
    var c = Course(id: "m1", title: "Тамақ өнеркәсібінің технологиясы", authors: [0, 1], faculty: "F1", department: "D1")
    c.languages = ["kk", "ru"]
    c.link = "https://skills.atu.kz/course/view.php?id=1"
    c.annotation = "Курс знакомит с основами технологии пищевых производств."
    c.submittedAt = timestamp("2025-05-10T09:00:00+05:00", 1_746_849_600)
    c.cohorts = 2
    c.hasSyllabus = true
    c.hasPromoVideo = true
    c.hasGlossary = true
    c.hasForum = true
    c.promoVideoSeconds = 180
    c.maxLectureSeconds = 900
    c.videoFormat = "mp4/h264/1280x720"
    c.audioCodec = "aac"
    c.citationShare = 0.05
    c.hasImplementationAct = true
    c.hasPlacementCertificate = true
    return c
}

/// A course whose bundle gives nothing beyond the required columns.
private func bareCourse() -> Course {
    Course(id: "m2", title: "Food safety", authors: [1], faculty: "F1", department: "D1")
}

private func rules(warn: [String] = [], deadline: Timestamp? = deadline) -> Rules {
    var r = Rules()
    r.deadline = deadline
    r.eligibilityWarn = warn
    return r
}

private func check(_ course: Course, people: [Person] = staff, warn: [String] = [],
                   deadline: Timestamp? = deadline, year: Int? = 2025,
                   awards: EarlierAwards? = EarlierAwards()) -> EligibilityResult {
    EligibilityChecker(rules: rules(warn: warn, deadline: deadline), competitionYear: year, earlierAwards: awards)
        .check(course, people: people)
}

/// Checks `course` after `change` and returns the verdict on `requirement`.
private func verdict(_ requirement: EligibilityRequirement, people: [Person] = staff,
                     deadline: Timestamp? = deadline, awards: EarlierAwards? = EarlierAwards(),
                     _ change: (inout Course) -> Void = { _ in }) -> Verdict {
    var course = goodCourse()
    change(&course)
    return Verdict(check(course, people: people, deadline: deadline, awards: awards), requirement)
}

private enum Verdict: Equatable, CustomStringConvertible {
    case passed
    case failed(String)
    case unchecked

    init(_ result: EligibilityResult, _ requirement: EligibilityRequirement) {
        if let failure = result.failures.first(where: { $0.requirement == requirement }) {
            self = .failed(failure.message)
        } else if result.unchecked.contains(requirement) {
            self = .unchecked
        } else {
            self = .passed
        }
    }

    var isFailure: Bool { if case .failed = self { true } else { false } }

    var description: String {
        switch self {
        case .passed: "passed"
        case .failed(let message): "failed: \(message)"
        case .unchecked: "unchecked"
        }
    }
}

private let videoParts: [EligibilityRequirement] = [.videoContainer, .videoCodec, .videoResolution, .videoAspect]

// MARK: - Whole courses

@Suite("Eligibility: whole courses")
struct EligibilityCourseTests {
    @Test("a course meeting every requirement passes every check")
    func goodCoursePassesAll() {
        let result = check(goodCourse())
        #expect(result.eligible)
        #expect(result.failures.isEmpty)
        #expect(result.unchecked.isEmpty)
        #expect(result.passed == EligibilityRequirement.allCases)
        #expect(result.courseID == "m1")
    }

    @Test("a course without eligibility data is eligible with every data check unchecked, never passed")
    func bareCourseIsUnchecked() {
        let people = [staff[0], Person(id: "p2", fullName: "Ivan Petrov", faculty: "F1", department: "D1", roles: .author)]
        let result = check(bareCourse(), people: people, deadline: nil, awards: nil)
        #expect(result.eligible)
        #expect(result.failures.isEmpty)
        #expect(result.passed == [.titleMissing, .authorNamesMissing])
        #expect(result.unchecked == EligibilityRequirement.allCases.filter { $0 != .titleMissing && $0 != .authorNamesMissing })
    }

    @Test("failures and unchecked items are listed in requirement order")
    func stableOrder() {
        var course = goodCourse()
        course.hasPlacementCertificate = false
        course.cohorts = 1
        course.audioCodec = nil
        course.languages = ["de"]
        course.citationShare = 0.2
        course.hasGlossary = nil
        let result = check(course)
        #expect(result.failures.map(\.code) == ["languages", "cohorts", "citation_share", "placement_certificate"])
        #expect(result.unchecked == [.glossary, .audioCodec])
        #expect(result.failures.map(\.clause) == ["8.2", "10.1", "F-02 3", "F-01 note"])
    }

    @Test("every requirement is exactly one of failed, unchecked and passed")
    func partition() {
        var course = goodCourse()
        course.videoFormat = "mp4/h264"
        course.cohorts = nil
        course.hasForum = false
        let result = check(course)
        let failed = result.failures.map(\.requirement)
        let all = failed + result.unchecked + result.passed
        #expect(all.count == EligibilityRequirement.allCases.count)
        #expect(Set(all) == Set(EligibilityRequirement.allCases))
    }

    @Test("checking a competition gives one result per course in course order, with the round's year")
    func competition() {
        var winner = bareCourse()
        winner.id = "m0"
        let (sheets, _) = SheetTable.Builder(criterionCount: 7, weights: Rules().weights).build(courseCount: 3)
        let competition = Competition(id: "atu-2025", title: "t", year: 2025, rules: rules(), people: staff,
                                      courses: [goodCourse(), bareCourse(), winner], sheets: sheets)
        let awards = EarlierAwards([(courseID: "m0", year: 2024), (courseID: "m1", year: 2025)])
        let results = EligibilityChecker(competition: competition, earlierAwards: awards).check(competition)
        #expect(results.map(\.courseID) == ["m1", "m2", "m0"])
        #expect(results.map(\.eligible) == [true, true, false])
        #expect(results[2].failures.map(\.code) == ["previous_winner"])
    }

    @Test("a competition's courses checked in ranges, each video format read once, equal the checks course by course")
    func competitionInRanges() {
        // Readable, malformed and absent formats, repeated across the courses, and other facts varied too.
        let formats: [String?] = ["mp4/h264/1280x720", " MP4 / H.264 / 1920 × 1080 ", "avi/vp9/640x480", "mp4/h264",
                                  "mp4//1280x720", "  ", nil, "mkv/hevc/1280x800", "mp4/h264/0x720"]
        var g = SeededGenerator(seed: 11)
        let courses = (0..<500).map { i in
            var c = i % 7 == 0 ? bareCourse() : goodCourse()
            c.id = "m\(i)"
            c.videoFormat = formats[Int.random(in: 0..<formats.count, using: &g)]
            if i % 5 == 0 { c.languages = [" kk ", "fr", ""] }
            if i % 11 == 0 { c.title = "  " }
            return c
        }
        let (sheets, _) = SheetTable.Builder(criterionCount: 7, weights: Rules().weights).build(courseCount: courses.count)
        let competition = Competition(id: "atu-2025", title: "t", year: 2025, rules: rules(), people: staff,
                                      courses: courses, sheets: sheets)
        let checker = EligibilityChecker(competition: competition)
        let oneByOne = courses.map { checker.check($0, people: staff) }
        #expect(checker.check(competition, coursesPerRange: .max) == oneByOne)
        #expect(checker.check(competition, coursesPerRange: 7) == oneByOne)
        #expect(Set(oneByOne.flatMap { $0.failures.map(\.code) }).isSuperset(of: ["video_format", "video_codec", "video_resolution"]))
    }

    @Test("white space is trimmed as Character.isWhitespace says, whatever the text's first and last bytes")
    func trimming() {
        // The reference: the Character-by-Character trim the fast path must agree with.
        func reference(_ text: String) -> Substring {
            guard let first = text.firstIndex(where: { !$0.isWhitespace }),
                  let last = text.lastIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
            return text[first...last]
        }
        // ASCII letters and punctuation, spaces and tabs, NBSP, ideographic space, a combining
        // acute, an Arabic number sign (a Prepend scalar), CR LF, and Cyrillic.
        let pieces = ["a", "Z", "~", "!", " ", "\t", "\u{A0}", "\u{3000}", "\u{301}", "\u{600}", "\r\n", "ж", "\n"]
        var g = SeededGenerator(seed: 12)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined()
            #expect(EligibilityText.trimmed(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let sub = text.dropFirst()
            #expect(EligibilityText.trimmed(sub) == reference(String(sub)))
        }
    }

    @Test("a result encodes as mooc_id, eligible, failures with code, clause, message, disqualifies, and unchecked codes")
    func json() throws {
        var course = goodCourse()
        course.promoVideoSeconds = 212
        course.hasForum = nil
        let result = check(course, warn: ["promo_video_length"])
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["mooc_id"] as? String == "m1")
        #expect(object["eligible"] as? Bool == true)
        #expect(object["unchecked"] as? [String] == ["forum"])
        let failures = try #require(object["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures[0]["code"] as? String == "promo_video_length")
        #expect(failures[0]["clause"] as? String == "F-02 1")
        #expect(failures[0]["message"] as? String == "promotional video is 212 s long; F-02 allows at most 180 s")
        #expect(failures[0]["disqualifies"] as? Bool == false)
        #expect(try JSONDecoder().decode(EligibilityResult.self, from: data) == result)
    }

    @Test("the same input gives the same result")
    func deterministic() {
        var course = goodCourse()
        course.videoFormat = "avi/vp9/640x480"
        course.languages = ["fr", "de", "kk"]
        #expect(check(course) == check(course))
    }
}

// MARK: - One test per requirement: passing, failing, unchecked

@Suite("Eligibility: each requirement")
struct EligibilityRequirementTests {
    @Test("author_not_teaching_staff (8.1): fails for an author outside teaching staff, unchecked while unknown")
    func teachingStaff() {
        #expect(verdict(.authorNotTeachingStaff) == .passed)
        var people = staff
        people[1].teachingStaff = false
        #expect(verdict(.authorNotTeachingStaff, people: people)
            == .failed("author Ivan Petrov (p2) is not teaching staff; 8.1 admits only teaching staff as authors"))
        people[0].teachingStaff = nil
        #expect(verdict(.authorNotTeachingStaff, people: people).isFailure, "a known outsider fails even if another author is unknown")
        people[1].teachingStaff = true
        #expect(verdict(.authorNotTeachingStaff, people: people) == .unchecked)
        people[0].teachingStaff = false
        people[1].teachingStaff = false
        #expect(verdict(.authorNotTeachingStaff, people: people) == .failed(
            "authors Айгүл Серікқызы Нұрланова (p1), Ivan Petrov (p2) are not teaching staff; 8.1 admits only teaching staff as authors"))
        #expect(verdict(.authorNotTeachingStaff) { $0.authors = [] } == .unchecked)
    }

    @Test("languages (8.2): kk, ru, en in any case pass; another language fails; none given is unchecked")
    func languages() {
        #expect(verdict(.languages) { $0.languages = ["kk", "RU", "en"] } == .passed)
        #expect(verdict(.languages) { $0.languages = ["kk", "de"] }
            == .failed("course language 'de' is not allowed; 8.2 admits kk, ru, en"))
        #expect(verdict(.languages) { $0.languages = ["tr", "de"] }
            == .failed("course languages 'tr', 'de' are not allowed; 8.2 admits kk, ru, en"))
        #expect(verdict(.languages) { $0.languages = nil } == .unchecked)
        #expect(verdict(.languages) { $0.languages = [] } == .unchecked)
        #expect(verdict(.languages) { $0.languages = ["", " "] } == .unchecked, "blank entries say nothing")
        #expect(verdict(.languages) { $0.languages = ["kk", "", "de", "de"] }
            == .failed("course language 'de' is not allowed; 8.2 admits kk, ru, en"))
    }

    @Test("late_submission (9.9): on time passes, a second late fails, no deadline or no timestamp is unchecked")
    func lateSubmission() {
        #expect(verdict(.lateSubmission) { $0.submittedAt = deadline } == .passed)
        #expect(verdict(.lateSubmission) {
            $0.submittedAt = timestamp("2025-05-15T18:00:01+05:00", deadline.secondsSinceEpoch + 1)
        } == .failed("application submitted at 2025-05-15T18:00:01+05:00, 1 s after the deadline "
            + "2025-05-15T18:00:00+05:00; 9.9: late applications are not accepted"))
        let late = verdict(.lateSubmission) {
            $0.submittedAt = timestamp("2025-05-17T09:30:00+05:00", deadline.secondsSinceEpoch + 86_400 + 15 * 3_600 + 30 * 60)
        }
        #expect(late == .failed("application submitted at 2025-05-17T09:30:00+05:00, 1 d 15 h 30 min after the deadline "
            + "2025-05-15T18:00:00+05:00; 9.9: late applications are not accepted"))
        #expect(verdict(.lateSubmission, deadline: nil) == .unchecked)
        #expect(verdict(.lateSubmission) { $0.submittedAt = nil } == .unchecked)
    }

    @Test("previous_winner (9.10): previous_award_year or an earlier archived award fails; nothing known is unchecked")
    func previousWinner() {
        #expect(verdict(.previousWinner, awards: nil) == .unchecked, "no previous_award_year and no archive")
        #expect(verdict(.previousWinner, awards: nil) { $0.previousAwardYear = 2023 }
            == .failed("course already won or took a prize (in 2023 according to moocs.csv); "
                + "9.10: earlier winners may not be resubmitted"))
        let archive = EarlierAwards([(courseID: "m1", year: 2023), (courseID: "m1", year: 2021),
                                     (courseID: "m1", year: 2023), (courseID: "other", year: 2022)])
        #expect(verdict(.previousWinner, awards: archive)
            == .failed("course already won or took a prize (in 2021 and 2023 according to the archive); "
                + "9.10: earlier winners may not be resubmitted"))
        #expect(verdict(.previousWinner, awards: archive) { $0.previousAwardYear = 2023 }
            == .failed("course already won or took a prize (in 2023 according to moocs.csv; in 2021 and 2023 "
                + "according to the archive); 9.10: earlier winners may not be resubmitted"))
        #expect(verdict(.previousWinner, awards: EarlierAwards()) == .passed, "an archive without the course clears it")
        #expect(verdict(.previousWinner, awards: archive) { $0.id = "m9" } == .passed)
    }

    @Test("previous_winner (9.10): archived awards of the round's own year or later do not count")
    func archiveOwnYear() {
        let archive = EarlierAwards([(courseID: "m1", year: 2025), (courseID: "m1", year: 2026)])
        #expect(verdict(.previousWinner, awards: archive) == .passed)
        #expect(archive.years(of: "m1", before: 2025) == [])
        #expect(archive.years(of: "m1", before: nil) == [2025, 2026])
        let unknownYear = EligibilityChecker(rules: rules(), earlierAwards: archive).check(goodCourse(), people: staff)
        #expect(unknownYear.failures.map(\.code) == ["previous_winner"])
        #expect(Verdict(unknownYear, .previousWinner).isFailure, "without the round's year every archived award counts")
    }

    @Test("cohorts (10.1): two pass, one fails, absent is unchecked")
    func cohorts() {
        #expect(verdict(.cohorts) { $0.cohorts = 5 } == .passed)
        #expect(verdict(.cohorts) { $0.cohorts = 1 }
            == .failed("course was piloted with 1 cohort of learners; 10.1 requires at least 2"))
        #expect(verdict(.cohorts) { $0.cohorts = 0 }
            == .failed("course was piloted with 0 cohorts of learners; 10.1 requires at least 2"))
        #expect(verdict(.cohorts) { $0.cohorts = nil } == .unchecked)
    }

    @Test("title_missing (10.2): a blank title fails; the title is a required column, so never unchecked")
    func title() {
        #expect(verdict(.titleMissing) == .passed)
        #expect(verdict(.titleMissing) { $0.title = " \u{00A0}\t" } == .failed("course title is empty; 10.2 requires one"))
        #expect(verdict(.titleMissing) { $0.title = "" }.isFailure)
    }

    @Test("author_names_missing (10.2): no authors or an author without a full name fails")
    func authorNames() {
        #expect(verdict(.authorNamesMissing) == .passed)
        #expect(verdict(.authorNamesMissing) { $0.authors = [] }
            == .failed("course names no authors; 10.2 requires the full name of every developer"))
        var people = staff
        people[1].fullName = "  "
        #expect(verdict(.authorNamesMissing, people: people)
            == .failed("author p2 has no full name; 10.2 requires the full name of every developer"))
    }

    @Test("annotation_missing (10.2): a blank annotation fails, an absent one is unchecked")
    func annotationMissing() {
        #expect(verdict(.annotationMissing) == .passed)
        #expect(verdict(.annotationMissing) { $0.annotation = "   " }
            == .failed("annotation is blank; 10.2 requires a brief annotation"))
        #expect(verdict(.annotationMissing) { $0.annotation = nil } == .unchecked)
    }

    @Test("syllabus, promo_video, glossary, forum (10.4): yes passes, no fails, absent is unchecked")
    func courseParts() {
        let parts: [(EligibilityRequirement, WritableKeyPath<Course, Bool?>, String)] = [
            (.syllabus, \.hasSyllabus, "course has no syllabus; 10.4 requires one"),
            (.promoVideo, \.hasPromoVideo, "course has no promotional video; 10.4 requires one"),
            (.glossary, \.hasGlossary, "course has no glossary; 10.4 requires one"),
            (.forum, \.hasForum, "course has no forum or chat; 10.4 requires one"),
        ]
        for (requirement, field, message) in parts {
            #expect(verdict(requirement) { $0[keyPath: field] = true } == .passed)
            #expect(verdict(requirement) { $0[keyPath: field] = false } == .failed(message))
            #expect(verdict(requirement) { $0[keyPath: field] = nil } == .unchecked)
            #expect(requirement.clause == "10.4")
        }
    }

    @Test("annotation_length (F-02 1): 300 characters pass, 301 fail, absent is unchecked")
    func annotationLength() {
        #expect(verdict(.annotationLength) { $0.annotation = String(repeating: "a", count: 300) } == .passed)
        #expect(verdict(.annotationLength) { $0.annotation = String(repeating: "a", count: 301) }
            == .failed("annotation is 301 characters long; F-02 allows at most 300"))
        #expect(verdict(.annotationLength) { $0.annotation = nil } == .unchecked)
    }

    @Test("promo_video_length (F-02 1): 180 s pass, 212 s fail, absent is unchecked")
    func promoVideoLength() {
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = 180 } == .passed)
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = 212 }
            == .failed("promotional video is 212 s long; F-02 allows at most 180 s"))
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = 180.5 }
            == .failed("promotional video is 180.5 s long; F-02 allows at most 180 s"))
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = 180.0001 }
            == .failed("promotional video is 180.0001 s long; F-02 allows at most 180 s"), "never printed as the limit")
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = .nan }.isFailure, "NaN is never within a limit")
        #expect(verdict(.promoVideoLength) { $0.promoVideoSeconds = nil } == .unchecked)
    }

    @Test("lecture_length (F-02 2): 900 s pass, 901 s fail, absent is unchecked")
    func lectureLength() {
        #expect(verdict(.lectureLength) { $0.maxLectureSeconds = 600 } == .passed)
        #expect(verdict(.lectureLength) { $0.maxLectureSeconds = 901 }
            == .failed("longest video lecture is 901 s long; F-02 allows at most 900 s"))
        #expect(verdict(.lectureLength) { $0.maxLectureSeconds = nil } == .unchecked)
    }

    @Test("video_format (F-02 2): a readable cell passes, a malformed one fails, absent is unchecked")
    func videoFormat() {
        #expect(verdict(.videoFormat) == .passed)
        #expect(verdict(.videoFormat) { $0.videoFormat = "mp4 h264 1280x720" }
            == .failed("video format 'mp4 h264 1280x720' cannot be read: it has 1 part separated by '/', not 3; "
                + "write it as container/codec/WIDTHxHEIGHT, e.g. mp4/h264/1280x720, to check it against F-02"))
        #expect(verdict(.videoFormat) { $0.videoFormat = nil } == .unchecked)
    }

    @Test("video_container (F-02 2): MP4 in any case passes, another container fails, unreadable is unchecked")
    func videoContainer() {
        #expect(verdict(.videoContainer) { $0.videoFormat = "MP4/h264/1280x720" } == .passed)
        #expect(verdict(.videoContainer) { $0.videoFormat = "mkv/h264/1280x720" }
            == .failed("video container is 'mkv'; F-02 accepts mp4"))
        #expect(verdict(.videoContainer) { $0.videoFormat = "mkv/h264" } == .unchecked)
        #expect(verdict(.videoContainer) { $0.videoFormat = nil } == .unchecked)
    }

    @Test("video_codec (F-02 2): H.264 under its usual names passes, another codec fails, unreadable is unchecked")
    func videoCodec() {
        for codec in ["h264", "H.264", "AVC", "avc1"] {
            #expect(verdict(.videoCodec) { $0.videoFormat = "mp4/\(codec)/1280x720" } == .passed)
        }
        #expect(verdict(.videoCodec) { $0.videoFormat = "mp4/hevc/1280x720" }
            == .failed("video codec is 'hevc'; F-02 accepts h264, h.264, avc or avc1"))
        #expect(verdict(.videoCodec) { $0.videoFormat = nil } == .unchecked)
    }

    @Test("video_resolution (F-02 2): at least 1280×720 in both dimensions passes")
    func videoResolution() {
        #expect(verdict(.videoResolution) { $0.videoFormat = "mp4/h264/1920x1080" } == .passed)
        #expect(verdict(.videoResolution) { $0.videoFormat = "mp4/h264/960x540" }
            == .failed("video resolution is 960×540; F-02 requires at least 1280×720"))
        #expect(verdict(.videoResolution) { $0.videoFormat = "mp4/h264/1280x719" }.isFailure)
        #expect(verdict(.videoResolution) { $0.videoFormat = nil } == .unchecked)
    }

    @Test("video_aspect (F-02 2): 16:9 within 1 % passes, 4:3 and 16:10 fail")
    func videoAspect() {
        for frame in ["1280x720", "1920x1080", "1366x768", "854x480", "1920x1088", "3840x2160"] {
            #expect(verdict(.videoAspect) { $0.videoFormat = "mp4/h264/\(frame)" } == .passed, "\(frame)")
        }
        #expect(verdict(.videoAspect) { $0.videoFormat = "mp4/h264/1440x1080" }
            == .failed("video frame 1440×1080 has aspect ratio 1.333 (4:3); F-02 requires 16:9 (1.778)"))
        #expect(verdict(.videoAspect) { $0.videoFormat = "mp4/h264/1920x1200" }
            == .failed("video frame 1920×1200 has aspect ratio 1.6 (8:5); F-02 requires 16:9 (1.778)"))
        #expect(verdict(.videoAspect) { $0.videoFormat = "mp4/h264/1283x719" } == .passed, "0.4 % off 16:9")
        #expect(verdict(.videoAspect) { $0.videoFormat = "mp4/h264/1999x1000" }
            == .failed("video frame 1999×1000 has aspect ratio 1.999; F-02 requires 16:9 (1.778)"))
        #expect(verdict(.videoAspect) { $0.videoFormat = nil } == .unchecked)
    }

    @Test("audio_codec (F-02 2): aac, ac3, ogg, mp3 in any case pass; another codec fails; absent is unchecked")
    func audioCodec() {
        for codec in ["aac", "AC3", "Ogg", "mp3", " mp3 "] {
            #expect(verdict(.audioCodec) { $0.audioCodec = codec } == .passed, "\(codec)")
        }
        #expect(verdict(.audioCodec) { $0.audioCodec = "opus" }
            == .failed("audio codec is 'opus'; F-02 accepts aac, ac3, ogg or mp3"))
        #expect(verdict(.audioCodec) { $0.audioCodec = nil } == .unchecked)
    }

    @Test("citation_share (F-02 3): 5 % passes, 7 % fails, absent is unchecked")
    func citationShare() {
        #expect(verdict(.citationShare) { $0.citationShare = 0.05 } == .passed)
        #expect(verdict(.citationShare) { $0.citationShare = 0 } == .passed)
        #expect(verdict(.citationShare) { $0.citationShare = 0.07 }
            == .failed("cited material is 7 % of the course (citation_share 0.07); F-02 allows at most 5 %"))
        #expect(verdict(.citationShare) { $0.citationShare = 0.0501 }
            == .failed("cited material is 5.01 % of the course (citation_share 0.0501); F-02 allows at most 5 %"))
        #expect(verdict(.citationShare) { $0.citationShare = 0.0500001 }
            == .failed("cited material is 5 % of the course (citation_share 0.0500001); F-02 allows at most 5 %"))
        #expect(verdict(.citationShare) { $0.citationShare = nil } == .unchecked)
    }

    @Test("implementation_act (F-01 note): yes passes, no fails, absent is unchecked")
    func implementationAct() {
        #expect(verdict(.implementationAct) == .passed)
        #expect(verdict(.implementationAct) { $0.hasImplementationAct = false } == .failed(
            "course has no Act of Implementation into the educational process attached; the F-01 note requires one"))
        #expect(verdict(.implementationAct) { $0.hasImplementationAct = nil } == .unchecked)
    }

    @Test("placement_certificate (F-01 note): yes passes, no fails, absent is unchecked")
    func placementCertificate() {
        #expect(verdict(.placementCertificate) == .passed)
        #expect(verdict(.placementCertificate) { $0.hasPlacementCertificate = false } == .failed(
            "course has no CAIDD certificate of placement on the educational platform attached; "
                + "the F-01 note requires one"))
        #expect(verdict(.placementCertificate) { $0.hasPlacementCertificate = nil } == .unchecked)
    }
}

// MARK: - Warnings and disqualification

@Suite("Eligibility: eligibility.warn")
struct EligibilityWarnTests {
    @Test("a failure disqualifies unless its code is listed in eligibility.warn")
    func warnTurnsFailureIntoWarning() {
        var course = goodCourse()
        course.promoVideoSeconds = 212
        let strict = check(course)
        #expect(!strict.eligible)
        #expect(strict.failures.map(\.disqualifies) == [true])
        #expect(strict.warnings.isEmpty)

        let lenient = check(course, warn: ["promo_video_length"])
        #expect(lenient.eligible)
        #expect(lenient.failures.map(\.code) == ["promo_video_length"], "a warning stays in failures")
        #expect(lenient.failures.map(\.disqualifies) == [false])
        #expect(lenient.warnings.map(\.code) == ["promo_video_length"])
    }

    @Test("a warning does not save a course that also fails a disqualifying check")
    func warningAndDisqualification() {
        var course = goodCourse()
        course.promoVideoSeconds = 212
        course.hasGlossary = false
        let result = check(course, warn: ["promo_video_length"])
        #expect(!result.eligible)
        #expect(result.failures.map(\.code) == ["glossary", "promo_video_length"])
        #expect(result.failures.map(\.disqualifies) == [true, false])
    }

    @Test("late_submission (9.9) and previous_winner (9.10) disqualify even when listed in eligibility.warn")
    func alwaysDisqualifying() {
        var course = goodCourse()
        course.submittedAt = timestamp("2025-05-16T18:00:00+05:00", deadline.secondsSinceEpoch + 86_400)
        course.previousAwardYear = 2022
        let result = check(course, warn: ["late_submission", "previous_winner"])
        #expect(!result.eligible)
        #expect(result.failures.map(\.code) == ["late_submission", "previous_winner"])
        #expect(result.failures.allSatisfy { $0.disqualifies })
        #expect(EligibilityRequirement.allCases.filter(\.alwaysDisqualifies) == [.lateSubmission, .previousWinner])
    }

    @Test("warn codes that are unknown or always disqualify are reported as ignored, in the order given")
    func ignoredWarnCodes() {
        let checker = EligibilityChecker(rules: rules(warn: ["glossary", "late_submision", "previous_winner", "forum"]))
        #expect(checker.ignoredWarnCodes == ["late_submision", "previous_winner"])
        #expect(checker.warn == [.glossary, .forum])
        #expect(!checker.disqualifies(.glossary))
        #expect(checker.disqualifies(.previousWinner))
        #expect(checker.disqualifies(.cohorts))
    }

    @Test("unchecked requirements never disqualify, whatever the warn list")
    func uncheckedNeverDisqualifies() {
        let result = check(bareCourse(), warn: [], awards: nil)
        #expect(result.eligible)
        #expect(result.unchecked.contains(.lateSubmission))
        #expect(result.unchecked.contains(.previousWinner))
    }
}

// MARK: - Characters

@Suite("Eligibility: annotation length in characters")
struct EligibilityGraphemeTests {
    @Test("Kazakh and Russian letters count one each, precomposed or decomposed")
    func cyrillic() {
        let kazakh = "Қазақ тілі: ә, ғ, қ, ң, ө, ұ, ү, һ, і."
        #expect(kazakh.count == 38)
        #expect(kazakh.utf8.count > 38)
        let decomposed = "и\u{0306}"   // й as и + combining breve
        #expect(decomposed.count == 1)
        let annotation = String(repeating: "Ә", count: 150) + String(repeating: decomposed, count: 150)
        #expect(annotation.unicodeScalars.count == 450)
        #expect(verdict(.annotationLength) { $0.annotation = annotation } == .passed)
        #expect(verdict(.annotationLength) { $0.annotation = annotation + "ң" }
            == .failed("annotation is 301 characters long; F-02 allows at most 300"))
    }

    @Test("an emoji sequence counts as one character")
    func emoji() {
        let family = "👨‍👩‍👧‍👦"
        let flag = "🇰🇿"
        let skinTone = "👍🏽"
        #expect([family, flag, skinTone].map(\.count) == [1, 1, 1])
        let annotation = String(repeating: "Курс\(flag) \(family) \(skinTone) ", count: 30)   // 10 characters × 30
        #expect(annotation.count == 300)
        #expect(annotation.utf8.count > 900)
        #expect(verdict(.annotationLength) { $0.annotation = annotation } == .passed)
        #expect(verdict(.annotationLength) { $0.annotation = annotation + family }
            == .failed("annotation is 301 characters long; F-02 allows at most 300"))
    }
}

// MARK: - video_format

@Suite("Eligibility: video_format parsing")
struct VideoFormatTests {
    @Test("reads container, codec and frame size, tolerating case, spaces and the × sign")
    func parses() throws {
        #expect(try VideoFormat(parsing: "mp4/h264/1280x720") == VideoFormat(container: "mp4", codec: "h264", width: 1280, height: 720))
        #expect(try VideoFormat(parsing: " MP4 / H.264 / 1920 × 1080 ")
            == VideoFormat(container: "MP4", codec: "H.264", width: 1920, height: 1080))
        #expect(try VideoFormat(parsing: "mp4/avc1/3840X2160").frame == "3840×2160")
    }

    @Test("a malformed cell throws a readable error", arguments: [
        ("", VideoFormat.ParseError.empty),
        ("   ", .empty),
        ("mp4/h264", .partCount(2)),
        ("mp4", .partCount(1)),
        ("mp4/h264/1280x720/60fps", .partCount(4)),
        ("/h264/1280x720", .emptyPart("container")),
        ("mp4//1280x720", .emptyPart("codec")),
        ("mp4/h264/ ", .emptyPart("resolution")),
        ("mp4/h264/1280", .resolution("1280")),
        ("mp4/h264/1280x", .resolution("1280x")),
        ("mp4/h264/1280x720x3", .resolution("1280x720x3")),
        ("mp4/h264/-1280x720", .resolution("-1280x720")),
        ("mp4/h264/+1280x720", .resolution("+1280x720")),
        ("mp4/h264/1280x0", .resolution("1280x0")),
        ("mp4/h264/1280.5x720", .resolution("1280.5x720")),
        ("mp4/h264/１２８０x720", .resolution("１２８０x720")),
        ("mp4/h264/99999999999999999999x720", .resolution("99999999999999999999x720")),
        ("mp4/h264/720p", .resolution("720p")),
    ])
    func malformed(text: String, expected: VideoFormat.ParseError) {
        #expect(throws: expected) { try VideoFormat(parsing: text) }
    }

    @Test("a malformed cell fails video_format with the reason and leaves the four video checks unchecked", arguments: [
        "mp4/h264", "mp4/h264/1280", "mp4/h264/720p", "1280x720", "   ", "mp4//1280x720", "mp4/h264/1280x0",
    ])
    func malformedInChecker(text: String) {
        var course = goodCourse()
        course.videoFormat = text
        let result = check(course)
        #expect(!result.eligible)
        #expect(result.failures.map(\.code) == ["video_format"])
        #expect(result.failures[0].message.hasPrefix("video format '\(text)' cannot be read: "))
        #expect(result.unchecked == videoParts)
    }

    @Test("error descriptions name what is wrong")
    func descriptions() {
        #expect(VideoFormat.ParseError.partCount(2).description == "it has 2 parts separated by '/', not 3")
        #expect(VideoFormat.ParseError.emptyPart("codec").description == "its codec is empty")
        #expect(VideoFormat.ParseError.resolution("720p").description
            == "its resolution '720p' is not WIDTHxHEIGHT in whole pixels")
        #expect(VideoFormat.ParseError.empty.description == "it is empty")
    }
}

// MARK: - Catalogue

@Suite("Eligibility: requirement catalogue")
struct EligibilityCatalogueTests {
    @Test("codes are unique snake_case and parse back")
    func codes() {
        let codes = EligibilityRequirement.allCases.map(\.code) + ManualCheck.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(code)")
        }
        for requirement in EligibilityRequirement.allCases {
            #expect(EligibilityRequirement(code: requirement.code) == requirement)
            #expect(!requirement.summary.isEmpty)
        }
        #expect(EligibilityRequirement(code: "stereo_audio") == nil)
    }

    @Test("clauses follow the regulation")
    func clauses() {
        let expected: [EligibilityRequirement: String] = [
            .authorNotTeachingStaff: "8.1", .languages: "8.2", .lateSubmission: "9.9", .previousWinner: "9.10",
            .cohorts: "10.1", .titleMissing: "10.2", .annotationMissing: "10.2", .glossary: "10.4",
            .promoVideoLength: "F-02 1", .annotationLength: "F-02 1", .videoCodec: "F-02 2", .audioCodec: "F-02 2",
            .citationShare: "F-02 3", .implementationAct: "F-01 note",
        ]
        for (requirement, clause) in expected {
            #expect(requirement.clause == clause, "\(requirement)")
        }
    }

    @Test("requirements no bundle can show are manual checks: 10.3, 10.5, 10.6 and stereo audio among them")
    func manualChecks() {
        let clauses = ManualCheck.allCases.map(\.clause)
        #expect(clauses.contains("10.3"))
        #expect(clauses.contains("10.5"))
        #expect(clauses.contains("10.6"))
        #expect(ManualCheck.stereoAudio.clause == "F-02 2")
        #expect(ManualCheck.allCases.allSatisfy { !$0.summary.isEmpty })
    }
}

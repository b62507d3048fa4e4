/// Checks courses against the requirements of the regulation that a bundle
/// can express (sections 8–10, forms F-01 and F-02), before stage 1.
///
/// For each `EligibilityRequirement`, in declaration order, a course either
/// passes, fails, or is unchecked because the bundle does not give the data
/// (an absent column or empty cell). Unchecked is never passed and never
/// disqualifies. A failure disqualifies unless its code is listed in
/// `eligibility.warn`, except `late_submission` (9.9) and `previous_winner`
/// (9.10), which always disqualify.
///
/// Pure and deterministic: the same course, people and rules always give the
/// same result, messages included.
public struct EligibilityChecker: Sendable {
    /// Applications after this instant fail 9.9; nil leaves the check unchecked.
    public var deadline: Timestamp?
    /// Requirements whose failures only warn.
    public var warn: Set<EligibilityRequirement>
    /// Codes of `eligibility.warn` this checker does not honour, as written:
    /// unknown codes, and the codes of 9.9 and 9.10. For `validate` to report.
    public var ignoredWarnCodes: [String]
    /// The competition's year: awards in the archive from this year on do not
    /// count for 9.10. Nil counts every archived award.
    public var competitionYear: Int?
    /// Awards of earlier competitions (an archive); nil when none is at hand.
    public var earlierAwards: EarlierAwards?
    public var limits: EligibilityLimits

    /// - Parameters:
    ///   - rules: gives the deadline (9.9) and `eligibility.warn`.
    ///   - competitionYear: the round's year (`Competition.year`).
    ///   - earlierAwards: winners and prize recipients of earlier rounds;
    ///     with nil, 9.10 reads only `previous_award_year`.
    public init(rules: Rules, competitionYear: Int? = nil, earlierAwards: EarlierAwards? = nil,
                limits: EligibilityLimits = .regulation) {
        deadline = rules.deadline
        var warn: Set<EligibilityRequirement> = []
        var ignored: [String] = []
        for code in rules.eligibilityWarn {
            if let requirement = EligibilityRequirement(code: code), !requirement.alwaysDisqualifies {
                warn.insert(requirement)
            } else {
                ignored.append(code)
            }
        }
        self.warn = warn
        ignoredWarnCodes = ignored
        self.competitionYear = competitionYear
        self.earlierAwards = earlierAwards
        self.limits = limits
    }

    /// A checker for a loaded competition: its rules and year.
    public init(competition: Competition, earlierAwards: EarlierAwards? = nil, limits: EligibilityLimits = .regulation) {
        self.init(rules: competition.rules, competitionYear: competition.year, earlierAwards: earlierAwards,
                  limits: limits)
    }

    /// Whether a failure of `requirement` makes a course ineligible.
    public func disqualifies(_ requirement: EligibilityRequirement) -> Bool {
        requirement.alwaysDisqualifies || !warn.contains(requirement)
    }

    /// Checks every course of a competition; one result per course, in the
    /// order of `competition.courses`, the same as `check(_:people:)` course
    /// by course. Each distinct `video_format` cell is read once; ranges of
    /// courses are checked on every core.
    /// Complexity: O(total size of the courses).
    public func check(_ competition: Competition, coursesPerRange: Int = coursesPerRange) -> [EligibilityResult] {
        let courses = competition.courses
        let formats = courses.videoFormats
        let read = formats.values.names.map(Self.read)
        return Concurrently.array(courses.count, minimum: coursesPerRange) { c in
            let code = formats.codes[c]
            return check(courses[c], people: competition.people, video: code < 0 ? nil : read[Int(code)])
        }
    }

    /// Courses checked by one task at least, by default (the results are the
    /// same for any value).
    public static let coursesPerRange = 1 << 12

    /// Checks one course.
    /// - Parameter people: the people its `authors` index into (8.1, 10.2).
    /// - Precondition: every index in `course.authors` is an index of `people`,
    ///   as in a `Competition`.
    public func check<People: RandomAccessCollection<Person>>(_ course: Course, people: People) -> EligibilityResult
        where People.Index == Int {
        check(course, people: people, video: course.videoFormat.map(Self.read))
    }

    /// A `video_format` cell read, or why it cannot be.
    private static func read(_ text: String) -> Result<VideoFormat, VideoFormat.ParseError> {
        do throws(VideoFormat.ParseError) {
            return .success(try VideoFormat(parsing: text))
        } catch {
            return .failure(error)
        }
    }

    /// Checks one course whose `video_format` cell has been read (nil when
    /// the course gives none).
    private func check<People: RandomAccessCollection<Person>>(_ course: Course, people: People,
                                                               video: Result<VideoFormat, VideoFormat.ParseError>?)
        -> EligibilityResult where People.Index == Int {
        let authors = course.authors.map { people[Int($0)] }
        var failures: [EligibilityFailure] = []
        var unchecked: [EligibilityRequirement] = []
        for requirement in EligibilityRequirement.allCases {
            switch outcome(of: requirement, course: course, authors: authors, video: video) {
            case .passed:
                break
            case .unchecked:
                unchecked.append(requirement)
            case .failed(let message):
                failures.append(EligibilityFailure(requirement: requirement, message: message,
                                                   disqualifies: disqualifies(requirement)))
            }
        }
        return EligibilityResult(courseID: course.id, failures: failures, unchecked: unchecked)
    }

    enum Outcome {
        case passed
        case failed(String)
        case unchecked
    }

    /// The verdict on one requirement; the switch is exhaustive, so a new
    /// requirement cannot be left without a check.
    func outcome(of requirement: EligibilityRequirement, course: Course, authors: [Person],
                 video: Result<VideoFormat, VideoFormat.ParseError>?) -> Outcome {
        typealias T = EligibilityText
        switch requirement {
        case .authorNotTeachingStaff:
            guard !authors.isEmpty else { return .unchecked }
            let outside = authors.filter { $0.teachingStaff == false }.map { "\($0.fullName) (\($0.id))" }
            if !outside.isEmpty {
                let who = outside.count == 1 ? "author \(outside[0]) is" : "authors \(outside.joined(separator: ", ")) are"
                return .failed("\(who) not teaching staff; 8.1 admits only teaching staff as authors")
            }
            return authors.contains { $0.teachingStaff == nil } ? .unchecked : .passed

        case .languages:
            // Blank entries (`kk;;ru`, a trailing `;`) say nothing; repeats are named once.
            let given = (course.languages ?? []).map { String(T.trimmed($0)) }.filter { !$0.isEmpty }
            guard !given.isEmpty else { return .unchecked }
            var bad: [String] = []
            for language in given where !limits.languages.contains(language.lowercased()) && !bad.contains(language) {
                bad.append(language)
            }
            if bad.isEmpty { return .passed }
            let what = bad.count == 1 ? "course language \(T.quotedList(bad)) is" : "course languages \(T.quotedList(bad)) are"
            return .failed("\(what) not allowed; 8.2 admits \(limits.languages.joined(separator: ", "))")

        case .lateSubmission:
            guard let deadline, let submitted = course.submittedAt else { return .unchecked }
            let late = submitted.secondsSinceEpoch - deadline.secondsSinceEpoch
            if late <= 0 { return .passed }
            return .failed("application submitted at \(submitted.text), \(T.duration(seconds: late)) after the "
                + "deadline \(deadline.text); 9.9: late applications are not accepted")

        case .previousWinner:
            // `previous_award_year` counts whatever year it names: it is the
            // bundle's own statement about this submission, and a year at or
            // after the round's is a data error for `validate`, not a pass. The
            // archive may hold this round and later ones, so only earlier
            // rounds count from it (see `EarlierAwards.years(of:before:)`).
            let archived = earlierAwards?.years(of: course.id, before: competitionYear)
            guard course.previousAwardYear != nil || archived != nil else { return .unchecked }
            var sources: [String] = []
            if let year = course.previousAwardYear { sources.append("in \(year) according to moocs.csv") }
            if let archived, !archived.isEmpty {
                sources.append("in \(T.series(archived.map(String.init), last: "and")) according to the archive")
            }
            if sources.isEmpty { return .passed }
            return .failed("course already won or took a prize (\(sources.joined(separator: "; "))); "
                + "9.10: earlier winners may not be resubmitted")

        case .cohorts:
            guard let cohorts = course.cohorts else { return .unchecked }
            if cohorts >= limits.minimumCohorts { return .passed }
            return .failed("course was piloted with \(T.count(cohorts, "cohort")) of learners; "
                + "10.1 requires at least \(limits.minimumCohorts)")

        case .titleMissing:
            return T.trimmed(course.title).isEmpty ? .failed("course title is empty; 10.2 requires one") : .passed

        case .authorNamesMissing:
            if authors.isEmpty {
                return .failed("course names no authors; 10.2 requires the full name of every developer")
            }
            let nameless = authors.filter { T.trimmed($0.fullName).isEmpty }.map(\.id)
            if nameless.isEmpty { return .passed }
            let who = nameless.count == 1 ? "author \(nameless[0]) has" : "authors \(nameless.joined(separator: ", ")) have"
            return .failed("\(who) no full name; 10.2 requires the full name of every developer")

        case .annotationMissing:
            guard let annotation = course.annotation else { return .unchecked }
            return T.trimmed(annotation).isEmpty
                ? .failed("annotation is blank; 10.2 requires a brief annotation") : .passed

        case .syllabus:
            return present(course.hasSyllabus, "no syllabus")
        case .promoVideo:
            return present(course.hasPromoVideo, "no promotional video")
        case .glossary:
            return present(course.hasGlossary, "no glossary")
        case .forum:
            return present(course.hasForum, "no forum or chat")

        case .annotationLength:
            guard let annotation = course.annotation else { return .unchecked }
            let length = annotation.count
            if length <= limits.maxAnnotationCharacters { return .passed }
            return .failed("annotation is \(length) characters long; "
                + "F-02 allows at most \(limits.maxAnnotationCharacters)")

        case .promoVideoLength:
            guard let seconds = course.promoVideoSeconds else { return .unchecked }
            return atMost(seconds, limits.maxPromoVideoSeconds, "promotional video")

        case .lectureLength:
            guard let seconds = course.maxLectureSeconds else { return .unchecked }
            return atMost(seconds, limits.maxLectureSeconds, "longest video lecture")

        case .videoFormat:
            switch video {
            case nil: return .unchecked
            case .success: return .passed
            case .failure(let error):
                return .failed("video format '\(course.videoFormat ?? "")' cannot be read: \(error); write it as "
                    + "container/codec/WIDTHxHEIGHT, e.g. mp4/h264/1280x720, to check it against F-02")
            }

        case .videoContainer:
            guard case .success(let format)? = video else { return .unchecked }
            return accepted(format.container, limits.videoContainers, "video container")

        case .videoCodec:
            guard case .success(let format)? = video else { return .unchecked }
            return accepted(format.codec, limits.videoCodecs, "video codec")

        case .videoResolution:
            guard case .success(let format)? = video else { return .unchecked }
            if format.width >= limits.minimumVideoWidth && format.height >= limits.minimumVideoHeight { return .passed }
            return .failed("video resolution is \(format.frame); "
                + "F-02 requires at least \(limits.minimumVideoWidth)×\(limits.minimumVideoHeight)")

        case .videoAspect:
            guard case .success(let format)? = video else { return .unchecked }
            let ratio = Double(format.width) / Double(format.height)
            let target = Double(limits.aspectWidth) / Double(limits.aspectHeight)
            if abs(ratio / target - 1) <= limits.aspectTolerance { return .passed }
            return .failed("video frame \(format.frame) has aspect ratio \(T.number(ratio, decimals: 3))"
                + "\(EligibilityChecker.reducedRatio(format.width, format.height)); "
                + "F-02 requires \(limits.aspectWidth):\(limits.aspectHeight) (\(T.number(target, decimals: 3)))")

        case .audioCodec:
            guard let codec = course.audioCodec else { return .unchecked }
            return accepted(codec, limits.audioCodecs, "audio codec")

        case .citationShare:
            guard let share = course.citationShare else { return .unchecked }
            if share <= limits.maxCitationShare { return .passed }
            return .failed("cited material is \(T.percent(share)) of the course (citation_share \(T.number(share))); "
                + "F-02 allows at most \(T.percent(limits.maxCitationShare))")

        case .implementationAct:
            return present(course.hasImplementationAct,
                           "no Act of Implementation into the educational process attached", clause: "the F-01 note")
        case .placementCertificate:
            return present(course.hasPlacementCertificate,
                           "no CAIDD certificate of placement on the educational platform attached",
                           clause: "the F-01 note")
        }
    }

    /// A yes/no column that must say yes.
    private func present(_ flag: Bool?, _ lack: String, clause: String = "10.4") -> Outcome {
        switch flag {
        case nil: .unchecked
        case true?: .passed
        case false?: .failed("course has \(lack); \(clause) requires one")
        }
    }

    /// A length in seconds that must not exceed `limit`. A NaN length fails.
    private func atMost(_ seconds: Double, _ limit: Double, _ what: String) -> Outcome {
        if seconds <= limit { return .passed }
        return .failed("\(what) is \(EligibilityText.number(seconds)) s long; "
            + "F-02 allows at most \(EligibilityText.number(limit)) s")
    }

    /// A name that must be one of `allowed` (lower case), compared trimmed and case-insensitively.
    private func accepted(_ value: String, _ allowed: [String], _ what: String) -> Outcome {
        let name = EligibilityText.trimmed(value)
        if allowed.contains(name.lowercased()) { return .passed }
        return .failed("\(what) is '\(name)'; F-02 accepts \(EligibilityText.series(allowed, last: "or"))")
    }

    /// ` (4:3)` for a frame whose ratio in lowest terms is small enough to read; else empty.
    private static func reducedRatio(_ width: Int, _ height: Int) -> String {
        var a = width, b = height
        while b != 0 { (a, b) = (b, a % b) }
        let w = width / a, h = height / a
        return w <= 64 && h <= 64 ? " (\(w):\(h))" : ""
    }
}

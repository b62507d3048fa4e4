/// A requirement of the regulation that a bundle can express, checked for every
/// course before stage 1 (design: "Stages (9.5) and eligibility").
///
/// The raw value is the stable reason code printed in outputs and accepted in
/// `eligibility.warn`; the declaration order is the order in which a course's
/// failures and unchecked items are listed (by clause: 8, 9, 10, then the
/// forms F-02 and F-01).
///
/// | code | clause | requires |
/// |---|---|---|
/// | `author_not_teaching_staff` | 8.1 | every author is teaching staff |
/// | `languages` | 8.2 | languages among kk, ru, en |
/// | `late_submission` | 9.9 | submitted no later than the deadline (always disqualifies) |
/// | `previous_winner` | 9.10 | the course never won or took a prize before (always disqualifies) |
/// | `cohorts` | 10.1 | piloted with at least two cohorts |
/// | `title_missing` | 10.2 | a course title |
/// | `author_names_missing` | 10.2 | the full name of every developer |
/// | `annotation_missing` | 10.2 | a brief annotation |
/// | `syllabus`, `promo_video`, `glossary`, `forum` | 10.4 | each present |
/// | `annotation_length` | F-02 1 | annotation of at most 300 characters |
/// | `promo_video_length` | F-02 1 | promotional video of at most 3 minutes |
/// | `lecture_length` | F-02 2 | video lectures of at most 15 minutes |
/// | `video_format` | F-02 2 | `video_format` readable as container/codec/WIDTHxHEIGHT |
/// | `video_container`, `video_codec` | F-02 2 | MP4, H.264 |
/// | `video_resolution`, `video_aspect` | F-02 2 | at least 1280×720, 16:9 |
/// | `audio_codec` | F-02 2 | AAC, AC3, OGG or MP3 |
/// | `citation_share` | F-02 3 | citations at most 5 % of the course |
/// | `implementation_act`, `placement_certificate` | F-01 note | both attached |
///
/// Requirements no bundle can show are `ManualCheck`s.
public enum EligibilityRequirement: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case authorNotTeachingStaff = "author_not_teaching_staff"
    case languages = "languages"
    case lateSubmission = "late_submission"
    case previousWinner = "previous_winner"
    case cohorts = "cohorts"
    case titleMissing = "title_missing"
    case authorNamesMissing = "author_names_missing"
    case annotationMissing = "annotation_missing"
    case syllabus = "syllabus"
    case promoVideo = "promo_video"
    case glossary = "glossary"
    case forum = "forum"
    case annotationLength = "annotation_length"
    case promoVideoLength = "promo_video_length"
    case lectureLength = "lecture_length"
    case videoFormat = "video_format"
    case videoContainer = "video_container"
    case videoCodec = "video_codec"
    case videoResolution = "video_resolution"
    case videoAspect = "video_aspect"
    case audioCodec = "audio_codec"
    case citationShare = "citation_share"
    case implementationAct = "implementation_act"
    case placementCertificate = "placement_certificate"

    /// The stable reason code (snake_case), as printed and as written in `eligibility.warn`.
    public var code: String { rawValue }

    /// Parses a reason code; nil for a code no requirement has.
    public init?(code: String) { self.init(rawValue: code) }

    public var description: String { rawValue }

    /// The clause of the regulation or form that states the requirement:
    /// a clause number (`9.9`), or a form and the item of it (`F-02 2` =
    /// F.CAIDD-7.5.1-2025-01-02, section 2 "Technical Requirements";
    /// `F-01 note` = the note under cover letter F.CAIDD-7.5.1-2025-01-01).
    public var clause: String {
        switch self {
        case .authorNotTeachingStaff: "8.1"
        case .languages: "8.2"
        case .lateSubmission: "9.9"
        case .previousWinner: "9.10"
        case .cohorts: "10.1"
        case .titleMissing, .authorNamesMissing, .annotationMissing: "10.2"
        case .syllabus, .promoVideo, .glossary, .forum: "10.4"
        case .annotationLength, .promoVideoLength: "F-02 1"
        case .lectureLength, .videoFormat, .videoContainer, .videoCodec, .videoResolution, .videoAspect,
             .audioCodec: "F-02 2"
        case .citationShare: "F-02 3"
        case .implementationAct, .placementCertificate: "F-01 note"
        }
    }

    /// What the requirement asks, in one line for a checklist (limits as in
    /// `EligibilityLimits.regulation`).
    public var summary: String {
        switch self {
        case .authorNotTeachingStaff: "Every author is teaching staff"
        case .languages: "The course is in Kazakh, Russian or English"
        case .lateSubmission: "The application arrived by the deadline set by the Rector's order"
        case .previousWinner: "The course has not won or taken a prize in an earlier competition"
        case .cohorts: "The course was piloted with at least two cohorts of learners"
        case .titleMissing: "The course has a title"
        case .authorNamesMissing: "The full name of every developer is given"
        case .annotationMissing: "The course has a brief annotation"
        case .syllabus: "The course includes a syllabus"
        case .promoVideo: "The course includes a promotional video"
        case .glossary: "The course includes a glossary"
        case .forum: "The course includes a forum or chat"
        case .annotationLength: "The annotation is at most 300 characters long"
        case .promoVideoLength: "The promotional video is at most 3 minutes long"
        case .lectureLength: "No video lecture is longer than 15 minutes"
        case .videoFormat: "The video format is stated as container/codec/resolution"
        case .videoContainer: "Videos use the MP4 container"
        case .videoCodec: "Videos use the H.264 codec"
        case .videoResolution: "Videos are at least 1280×720"
        case .videoAspect: "Videos have a 16:9 aspect ratio"
        case .audioCodec: "Audio uses AAC, AC3, OGG or MP3"
        case .citationShare: "Cited material is at most 5 % of the course"
        case .implementationAct: "An Act of Implementation into the educational process is attached"
        case .placementCertificate: "A CAIDD certificate of placement on the educational platform is attached"
        }
    }

    /// Whether a failure disqualifies whatever `eligibility.warn` says: late
    /// applications are not accepted (9.9) and earlier winners may not be
    /// resubmitted (9.10).
    public var alwaysDisqualifies: Bool {
        switch self {
        case .lateSubmission, .previousWinner: true
        default: false
        }
    }
}

/// A requirement that no bundle can show, so Jury never checks it: the
/// commission checks it by hand, and reports print it as a checklist. A course
/// found failing one is disqualified through `decisions.csv` (9.11).
public enum ManualCheck: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case readability = "readability"
    case recordedResults = "recorded_results"
    case originality = "originality"
    case fullFrameVideo = "full_frame_video"
    case stereoAudio = "stereo_audio"
    case textMaterials = "text_materials"
    case weeklyAssessment = "weekly_assessment"
    case learnerInteraction = "learner_interaction"
    case noThirdPartyContent = "no_third_party_content"

    /// A stable code, distinct from every `EligibilityRequirement` code.
    public var code: String { rawValue }

    public var description: String { rawValue }

    /// The clause that states the requirement (forms as in `EligibilityRequirement.clause`).
    public var clause: String {
        switch self {
        case .readability: "10.3"
        case .recordedResults: "10.5"
        case .originality: "10.6"
        case .fullFrameVideo, .stereoAudio, .textMaterials, .weeklyAssessment: "F-02 2"
        case .learnerInteraction, .noThirdPartyContent: "F-02 3"
        }
    }

    /// What the commission checks.
    public var summary: String {
        switch self {
        case .readability:
            "Text blocks are readable; images and audio are clear, free of interference and of good quality"
        case .recordedResults:
            "The results of assessing mastery of the course or its modules are recorded"
        case .originality:
            "The content is original, follows academic citation ethics, is up to date and lawful"
        case .fullFrameVideo:
            "Videos use the full screen without non-working areas"
        case .stereoAudio:
            "Audio is true stereo, the instructor's voice placed between the left and right channels"
        case .textMaterials:
            "Text materials accompany the video lectures"
        case .weeklyAssessment:
            "Each week ends with an assessment element, and the final grade has a stated algorithm"
        case .learnerInteraction:
            "Each section has at least one component for interaction among learners"
        case .noThirdPartyContent:
            "Embedded external resources show learners no unrelated third-party information"
        }
    }
}

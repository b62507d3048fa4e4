/// One column of the evaluation sheet: a key used as the CSV header and a title
/// printed in reports.
public struct Criterion: Sendable, Hashable, Codable {
    public var key: String
    public var title: String

    public init(key: String, title: String) {
        self.key = key
        self.title = title
    }

    /// The seven criteria of evaluation sheet F.CAIDD-7.5.1-2025-01-03, columns 1–7.
    public static let regulation: [Criterion] = [
        Criterion(key: "completeness", title: "Completeness of MOOC materials upload"),
        Criterion(key: "text_materials", title: "Availability and quality of text materials"),
        Criterion(key: "video_lectures", title: "Availability and quality of video lectures"),
        Criterion(key: "digital_resources", title: "Availability and quality of digital educational resources"),
        Criterion(key: "learner_feedback", title: "Use of feedback received from learners"),
        Criterion(key: "test_assignments", title: "Availability and quality of test assignments"),
        Criterion(key: "overall_impression", title: "Overall impression"),
    ]
}

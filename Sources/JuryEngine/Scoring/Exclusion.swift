/// A sheet that does not count towards a course's score, with the reason:
/// a conflict kind (`declared`, `self_review`, `same_department`, …) or
/// `outlier`. Exclusions change scores and reliability only; the detectors
/// always see every sheet.
public struct Exclusion: Sendable, Hashable, Codable {
    /// Row of the sheet in `Competition.sheets`.
    public var row: Int32
    public var expert: Int32
    public var course: Int32
    public var reason: String
    public var detail: String?

    public init(row: Int32, expert: Int32, course: Int32, reason: String, detail: String? = nil) {
        self.row = row
        self.expert = expert
        self.course = course
        self.reason = reason
        self.detail = detail
    }
}

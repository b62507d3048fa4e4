/// The years in which courses won or took a prize, as recorded by earlier
/// competitions (the archive of past bundles), for 9.10: a course that was a
/// winner or prize recipient may not be resubmitted.
///
/// Courses are named by `mooc_id`: the same id in two years' bundles is the
/// same course (`bundle-format.md`).
public struct EarlierAwards: Sendable, Hashable {
    /// Award years per course id, ascending and without repeats.
    public private(set) var yearsByCourse: [String: [Int]] = [:]

    public init() {}

    /// Records the given awards; the same (course, year) given twice counts once.
    public init<S: Sequence>(_ awards: S) where S.Element == (courseID: String, year: Int) {
        for award in awards { insert(courseID: award.courseID, year: award.year) }
    }

    /// Records that `courseID` won or took a prize in `year`.
    /// Complexity: O(k) for a course with k recorded years.
    public mutating func insert(courseID: String, year: Int) {
        var years = yearsByCourse[courseID, default: []]
        let at = years.firstIndex { $0 >= year } ?? years.endIndex
        guard at == years.endIndex || years[at] != year else { return }
        years.insert(year, at: at)
        yearsByCourse[courseID] = years
    }

    /// The years in which `courseID` won or took a prize, ascending; only the
    /// years before `year` when it is given, so that checking a round against
    /// an archive that already holds that round (or later ones) does not bar
    /// the round's own winners.
    public func years(of courseID: String, before year: Int?) -> [Int] {
        let all = yearsByCourse[courseID] ?? []
        guard let year else { return all }
        return all.filter { $0 < year }
    }
}

/// The kinds of integrity finding (`integrity[].kind` in `jury audit`).
/// The first six are conflicts of interest that can recuse a sheet.
public enum IntegrityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The expert declared a conflict with the course or one of its authors (`conflicts.csv`).
    case declared
    /// The expert is an author of the course: always recused.
    case selfReview = "self_review"
    /// The expert works in the course's department.
    case sameDepartment = "same_department"
    /// The expert works in the course's faculty (another department).
    case sameFaculty = "same_faculty"
    /// The expert co-authored another course with one of the course's authors.
    case coauthor
    /// The expert co-authored a course with one of the course's authors in an
    /// earlier archived year (`Coauthorships`; only with an archive).
    case earlierCoauthor = "earlier_coauthor"
    case favouritism
    case reciprocity
    case ring
    case selfVote = "self_vote"

    /// The conflict kinds that `integrity.recuse` may name, most serious first.
    public static let conflicts: [IntegrityKind] = [.selfReview, .declared, .sameDepartment, .sameFaculty, .coauthor,
                                                   .earlierCoauthor]
}

/// Pairs of people who co-authored a course in earlier competitions (the
/// archive of past bundles): the input of the `earlier_coauthor` conflict,
/// an expert who wrote a course with one of this course's authors in an
/// earlier year.
///
/// People are named by `person_id` across years, as courses are by `mooc_id`
/// (`bundle-format.md`).
public struct Coauthorships: Sendable, Hashable {
    /// Two people, `first` < `second` in UTF-8 byte order.
    public struct Pair: Sendable, Hashable {
        public let first: String
        public let second: String

        public init(_ a: String, _ b: String) {
            (first, second) = a.utf8.lexicographicallyPrecedes(b.utf8) ? (a, b) : (b, a)
        }
    }

    /// One course two people wrote together.
    public struct Course: Sendable, Hashable {
        public var competitionID: String
        public var year: Int
        public var courseID: String

        public init(competitionID: String, year: Int, courseID: String) {
            self.competitionID = competitionID
            self.year = year
            self.courseID = courseID
        }
    }

    /// The courses of each pair, by year then competition and course id.
    public private(set) var coursesByPair: [Pair: [Course]] = [:]

    public init() {}

    public var isEmpty: Bool { coursesByPair.isEmpty }

    /// Records that the pair wrote `course` together.
    public mutating func insert(_ pair: Pair, _ course: Course) {
        coursesByPair[pair, default: []].append(course)
    }

    /// Whether `a` and `b` co-authored a course. O(1).
    public func contains(_ a: String, _ b: String) -> Bool {
        a != b && coursesByPair[Pair(a, b)] != nil
    }

    /// Every pair, by `first` then `second`.
    public var pairs: [Pair] {
        coursesByPair.keys.sorted {
            $0.first != $1.first ? $0.first.utf8.lexicographicallyPrecedes($1.first.utf8)
                : $0.second.utf8.lexicographicallyPrecedes($1.second.utf8)
        }
    }
}

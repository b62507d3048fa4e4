import GRDB

/// Pairs of people who co-authored a course in archived competitions: the
/// cross-year input of the `coauthor` conflict (an expert who wrote a course
/// with one of this course's authors in an earlier year).
///
/// People are named by `person_id` across years, as courses are by `mooc_id`.
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
    }

    /// The courses of each pair, by year then competition and course id.
    public private(set) var coursesByPair: [Pair: [Course]] = [:]

    public init() {}

    mutating func insert(_ pair: Pair, _ course: Course) {
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

extension Archive {
    /// Co-authorships in the current versions of competitions held before `year`.
    /// Complexity: O(Σ authors² per course) over the archived courses.
    public func coauthorships(before year: Int) throws -> Coauthorships {
        try read("reading co-authorships") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.competition_id, v.year, c.mooc_id, a.course_idx, p.person_id
                FROM course_author a
                JOIN version v ON v.id = a.version_id
                JOIN course c ON c.version_id = a.version_id AND c.idx = a.course_idx
                JOIN person p ON p.version_id = a.version_id AND p.idx = a.person_idx
                WHERE v.is_current = 1 AND v.year < ?
                ORDER BY v.year, v.competition_id, c.mooc_id, a.position
                """, arguments: [year])
            var result = Coauthorships()
            var i = 0
            while i < rows.count {
                var j = i
                var authors: [String] = []
                while j < rows.count, rows[j]["competition_id"] == rows[i]["competition_id"] as String,
                      rows[j]["course_idx"] == rows[i]["course_idx"] as Int {
                    authors.append(rows[j]["person_id"])
                    j += 1
                }
                let course = Coauthorships.Course(competitionID: rows[i]["competition_id"], year: rows[i]["year"],
                                                  courseID: rows[i]["mooc_id"])
                for x in authors.indices {
                    for y in authors.indices where y > x && authors[x] != authors[y] {
                        result.insert(Coauthorships.Pair(authors[x], authors[y]), course)
                    }
                }
                i = j
            }
            return result
        }
    }
}

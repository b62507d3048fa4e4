import GRDB
import JuryEngine

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

import GRDB
import JuryEngine

extension Archive {
    /// The courses that won or took a prize before `year` (9.10), from the
    /// current version of every archived competition:
    ///
    /// - a course whose commission-stage rank was at most the competition's
    ///   `prizes` (the rating table's places; see `YearSummary`), in the
    ///   competition's year;
    /// - a `previous_award_year` given in any archived `moocs.csv`, when that
    ///   year is before `year`.
    ///
    /// Courses are named by `mooc_id` across years. Pass the result to
    /// `EligibilityChecker(competition:earlierAwards:)`.
    public func earlierAwards(before year: Int) throws -> EarlierAwards {
        try read("reading earlier awards") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.mooc_id AS course, v.year AS year
                FROM ranking_entry r
                JOIN version v ON v.id = r.version_id
                JOIN year_summary y ON y.version_id = r.version_id
                JOIN course c ON c.version_id = r.version_id AND c.idx = r.course_idx
                WHERE v.is_current = 1 AND r.stage = ? AND r.rank <= y.prizes AND v.year < ?
                UNION
                SELECT c.mooc_id, c.previous_award_year
                FROM course c JOIN version v ON v.id = c.version_id
                WHERE v.is_current = 1 AND c.previous_award_year < ?
                ORDER BY 1, 2
                """, arguments: [Stage.commission.name, year, year])
            return EarlierAwards(rows.map { (courseID: $0["course"] as String, year: $0["year"] as Int) })
        }
    }
}

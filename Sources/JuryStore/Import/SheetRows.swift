import GRDB
import GRDBSQLite
import JuryEngine

/// Bulk insertion of a sheet table: millions of rows in one prepared
/// statement, bound through SQLite's C interface so that a row costs no
/// allocation (GRDB's `StatementArguments` would box every value).
///
/// Rows go in the table's canonical order (stage, course, expert), which is
/// the order of `sheet`'s primary key: the B-tree only ever grows at its end.
enum SheetRows {
    static let sql = """
        INSERT INTO sheet (version_id, stage, course_idx, expert_idx, scores, total, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    static func insert(_ table: SheetTable, versionID: Int64, _ db: Database) throws {
        guard !table.isEmpty else { return }
        let statement = try db.makeStatement(sql: sql)
        let s = statement.sqliteStatement
        let k = table.criterionCount
        let hasComments = !table.comments.isAllEmpty
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func fail(_ code: CInt) -> DatabaseError {
            let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            sqlite3_reset(s)
            return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
        try table.scores.withUnsafeBufferPointer { scores in
            try table.total.withUnsafeBufferPointer { total in
                try table.course.withUnsafeBufferPointer { course in
                    try table.expert.withUnsafeBufferPointer { expert in
                        try table.stage.withUnsafeBufferPointer { stage in
                            sqlite3_bind_int64(s, 1, versionID)
                            for r in 0..<table.count {
                                sqlite3_bind_int(s, 2, CInt(stage[r].rawValue))
                                sqlite3_bind_int(s, 3, course[r])
                                sqlite3_bind_int(s, 4, expert[r])
                                // SQLITE_STATIC would do (the buffer outlives the step), but the
                                // copy of k bytes is noise next to the B-tree insert.
                                sqlite3_bind_blob(s, 5, scores.baseAddress! + r * k, CInt(k), transient)
                                sqlite3_bind_double(s, 6, total[r])
                                let comment = hasComments ? table.comments[r] : ""
                                if comment.isEmpty {
                                    sqlite3_bind_null(s, 7)
                                } else {
                                    var text = comment
                                    text.withUTF8 { u in
                                        _ = u.withMemoryRebound(to: CChar.self) { c in
                                            sqlite3_bind_text(s, 7, c.baseAddress, CInt(c.count), transient)
                                        }
                                    }
                                }
                                let code = sqlite3_step(s)
                                guard code == SQLITE_DONE else { throw fail(code) }
                                sqlite3_reset(s)
                            }
                        }
                    }
                }
            }
        }
        sqlite3_clear_bindings(s)
    }
}

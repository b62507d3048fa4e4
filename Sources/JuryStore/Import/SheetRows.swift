import GRDB
import JuryEngine

/// The rows of `sheet`: millions per competition, so they go through
/// `BulkInsert` straight from the table's columns.
///
/// Rows go in the table's canonical order (stage, course, expert), which is
/// the order of `sheet`'s primary key: the B-tree only ever grows at its end.
enum SheetRows {
    static func insert(_ table: SheetTable, versionID: Int64, _ db: Database) throws {
        let k = table.criterionCount
        let hasComments = !table.comments.isAllEmpty
        try table.scores.withUnsafeBufferPointer { scores in
            try table.total.withUnsafeBufferPointer { total in
                try table.course.withUnsafeBufferPointer { course in
                    try table.expert.withUnsafeBufferPointer { expert in
                        try table.stage.withUnsafeBufferPointer { stage in
                            try BulkInsert.run(db, table: "sheet",
                                               columns: ["version_id", "stage", "course_idx", "expert_idx", "scores", "total", "comment"],
                                               count: table.count) { b, r in
                                b.int(Int(versionID))
                                b.int(Int(stage[r].rawValue))
                                b.int(Int(course[r]))
                                b.int(Int(expert[r]))
                                b.blob(scores.baseAddress! + r * k, count: k)
                                b.double(total[r])
                                let comment = hasComments ? table.comments[r] : ""
                                if comment.isEmpty { b.null() } else { b.text(comment) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The sheets of one stage, grouped by course and by expert through offset
/// arrays (compressed sparse rows), so that per-course and per-expert passes
/// need no hashing.
///
/// - Sheets of course `c`: rows `courseStart[c] ..< courseStart[c + 1]` of the
///   `SheetTable` (contiguous, by expert index).
/// - Sheets of expert `e`: `expertRows[expertStart[e] ..< expertStart[e + 1]]`
///   (row indices, ascending).
public struct StageSheets: Sendable {
    public let stage: Stage
    public let rows: Range<Int>
    public let courseStart: [Int32]
    public let expertStart: [Int32]
    public let expertRows: [Int32]

    /// Groups the rows of `stage`. Complexity: O(rows + courses + experts).
    public init(_ table: SheetTable, stage: Stage, courseCount: Int, expertCount: Int) {
        self.stage = stage
        let rows = table.rows(in: stage)
        self.rows = rows
        var courseStart = [Int32](repeating: Int32(rows.lowerBound), count: courseCount + 1)
        var expertCounts = [Int32](repeating: 0, count: expertCount + 1)
        table.course.withUnsafeBufferPointer { course in
            table.expert.withUnsafeBufferPointer { expert in
                var counts = [Int32](repeating: 0, count: courseCount + 1)
                for r in rows {
                    counts[Int(course[r]) + 1] += 1
                    expertCounts[Int(expert[r]) + 1] += 1
                }
                for c in 0..<courseCount { courseStart[c + 1] = courseStart[c] + counts[c + 1] }
            }
        }
        for e in 0..<expertCount { expertCounts[e + 1] += expertCounts[e] }
        var next = expertCounts
        var expertRows = [Int32](repeating: 0, count: rows.count)
        table.expert.withUnsafeBufferPointer { expert in
            for r in rows {
                let e = Int(expert[r])
                expertRows[Int(next[e])] = Int32(r)
                next[e] += 1
            }
        }
        self.courseStart = courseStart
        self.expertStart = expertCounts
        self.expertRows = expertRows
    }

    public var count: Int { rows.count }
    public var courseCount: Int { courseStart.count - 1 }
    public var expertCount: Int { expertStart.count - 1 }

    /// Rows of one course's sheets (contiguous).
    @inlinable
    public func sheets(ofCourse c: Int) -> Range<Int> {
        Int(courseStart[c]) ..< Int(courseStart[c + 1])
    }

    /// Row indices of one expert's sheets.
    @inlinable
    public func sheets(ofExpert e: Int) -> ArraySlice<Int32> {
        expertRows[Int(expertStart[e]) ..< Int(expertStart[e + 1])]
    }

    /// Number of sheets of one course.
    @inlinable
    public func sheetCount(ofCourse c: Int) -> Int { Int(courseStart[c + 1] - courseStart[c]) }

    /// Number of sheets of one expert.
    @inlinable
    public func sheetCount(ofExpert e: Int) -> Int { Int(expertStart[e + 1] - expertStart[e]) }
}

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

    /// Groups the rows of `stage`. Complexity: O(rows + courses + experts ×
    /// parts).
    ///
    /// - Courses: the table's rows are in course order inside a stage, so
    ///   `courseStart` is read off one pass over the course column.
    /// - Experts: a counting sort on every core. The stage's rows are split
    ///   into at most `maximumParts` consecutive parts; each part counts its
    ///   rows per expert, the counts give each (part, expert) its first slot
    ///   (part by part within an expert, so rows stay ascending), and each
    ///   part writes its rows there. The result is the same for any split.
    public init(_ table: SheetTable, stage: Stage, courseCount: Int, expertCount: Int) {
        let rowCount = table.rows(in: stage).count
        self.init(table, stage: stage, courseCount: courseCount, expertCount: expertCount,
                  parts: Concurrently.ranges(rowCount, minimum: max(Self.rowsPerPart, rowCount / Self.maximumParts + 1)))
    }

    /// Rows of the stage a part holds at least.
    static let rowsPerPart = 1 << 20
    /// At most this many parts: each holds a count per expert.
    static let maximumParts = 4

    /// `parts` split `0 ..< rows.count` (tests choose them).
    init(_ table: SheetTable, stage: Stage, courseCount: Int, expertCount: Int, parts: [Range<Int>]) {
        self.stage = stage
        let rows = table.rows(in: stage)
        self.rows = rows
        var courseStart = [Int32](repeating: Int32(rows.upperBound), count: courseCount + 1)
        table.course.withUnsafeBufferPointer { course in
            var next = 0
            for r in rows {
                let c = Int(course[r])
                while next <= c {
                    courseStart[next] = Int32(r)
                    next += 1
                }
            }
        }
        let first = rows.lowerBound
        // counts[p * expertCount + e]: rows of expert e in part p, then the first slot of them.
        var counts: [Int32] = Concurrently.array(parts.count * expertCount, parts: parts.indices.map { $0 * expertCount ..< ($0 + 1) * expertCount }) { p, slots in
            slots.initialize(repeating: 0)
            table.expert.withUnsafeBufferPointer { expert in
                for r in parts[p] { slots[Int(expert[first + r])] += 1 }
            }
        }
        var expertStart = [Int32](repeating: 0, count: expertCount + 1)
        var slot: Int32 = 0
        for e in 0..<expertCount {
            expertStart[e] = slot
            for p in parts.indices {
                let n = counts[p * expertCount + e]
                counts[p * expertCount + e] = slot
                slot += n
            }
        }
        expertStart[expertCount] = slot
        let expertRows = [Int32](unsafeUninitializedCapacity: rows.count) { target, initialized in
            counts.withUnsafeMutableBufferPointer { next in
                table.expert.withUnsafeBufferPointer { expert in
                    // Each part writes only the slots its counts gave it.
                    _ = Concurrently.map(parts.count) { p in
                        let base = p * expertCount
                        for r in parts[p] {
                            let k = base + Int(expert[first + r])
                            target[Int(next[k])] = Int32(first + r)
                            next[k] += 1
                        }
                    }
                }
            }
            initialized = rows.count
        }
        self.courseStart = courseStart
        self.expertStart = expertStart
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

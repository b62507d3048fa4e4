/// Every evaluation sheet (F-03) of a competition as a struct of arrays.
///
/// Rows are kept in a canonical order — by stage, then course index, then
/// expert index — whatever the order of `sheets.csv`, so every sum runs in
/// the same order and the same bundle always gives the same bytes out. The
/// rows of one stage are contiguous, and inside a stage the rows of one course
/// are contiguous; `StageSheets` adds the grouping by expert.
///
/// Memory: 4 + 4 + 1 + k + 8 bytes per sheet for k criteria (24 bytes with the
/// regulation's seven), plus the comment text when the bundle has any.
public struct SheetTable: Sendable {
    /// Number of criteria, the width of a row of `scores`.
    public let criterionCount: Int
    /// Index into `Competition.courses`, per row.
    public private(set) var course: [Int32]
    /// Index into `Competition.people`, per row.
    public private(set) var expert: [Int32]
    public private(set) var stage: [Stage]
    /// Criterion scores, row-major: row r's scores are
    /// `scores[r * criterionCount ..< (r + 1) * criterionCount]`.
    public private(set) var scores: [UInt8]
    /// Sheet total: the weighted sum of the row's criterion scores.
    public private(set) var total: [Double]
    /// Free-text comments, empty for rows without one.
    public private(set) var comments: TextColumn
    /// `stageStart[s] ..< stageStart[s + 1]` are the rows of stage `s`.
    public private(set) var stageStart: [Int]

    public var count: Int { course.count }
    public var isEmpty: Bool { course.isEmpty }

    /// Bytes held by the columns: 4 + 4 + 1 + k + 8 per sheet (24 with
    /// seven criteria), plus any comments.
    public var byteCount: Int {
        4 * course.count + 4 * expert.count + stage.count + scores.count + 8 * total.count + comments.byteCount
    }

    /// The rows of one stage (contiguous).
    public func rows(in stage: Stage) -> Range<Int> {
        stageStart[Int(stage.rawValue)] ..< stageStart[Int(stage.rawValue) + 1]
    }

    /// Score of one criterion on one sheet.
    @inlinable
    public func score(row: Int, criterion: Int) -> UInt8 {
        scores[row &* criterionCount &+ criterion]
    }

    /// The latest stage that has sheets, if any (the default `--stage`).
    public var lastStageWithSheets: Stage? {
        Stage.allCases.last { !rows(in: $0).isEmpty }
    }

    /// An empty table.
    public init(criterionCount: Int) {
        self.criterionCount = criterionCount
        course = []
        expert = []
        stage = []
        scores = []
        total = []
        comments = TextColumn()
        stageStart = Array(repeating: 0, count: Stage.allCases.count + 1)
    }
}

extension SheetTable {
    /// Collects sheets in any order and produces the canonical `SheetTable`.
    ///
    /// The builder remembers the order of `append` calls so that the reader can
    /// name the line of a duplicate sheet (the later occurrence).
    public struct Builder: Sendable {
        public let criterionCount: Int
        public let weights: [Double]
        @usableFromInline var course: [Int32] = []
        @usableFromInline var expert: [Int32] = []
        @usableFromInline var stage: [Stage] = []
        @usableFromInline var scores: [UInt8] = []
        @usableFromInline var comments = TextColumn()

        public init(criterionCount: Int, weights: [Double]) {
            precondition(weights.count == criterionCount, "one weight per criterion")
            self.criterionCount = criterionCount
            self.weights = weights
        }

        public var count: Int { course.count }

        public mutating func reserveCapacity(_ n: Int) {
            course.reserveCapacity(n)
            expert.reserveCapacity(n)
            stage.reserveCapacity(n)
            scores.reserveCapacity(n * criterionCount)
        }

        /// Appends one sheet. `rowScores` holds exactly `criterionCount` scores.
        @inlinable
        public mutating func append<C: Collection<UInt8>>(stage: Stage, course: Int32, expert: Int32,
                                                        scores rowScores: C, comment: String = "") {
            appendRow(stage: stage, course: course, expert: expert, scores: rowScores, comment: comment)
        }

        @inlinable
        mutating func appendRow<C: Collection<UInt8>>(stage: Stage, course: Int32, expert: Int32,
                                                     scores rowScores: C, comment: String) {
            precondition(rowScores.count == criterionCount, "one score per criterion")
            self.stage.append(stage)
            self.course.append(course)
            self.expert.append(expert)
            for s in rowScores { scores.append(s) }
            if comment.isEmpty { comments.appendEmpty() } else { comments.append(comment) }
        }

        /// Appends all sheets of another builder (a chunk parsed in parallel),
        /// after this builder's own.
        public mutating func append(contentsOf other: Builder) {
            precondition(other.criterionCount == criterionCount)
            course.append(contentsOf: other.course)
            expert.append(contentsOf: other.expert)
            stage.append(contentsOf: other.stage)
            scores.append(contentsOf: other.scores)
            comments.append(contentsOf: other.comments)
        }

        /// A sheet given twice: the same expert, course and stage. `first` and
        /// `later` are positions in append order.
        public struct Duplicate: Sendable, Hashable {
            public var first: Int
            public var later: Int
            public var stage: Stage
            public var course: Int32
            public var expert: Int32
        }

        /// Sorts the sheets into canonical order and computes the totals.
        ///
        /// Complexity: O(n + courses) for the counting sort on (stage, course),
        /// plus sorting each course's few sheets by expert.
        /// - Returns: the table and every duplicate sheet; a duplicate's later
        ///   occurrence is dropped from the table.
        ///
        /// Consuming: each column of the builder is freed as soon as the
        /// table has its copy, so a builder used for the last time never
        /// holds memory beside the whole table.
        public consuming func build(courseCount: Int) -> (table: SheetTable, duplicates: [Duplicate]) {
            let n = course.count
            let stageCount = Stage.allCases.count
            if isInCanonicalOrder {
                // Sheets already in (stage, course, expert) order, none given
                // twice (a file exported course by course): the columns are the
                // table's as they are, with no permutation to compute or apply.
                var table = SheetTable(criterionCount: criterionCount)
                table.total = Self.totals(scores, criterionCount: criterionCount, weights: weights)
                table.course = course
                course = []
                table.expert = expert
                expert = []
                table.stage = stage
                stage = []
                table.scores = scores
                scores = []
                table.comments = comments.isAllEmpty ? TextColumn() : comments
                table.stageStart = Self.stageStart(table.stage)
                return (table, [])
            }
            // Counting sort on the bucket (stage, course).
            var bucketStart = [Int32](repeating: 0, count: stageCount * courseCount + 1)
            for i in 0..<n {
                bucketStart[Int(stage[i].rawValue) * courseCount + Int(course[i]) + 1] += 1
            }
            for b in 0..<(bucketStart.count - 1) { bucketStart[b + 1] += bucketStart[b] }
            var order = [Int32](repeating: 0, count: n)
            var next = bucketStart
            for i in 0..<n {
                let b = Int(stage[i].rawValue) * courseCount + Int(course[i])
                order[Int(next[b])] = Int32(i)
                next[b] += 1
            }
            // Inside a bucket: by expert, then append order (so the first occurrence comes first).
            for b in 0..<(bucketStart.count - 1) {
                let lo = Int(bucketStart[b]), hi = Int(bucketStart[b + 1])
                if hi - lo > 1 {
                    order[lo..<hi].sort { (expert[Int($0)], $0) < (expert[Int($1)], $1) }
                }
            }
            var duplicates: [Duplicate] = []
            var keep = [Int32]()
            keep.reserveCapacity(n)
            for (position, i) in order.enumerated() {
                if position > 0 {
                    let p = order[position - 1]
                    if stage[Int(p)] == stage[Int(i)] && course[Int(p)] == course[Int(i)] && expert[Int(p)] == expert[Int(i)] {
                        // `p` may itself be a dropped duplicate; report against the first kept one.
                        duplicates.append(Duplicate(first: Int(keep.last ?? p), later: Int(i), stage: stage[Int(i)],
                                                    course: course[Int(i)], expert: expert[Int(i)]))
                        continue
                    }
                }
                keep.append(i)
            }
            var table = SheetTable(criterionCount: criterionCount)
            let m = keep.count
            let k = criterionCount
            order = []
            table.course = keep.map { course[Int($0)] }
            course = []
            table.expert = keep.map { expert[Int($0)] }
            expert = []
            table.stage = keep.map { stage[Int($0)] }
            stage = []
            var sortedScores = [UInt8](repeating: 0, count: m * k)
            scores.withUnsafeBufferPointer { src in
                sortedScores.withUnsafeMutableBufferPointer { dst in
                    for (r, i) in keep.enumerated() {
                        let from = Int(i) * k, to = r * k
                        for c in 0..<k { dst[to + c] = src[from + c] }
                    }
                }
            }
            scores = []
            table.scores = sortedScores
            table.total = Self.totals(sortedScores, criterionCount: k, weights: weights)
            table.comments = comments.isAllEmpty ? TextColumn() : comments.gathered(keep)
            table.stageStart = Self.stageStart(table.stage)
            return (table, duplicates)
        }

        /// Whether the sheets are strictly increasing in (stage, course,
        /// expert): in canonical order already, with no sheet given twice.
        /// Checked in ranges on every core.
        var isInCanonicalOrder: Bool {
            let n = course.count
            guard n > 1 else { return true }
            return stage.withUnsafeBufferPointer { stage in
                course.withUnsafeBufferPointer { course in
                    expert.withUnsafeBufferPointer { expert in
                        Concurrently.mapRanges(n, minimum: Self.rowsPerRange) { range in
                            for i in max(1, range.lowerBound) ..< range.upperBound {
                                let a = (stage[i - 1].rawValue, course[i - 1], expert[i - 1])
                                let b = (stage[i].rawValue, course[i], expert[i])
                                if !(a < b) { return false }
                            }
                            return true
                        }.allSatisfy { $0 }
                    }
                }
            }
        }

        /// Rows handled by one task at least when the build runs on every core.
        static let rowsPerRange = 1 << 16

        /// The total of each sheet, Σ w_c · score_c (integer sums when every
        /// weight is 1), computed in ranges on every core.
        static func totals(_ scores: [UInt8], criterionCount k: Int, weights: [Double]) -> [Double] {
            let m = k == 0 ? 0 : scores.count / k
            let unweighted = weights.allSatisfy { $0 == 1 }
            let parts = Concurrently.ranges(m, minimum: rowsPerRange)
            return scores.withUnsafeBufferPointer { src in
                Concurrently.array(m, parts: parts) { p, totals in
                    let first = parts[p].lowerBound
                    for i in totals.indices {
                        let from = (first + i) * k
                        if unweighted {
                            var s = 0
                            for c in 0..<k { s += Int(src[from + c]) }
                            totals.initializeElement(at: i, to: Double(s))
                        } else {
                            var sum = 0.0
                            for c in 0..<k { sum += weights[c] * Double(src[from + c]) }
                            totals.initializeElement(at: i, to: sum)
                        }
                    }
                }
            }
        }

        /// Where each stage's rows start (and the end), from the sorted stage
        /// column: a binary search for each stage's first row.
        static func stageStart(_ stage: [Stage]) -> [Int] {
            Stage.allCases.map { s in
                var lo = 0, hi = stage.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if stage[mid].rawValue < s.rawValue { lo = mid + 1 } else { hi = mid }
                }
                return lo
            } + [stage.count]
        }
    }
}

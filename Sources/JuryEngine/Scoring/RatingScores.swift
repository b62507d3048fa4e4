/// The rating score (12.2) of one course at one stage, with the spread of
/// its counted sheet totals.
public struct CourseScore: Sendable, Hashable, Codable {
    public var course: Int32
    /// Counted sheets.
    public var sheets: Int
    /// The score by the stage's scoring method, on the total scale.
    public var score: Double
    public var mean: Double
    public var median: Double
    public var min: Double
    public var max: Double
}

/// Rating scores of every course with counted sheets at one stage.
///
/// With `x_1 … x_n` the counted sheet totals of a course (a total is the
/// weighted sum of the criterion scores):
/// - `mean`: (1/n) Σ x_i — the regulation's reading of 12.2.
/// - `median`: the middle value, or the mean of the two middle values.
/// - `trimmed`: for n ≥ 5, (Σ x_i − max − min)/(n − 2); else the mean
///   (the single-drop trimmed mean of ISU judging and diving).
/// - `zscore`: each expert's counted totals in the stage are standardised,
///   z = (x − m_e)/s_e with the expert's mean m_e and sample sd s_e (ddof 1);
///   an expert with one sheet or s_e = 0 contributes z = 0. The course's
///   score is m + s · mean(z), where m and s (ddof 1) are the mean and sd of
///   all counted totals of the stage — the z average mapped back to the
///   total scale (as in the pandas peer's per-expert z, ddof = 1).
///
/// Complexity: O(n) over the stage's sheets plus a sort of each course's few
/// totals for the median.
public enum RatingScores {
    /// - Parameters:
    ///   - counted: per row of the table, whether the sheet counts (not excluded).
    ///   - coursesPerRange: courses scored by one task at least; the scores
    ///     are the same for any value (the tests split finer).
    public static func compute(table: SheetTable, view: StageSheets, method: ScoringMethod,
                               counted: [Bool], coursesPerRange: Int = coursesPerRange) -> [CourseScore] {
        let zTotals = method == .zscore ? zScores(table: table, view: view, counted: counted) : nil
        // Ranges of courses on every core, written in place; courses without
        // counted sheets are then left out.
        let parts = Concurrently.ranges(view.courseCount, minimum: coursesPerRange)
        var scores = Concurrently.array(view.courseCount, parts: parts) { (part, out: UnsafeMutableBufferPointer<CourseScore>) in
            var buffer: [Double] = []
            let first = parts[part].lowerBound
            for k in out.indices {
                let c = first + k
                buffer.removeAll(keepingCapacity: true)
                var zSum = 0.0
                for r in view.sheets(ofCourse: c) where counted[r] {
                    buffer.append(table.total[r])
                    if let z = zTotals { zSum += z.z[r - view.rows.lowerBound] }
                }
                let n = buffer.count
                guard n > 0 else {
                    out.initializeElement(at: k, to: CourseScore(course: Int32(c), sheets: 0, score: 0, mean: 0, median: 0, min: 0, max: 0))
                    continue
                }
                buffer.sort()
                var sum = 0.0
                for x in buffer { sum += x }
                let mean = sum / Double(n)
                let median = n % 2 == 1 ? buffer[n / 2] : (buffer[n / 2 - 1] + buffer[n / 2]) / 2
                let lo = buffer[0], hi = buffer[n - 1]
                let score: Double = switch method {
                case .mean: mean
                case .median: median
                case .trimmed: n >= 5 ? (sum - lo - hi) / Double(n - 2) : mean
                case .zscore: zTotals.map { $0.m + $0.s * (zSum / Double(n)) } ?? mean
                }
                out.initializeElement(at: k, to: CourseScore(course: Int32(c), sheets: n, score: score, mean: mean, median: median, min: lo, max: hi))
            }
        }
        scores.removeAll { $0.sheets == 0 }
        return scores
    }

    /// Courses scored by one task at least, by default (fewer are scored on one core).
    public static let coursesPerRange = 1 << 14

    /// Each course's position in `scores` (-1 for a course without a score),
    /// written on every core: the scores hold each course at most once.
    static func positions(of scores: [CourseScore], courseCount: Int,
                          coursesPerRange: Int = coursesPerRange) -> [Int32] {
        var index = [Int32](repeating: -1, count: courseCount)
        index.withUnsafeMutableBufferPointer { index in
            let target = PositionIndex(slots: index)
            _ = Concurrently.mapRanges(scores.count, minimum: coursesPerRange) { range in
                for i in range { target.slots[Int(scores[i].course)] = Int32(i) }
            }
        }
        return index
    }

    /// The index the workers of `positions` write, each at its own courses.
    private struct PositionIndex: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Int32>
    }

    /// Per counted row of the stage (indexed from the stage's first row), the
    /// expert z-score; and the stage's mean and sd of counted totals.
    static func zScores(table: SheetTable, view: StageSheets, counted: [Bool]) -> (z: [Double], m: Double, s: Double) {
        var z = [Double](repeating: 0, count: view.count)
        var all = Welford()
        for r in view.rows where counted[r] { all.add(table.total[r]) }
        for e in 0..<view.expertCount {
            var w = Welford()
            for r in view.sheets(ofExpert: e) where counted[Int(r)] { w.add(table.total[Int(r)]) }
            guard w.count > 1, let sd = w.sampleStandardDeviation, sd > 0 else { continue }
            for r in view.sheets(ofExpert: e) where counted[Int(r)] {
                z[Int(r) - view.rows.lowerBound] = (table.total[Int(r)] - w.mean) / sd
            }
        }
        return (z, all.mean, all.sampleStandardDeviation ?? 0)
    }
}

/// Running mean and variance (Welford 1962, "Note on a method for calculating
/// corrected sums of squares and products", Technometrics 4(3)), stable for
/// long runs of similar values.
public struct Welford: Sendable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var m2 = 0.0

    public init() {}

    @inlinable
    public mutating func add(_ x: Double) {
        addValue(x)
    }

    @usableFromInline
    mutating func addValue(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
    }

    /// Sample variance (ddof 1); nil for fewer than two values.
    public var sampleVariance: Double? { count > 1 ? m2 / Double(count - 1) : nil }
    public var sampleStandardDeviation: Double? { sampleVariance.map { $0.squareRoot() } }
    /// Population variance (ddof 0); nil when empty.
    public var populationVariance: Double? { count > 0 ? m2 / Double(count) : nil }
}

/// Sheets whose total is far from the other experts' totals for the same
/// course at the same stage, once each expert's own level is allowed for.
///
/// Model: total = course level + expert offset + noise (the additive two-way
/// model of Tukey's median polish, Tukey 1977, "Exploratory Data Analysis",
/// ch. 11). One robust polish step:
///
///     d_i   = x_i − median(others of the course)            (raw deviation)
///     o_e   = median of d_i over expert e's sheets           (expert offset; 0 below 3 sheets)
///     y_i   = x_i − o_e                                      (offset removed)
///     d'_i  = y_i − median(y of the others of the course)
///     robust z = d'_i / s_e,   s_e = max(1.4826 · MAD_pooled, 1.4826 · MAD_e, floor)
///
/// MAD_pooled is the median of |d'| over every assessable sheet of the stage,
/// MAD_e the median of |d'| over expert e's own sheets (used only from
/// `minimumSheetsForOwnScale` sheets: experts differ in how noisy they are,
/// and a noisy expert's ordinary sheets should not read as outliers; the
/// pooled scale is a lower bound, so an expert cannot hide by being noisy
/// below the stage's level);
/// 1.4826 makes it estimate a normal sd (Iglewicz & Hoaglin 1993, "How to
/// Detect and Handle Outliers", ASQC, ch. 3, whose modified z-score and 3.5
/// cut-off this follows). A sheet is an outlier when |robust z| exceeds the
/// threshold (`audit.outlier_threshold`, default 3.5). `consensus` is what the
/// sheet was expected to be, median(y of the others) + o_e clamped to the
/// range of possible totals (a lenient expert's maximum is no low outlier
/// against an expectation above the maximum), and in fact
/// robust z = (total − consensus) / s_e.
///
/// Why pooled and why offsets: with four or five sheets per course the MAD of
/// the four other totals is itself very noisy, and the per-course rule flags
/// about 12 % of all sheets on synthetic data, only 4 % of them real. Pooling
/// the absolute deviations over the stage gives one stable scale; removing
/// each expert's offset keeps a harsh or lenient expert (a rater effect,
/// reported by `RaterEffects`) from turning every one of their sheets into an
/// "outlier", and takes the spread of severities out of the scale. The floor
/// (half a scale point per criterion, in total units: 0.5 · Σ weights) keeps a
/// stage of near-identical totals from flagging one-point differences.
///
/// With fewer than three other sheets the median of the others is not robust
/// (one other sheet is the median), so such sheets are not assessed and never
/// flagged.
///
/// Complexity: O(n) over the stage's sheets (sorts of each course's few
/// totals, per-expert medians by selection, one selection for the pooled MAD).
public struct OutlierRatings: Sendable {
    public struct Assessment: Sendable, Hashable, Codable {
        public var row: Int32
        public var total: Double
        /// The total expected of this expert on this course: the others' median
        /// (offsets removed) plus this expert's offset.
        public var consensus: Double
        public var robustZ: Double
    }

    public static let minimumOthers = 3
    /// Sheets an expert needs before their offset is estimated.
    public static let minimumSheetsForOffset = 3
    /// Assessed sheets an expert needs before their own spread widens their scale.
    public static let minimumSheetsForOwnScale = 10

    /// Every assessed sheet, by row.
    public private(set) var assessed: [Assessment] = []
    /// The stage's scale: max(1.4826 · MAD_pooled, floor); an expert's own may be wider.
    public private(set) var scale: Double = 0
    public private(set) var pooledMAD: Double = 0
    public private(set) var floor: Double = 0
    public let threshold: Double
    /// Each expert's offset o_e, by person index (0 without enough sheets).
    public private(set) var expertOffset: [Double] = []

    /// Sheets with |robust z| above the threshold, by row.
    public var outliers: [Assessment] { assessed.filter { abs($0.robustZ) > threshold } }

    public init(table: SheetTable, view: StageSheets, rules: Rules) {
        threshold = rules.audit.outlierThreshold
        floor = 0.5 * rules.weights.reduce(0, +)
        let base = view.rows.lowerBound
        // Step 1: raw deviations from the others' median (courses with at least one other sheet).
        let raw = Self.deviations(view: view, minimumOthers: 1) { table.total[$0] }
        var offset = [Double](repeating: 0, count: view.expertCount)
        var buffer: [Double] = []
        let rawByExpert = Self.groupedByExpert(raw.deviation, table: table, view: view)
        for e in 0..<view.expertCount {
            buffer.removeAll(keepingCapacity: true)
            for d in rawByExpert[Int(view.expertStart[e]) ..< Int(view.expertStart[e + 1])] where !d.isNaN {
                buffer.append(d)
            }
            if buffer.count >= Self.minimumSheetsForOffset { offset[e] = Self.median(&buffer) }
        }
        expertOffset = offset
        // Step 2: deviations of the offset-free totals.
        let adjusted = Self.deviations(view: view, minimumOthers: Self.minimumOthers) {
            table.total[$0] - offset[Int(table.expert[$0])]
        }
        // The expected total of a sheet cannot lie beyond the scale: a lenient
        // expert's 70 is no low outlier against an expectation of 83.
        let range = rules.totalRange
        var deviation = [Double](repeating: .nan, count: view.count)
        var expected = [Double](repeating: .nan, count: view.count)
        var absolute: [Double] = []
        absolute.reserveCapacity(view.count)
        for r in view.rows {
            let med = adjusted.othersMedian[r - base]
            guard !med.isNaN else { continue }
            let e = min(max(med + offset[Int(table.expert[r])], range.lowerBound), range.upperBound)
            expected[r - base] = e
            deviation[r - base] = table.total[r] - e
            absolute.append(abs(table.total[r] - e))
        }
        guard !absolute.isEmpty else { return }
        pooledMAD = Self.median(&absolute)
        scale = max(1.4826 * pooledMAD, floor)
        var expertScale = [Double](repeating: scale, count: view.expertCount)
        let deviationByExpert = Self.groupedByExpert(deviation, table: table, view: view)
        for e in 0..<view.expertCount {
            buffer.removeAll(keepingCapacity: true)
            for d in deviationByExpert[Int(view.expertStart[e]) ..< Int(view.expertStart[e + 1])] where !d.isNaN {
                buffer.append(abs(d))
            }
            if buffer.count >= Self.minimumSheetsForOwnScale {
                expertScale[e] = max(scale, 1.4826 * Self.median(&buffer))
            }
        }
        assessed.reserveCapacity(absolute.count)
        for r in view.rows {
            let d = deviation[r - base]
            guard !d.isNaN else { continue }
            let e = Int(table.expert[r])
            assessed.append(Assessment(row: Int32(r), total: table.total[r], consensus: expected[r - base],
                                       robustZ: d / expertScale[e]))
        }
    }

    /// `values` (indexed from the stage's first row) regrouped by expert:
    /// positions `view.expertStart[e] ..< view.expertStart[e + 1]` hold expert
    /// e's values in row order, the order of `view.sheets(ofExpert: e)`. One
    /// sequential pass over the rows, where reading each expert's rows in turn
    /// would cost a cache miss per row on a large stage.
    static func groupedByExpert(_ values: [Double], table: SheetTable, view: StageSheets) -> [Double] {
        var grouped = [Double](repeating: .nan, count: view.count)
        var next = view.expertStart
        let base = view.rows.lowerBound
        table.expert.withUnsafeBufferPointer { expert in
            values.withUnsafeBufferPointer { values in
                grouped.withUnsafeMutableBufferPointer { grouped in
                    next.withUnsafeMutableBufferPointer { next in
                        for r in view.rows {
                            let e = Int(expert[r])
                            grouped[Int(next[e])] = values[r - base]
                            next[e] += 1
                        }
                    }
                }
            }
        }
        return grouped
    }

    /// Per row of the stage: value − median of the other values of its
    /// course, and that median; NaN where the course has fewer than
    /// `minimumOthers` other sheets.
    static func deviations(view: StageSheets, minimumOthers: Int,
                           value: (Int) -> Double) -> (deviation: [Double], othersMedian: [Double]) {
        var deviation = [Double](repeating: .nan, count: view.count)
        var othersMedian = [Double](repeating: .nan, count: view.count)
        let base = view.rows.lowerBound
        var sorted: [Double] = []
        for c in 0..<view.courseCount {
            let rows = view.sheets(ofCourse: c)
            guard rows.count - 1 >= minimumOthers else { continue }
            sorted.removeAll(keepingCapacity: true)
            for r in rows { sorted.append(value(r)) }
            sorted.sort()
            let m = sorted.count - 1
            for r in rows {
                // The others: the sorted values less one copy of x.
                let x = value(r)
                let skip = sorted.firstIndex(of: x) ?? 0
                func other(_ i: Int) -> Double { sorted[i < skip ? i : i + 1] }
                let med = m % 2 == 1 ? other(m / 2) : (other(m / 2 - 1) + other(m / 2)) / 2
                deviation[r - base] = x - med
                othersMedian[r - base] = med
            }
        }
        return (deviation, othersMedian)
    }

    /// Median by selection (Hoare's quickselect with median-of-three pivots); reorders `values`.
    static func median(_ values: inout [Double]) -> Double {
        let n = values.count
        if n % 2 == 1 { return select(&values, n / 2) }
        let hi = select(&values, n / 2)
        var lo = -Double.infinity
        for i in 0..<(n / 2) where values[i] > lo { lo = values[i] }
        return (lo + hi) / 2
    }

    /// The k-th smallest value; afterwards values[..<k] ≤ values[k] ≤ values[(k+1)...].
    static func select(_ a: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
        }
        return a[k]
    }
}

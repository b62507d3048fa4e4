/// Sheets whose total is far from the other experts' totals for the same
/// course at the same stage.
///
/// For a sheet with total x on a course whose other sheets O number at least
/// three (`minimumOthers`):
///
///     d = x − median(O)
///     robust z = d / max(1.4826 · MAD_pooled, floor)
///
/// MAD_pooled is the median of |d| over every assessable sheet of the stage,
/// and 1.4826 makes it estimate a normal sd (Iglewicz & Hoaglin 1993, "How to
/// Detect and Handle Outliers", ASQC, ch. 3, whose modified z-score and 3.5
/// cut-off this follows). A sheet is an outlier when |robust z| exceeds the
/// threshold (`audit.outlier_threshold`, default 3.5).
///
/// Why pooled: with four or five sheets per course, the MAD of the four other
/// totals is itself very noisy (often 0–2 points on a 7–70 scale), and the
/// per-course rule flags about 12 % of all sheets on synthetic data, only 4 %
/// of them real. Pooling the absolute deviations over the whole stage gives
/// one stable scale; the floor (half a scale point per criterion, in total
/// units: 0.5 · Σ weights) keeps a stage of near-identical totals from
/// flagging one-point differences.
///
/// With fewer than three other sheets the median of the others is not robust
/// (one other sheet is the median), so such sheets are not assessed:
/// `robustZ` is nil and they are never flagged.
///
/// Complexity: O(n) over the stage's sheets (a sort of each course's few
/// totals, and one selection for the pooled median).
public struct OutlierRatings: Sendable {
    public struct Assessment: Sendable, Hashable, Codable {
        public var row: Int32
        public var total: Double
        /// Median of the other experts' totals for the course.
        public var consensus: Double
        public var robustZ: Double
    }

    public static let minimumOthers = 3

    /// Every assessed sheet, by row.
    public private(set) var assessed: [Assessment] = []
    /// The scale used: max(1.4826 · MAD_pooled, floor).
    public private(set) var scale: Double = 0
    public private(set) var pooledMAD: Double = 0
    public private(set) var floor: Double = 0
    public let threshold: Double

    /// Sheets with |robust z| above the threshold, by row.
    public var outliers: [Assessment] { assessed.filter { abs($0.robustZ) > threshold } }

    public init(table: SheetTable, view: StageSheets, rules: Rules) {
        threshold = rules.audit.outlierThreshold
        floor = 0.5 * rules.weights.reduce(0, +)
        var deviations: [Double] = []
        var medians: [Double] = []
        var sorted: [Double] = []
        var others: [Double] = []
        var rowsOfAssessed: [Int32] = []
        for c in 0..<view.courseCount {
            let rows = view.sheets(ofCourse: c)
            guard rows.count - 1 >= OutlierRatings.minimumOthers else { continue }
            sorted.removeAll(keepingCapacity: true)
            for r in rows { sorted.append(table.total[r]) }
            sorted.sort()
            for r in rows {
                // The others: the sorted totals less one copy of x.
                let x = table.total[r]
                others.removeAll(keepingCapacity: true)
                var skipped = false
                for v in sorted {
                    if !skipped && v == x { skipped = true; continue }
                    others.append(v)
                }
                let m = others.count
                let med = m % 2 == 1 ? others[m / 2] : (others[m / 2 - 1] + others[m / 2]) / 2
                deviations.append(abs(x - med))
                medians.append(med)
                rowsOfAssessed.append(Int32(r))
            }
        }
        guard !deviations.isEmpty else { return }
        var work = deviations
        pooledMAD = Self.median(&work)
        scale = max(1.4826 * pooledMAD, floor)
        assessed.reserveCapacity(rowsOfAssessed.count)
        for (i, r) in rowsOfAssessed.enumerated() {
            let x = table.total[Int(r)]
            assessed.append(Assessment(row: r, total: x, consensus: medians[i], robustZ: (x - medians[i]) / scale))
        }
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

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

    /// Every assessed sheet, by row, as columns (20 bytes a sheet: its row,
    /// consensus and robust z; its total is read from the sheet table's
    /// column, shared, not copied). A 32-byte `Assessment` for each was
    /// 320 MB at 10 M sheets, which only the report reads whole.
    public struct Assessments: RandomAccessCollection, Sendable, Equatable {
        let rows: [Int32]
        let consensus: [Double]
        let robustZ: [Double]
        /// The sheet table's totals, by row.
        let totals: [Double]

        public var startIndex: Int { 0 }
        public var endIndex: Int { rows.count }

        public subscript(position: Int) -> Assessment {
            let row = rows[position]
            return Assessment(row: row, total: totals[Int(row)], consensus: consensus[position], robustZ: robustZ[position])
        }

        public static func == (a: Assessments, b: Assessments) -> Bool { a.elementsEqual(b) }
    }

    /// Every assessed sheet, by row.
    public private(set) var assessed = Assessments(rows: [], consensus: [], robustZ: [], totals: [])
    /// The stage's scale: max(1.4826 · MAD_pooled, floor); an expert's own may be wider.
    public private(set) var scale: Double = 0
    public private(set) var pooledMAD: Double = 0
    public private(set) var floor: Double = 0
    public let threshold: Double
    /// Each expert's offset o_e, by person index (0 without enough sheets).
    public private(set) var expertOffset: [Double] = []

    /// Sheets with |robust z| above the threshold, by row: gathered once,
    /// as the scores are scaled (the audit's output and the rater effects
    /// read them, and a filter of every assessment at each read was a pass
    /// over 10 M of them at L).
    public private(set) var outliers: [Assessment] = []

    public init(table: SheetTable, view: StageSheets, rules: Rules) {
        threshold = rules.audit.outlierThreshold
        floor = 0.5 * rules.weights.reduce(0, +)
        let n = view.count
        let expertCount = view.expertCount
        var maxCourse = 0
        for c in 0..<view.courseCount { maxCourse = max(maxCourse, view.sheetCount(ofCourse: c)) }
        var course = OthersMedian(capacity: maxCourse)
        // One scratch column of the stage's size, reused: expert e's values at
        // expertStart[e] ..< filled[e], in row order (the order of
        // `view.sheets(ofExpert: e)`), given in course order, which is row
        // order (a course's rows are contiguous), to an `ExpertGrouping`.
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n, 1))
        defer { scratch.deallocate() }
        let work = scratch.baseAddress.unsafelyUnwrapped
        var filled = [Int32](repeating: 0, count: expertCount)
        var offset = [Double](repeating: 0, count: expertCount)
        var absoluteCount = 0
        var absoluteNaN = false
        // The assessed sheets' columns; `robustZ` holds the deviation until the scales are known.
        var assessedRows: [Int32] = [], assessedConsensus: [Double] = [], robustZ: [Double] = []
        table.total.withUnsafeBufferPointer { total in
        table.expert.withUnsafeBufferPointer { expert in
        view.courseStart.withUnsafeBufferPointer { courseStart in
        view.expertStart.withUnsafeBufferPointer { expertStart in
        filled.withUnsafeMutableBufferPointer { filled in
        offset.withUnsafeMutableBufferPointer { offset in
            /// The median of expert e's `filled` values, by selection (the
            /// same value by either method when `ThreeWaySelect` accepts them).
            func expertMedian(_ e: Int) -> Double {
                let start = Int(expertStart[e])
                let values = UnsafeMutableBufferPointer(start: work + start, count: Int(filled[e]) - start)
                return ThreeWaySelect.accepts(values) ? ThreeWaySelect.median(values) : Self.median(values)
            }
            var grouping = ExpertGrouping(expertStart: expertStart)
            // Step 1: raw deviations from the others' median (courses with at
            // least one other sheet), grouped by expert; NaN left out.
            grouping.reset(filled: filled)
            for c in 0..<view.courseCount {
                let lo = Int(courseStart[c]), k = Int(courseStart[c + 1]) - lo
                guard k - 1 >= 1 else { continue }
                course.load(count: k) { total[lo + $0] }
                for r in lo ..< lo + k {
                    let d = total[r] - course.median(excluding: total[r])
                    guard !d.isNaN else { continue }
                    grouping.add(d, expert: Int(expert[r]), out: work, filled: filled)
                }
            }
            grouping.finish(out: work, filled: filled)
            for e in 0..<expertCount where Int(filled[e] - expertStart[e]) >= Self.minimumSheetsForOffset {
                offset[e] = expertMedian(e)
            }
            // Step 2: deviations of the offset-free totals, from courses with
            // at least `minimumOthers` other sheets. The expected total of a
            // sheet cannot lie beyond the scale: a lenient expert's 70 is no
            // low outlier against an expectation of 83. `robustZ` holds the
            // deviation until the scales are known; `work` holds
            // |deviation| of every sheet with a consensus, in row order.
            let range = rules.totalRange
            assessedRows.reserveCapacity(n)
            assessedConsensus.reserveCapacity(n)
            robustZ.reserveCapacity(n)
            for c in 0..<view.courseCount {
                let lo = Int(courseStart[c]), k = Int(courseStart[c + 1]) - lo
                guard k - 1 >= Self.minimumOthers else { continue }
                course.load(count: k) { total[lo + $0] - offset[Int(expert[lo + $0])] }
                for r in lo ..< lo + k {
                    let o = offset[Int(expert[r])]
                    let med = course.median(excluding: total[r] - o)
                    guard !med.isNaN else { continue }
                    let consensus = min(max(med + o, range.lowerBound), range.upperBound)
                    let d = total[r] - consensus
                    let absolute = abs(total[r] - consensus)
                    work[absoluteCount] = absolute
                    absoluteCount += 1
                    absoluteNaN = absoluteNaN || absolute.isNaN
                    guard !d.isNaN else { continue }
                    assessedRows.append(Int32(r))
                    assessedConsensus.append(consensus)
                    robustZ.append(d)
                }
            }
            guard absoluteCount > 0 else { return }
            // Without NaN the median is fixed by the numbers alone, and radix
            // selection finds it in fewer passes than quickselect.
            let absolute = UnsafeMutableBufferPointer(start: work, count: absoluteCount)
            pooledMAD = absoluteNaN ? Self.median(absolute) : RadixSelect.medianOfNonNegative(absolute)
            scale = max(1.4826 * pooledMAD, floor)
            // Each expert's |deviations|, in row order.
            grouping.reset(filled: filled)
            for i in assessedRows.indices {
                grouping.add(abs(robustZ[i]), expert: Int(expert[Int(assessedRows[i])]), out: work, filled: filled)
            }
            grouping.finish(out: work, filled: filled)
            var expertScale = [Double](repeating: scale, count: expertCount)
            for e in 0..<expertCount where Int(filled[e] - expertStart[e]) >= Self.minimumSheetsForOwnScale {
                expertScale[e] = max(scale, 1.4826 * expertMedian(e))
            }
            var outliers: [Assessment] = []
            expertScale.withUnsafeBufferPointer { expertScale in
                robustZ.withUnsafeMutableBufferPointer { z in
                    for i in z.indices {
                        let row = assessedRows[i]
                        z[i] /= expertScale[Int(expert[Int(row)])]
                        if abs(z[i]) > threshold {
                            outliers.append(Assessment(row: row, total: total[Int(row)], consensus: assessedConsensus[i], robustZ: z[i]))
                        }
                    }
                }
            }
            self.outliers = outliers
        }
        }
        }
        }
        }
        }
        expertOffset = offset
        assessed = Assessments(rows: assessedRows, consensus: assessedConsensus, robustZ: robustZ, totals: table.total)
    }

    /// Median by selection (Hoare's quickselect with median-of-three pivots); reorders `values`.
    static func median(_ values: inout [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        return values.withUnsafeMutableBufferPointer { median($0) }
    }

    /// `median(_:)` on a buffer (count ≥ 1): the same selection, in place.
    static func median(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = values.count
        if n % 2 == 1 { return select(values, n / 2) }
        let hi = select(values, n / 2)
        var lo = -Double.infinity
        for i in 0..<(n / 2) where values[i] > lo { lo = values[i] }
        return (lo + hi) / 2
    }

    /// The k-th smallest value; afterwards values[..<k] ≤ values[k] ≤ values[(k+1)...].
    static func select(_ a: inout [Double], _ k: Int) -> Double {
        precondition(a.indices.contains(k), "selection outside the values")
        return a.withUnsafeMutableBufferPointer { select($0, k) }
    }

    /// `select(_:_:)` on a buffer (0 ≤ k < count).
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        let a = values.baseAddress.unsafelyUnwrapped
        @inline(__always) func swapAt(_ i: Int, _ j: Int) { let t = a[i]; a[i] = a[j]; a[j] = t }
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { swapAt(mid, lo) }
            if a[hi] < a[lo] { swapAt(hi, lo) }
            if a[hi] < a[mid] { swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
        }
        return a[k]
    }
}

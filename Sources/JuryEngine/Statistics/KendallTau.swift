/// Kendall's rank correlation tau-b between two paired score vectors, with
/// ties (M. G. Kendall 1945, "The treatment of ties in ranking problems",
/// Biometrika 33(3):239–251, doi:10.1093/biomet/33.3.239). Jury uses it for
/// the agreement between consecutive stages: the order a unit gave its
/// entries at one stage against the order at the next.
///
/// Over the n0 = n(n − 1)/2 pairs of entries, with n1 pairs tied in x, n2
/// tied in y, n3 tied in both, nc concordant and nd discordant pairs:
///
///     tau_b = (nc − nd) / sqrt((n0 − n1) · (n0 − n2))
///
/// Counted in O(n log n) by Knight's method (W. R. Knight 1966, "A computer
/// method for calculating Kendall's tau with ungrouped data", JASA
/// 61(314):436–439, doi:10.1080/01621459.1966.10480879): sort the pairs by
/// (x, y), count the runs of ties, then count nd as the swaps a merge sort
/// needs to sort the y sequence. The value is computed as scipy does,
/// (nc − nd) / sqrt(n0 − n1) / sqrt(n0 − n2) clipped to [−1, 1], and agrees
/// with `scipy.stats.kendalltau(x, y)` (variant `b`, the default; scipy
/// 1.17.1) to 1e-12 in the known-answer tests. No p-value: the stages report
/// the agreement, not a test.
///
/// Both vectors must point the same way: scores (higher = better) against
/// scores, or positions (1 = best) against positions. An ordering with tie
/// groups is passed as each entry's group index (0 = best group), negated
/// when it is compared with scores.
///
/// Pooling: the counts of several groups of entries (the units of a stage)
/// add up with `pooled(_:)`, which counts pairs within a unit only and gives
/// the stratified tau-b Σ(nc − nd) / sqrt(Σ(n0 − n1) · Σ(n0 − n2)).
public struct KendallTau: Sendable, Hashable, Codable {
    /// Number of paired entries.
    public var n: Int
    /// n0: pairs of entries counted.
    public var pairs: Int
    /// n1: pairs tied in x (including those tied in both).
    public var tiedX: Int
    /// n2: pairs tied in y (including those tied in both).
    public var tiedY: Int
    /// n3: pairs tied in both x and y.
    public var tiedBoth: Int
    /// nd: pairs ordered one way by x and the other way by y.
    public var discordant: Int

    /// nc: pairs ordered the same way by x and y; n0 − n1 − n2 + n3 − nd.
    public var concordant: Int { pairs - tiedX - tiedY + tiedBoth - discordant }

    /// tau-b in [−1, 1]; nil when n < 2 or when x or y is constant (the
    /// denominator is 0; scipy returns NaN).
    public var tauB: Double? {
        let untiedX = pairs - tiedX, untiedY = pairs - tiedY
        guard untiedX > 0, untiedY > 0 else { return nil }
        let tau = Double(concordant - discordant) / Double(untiedX).squareRoot() / Double(untiedY).squareRoot()
        return Swift.min(1, Swift.max(-1, tau))
    }

    /// Counts the pairs of two paired vectors. Values are compared exactly.
    ///
    /// - Precondition: `x.count == y.count`; no NaN.
    /// - Complexity: O(n log n) time, O(n) extra space.
    public init(_ x: [Double], _ y: [Double]) {
        precondition(x.count == y.count, "paired vectors of different lengths")
        precondition(!x.contains(where: \.isNaN) && !y.contains(where: \.isNaN), "NaN in a rank vector")
        let n = x.count
        self.n = n
        pairs = n * (n - 1) / 2
        let order = x.indices.sorted { (x[$0], y[$0]) < (x[$1], y[$1]) }
        var ys = order.map { y[$0] }
        // A run of k equal values holds k(k − 1)/2 tied pairs: add k − 1 as it grows.
        var tiedX = 0, tiedBoth = 0
        var runX = 1, runXY = 1
        for i in 1..<Swift.max(n, 1) {
            let a = order[i - 1], b = order[i]
            if x[a] == x[b] {
                tiedX += runX
                runX += 1
                if y[a] == y[b] {
                    tiedBoth += runXY
                    runXY += 1
                } else {
                    runXY = 1
                }
            } else {
                runX = 1
                runXY = 1
            }
        }
        self.tiedX = tiedX
        self.tiedBoth = tiedBoth
        discordant = KendallTau.sortCountingSwaps(&ys)
        var tiedY = 0, runY = 1
        for i in 1..<Swift.max(n, 1) {
            if ys[i] == ys[i - 1] {
                tiedY += runY
                runY += 1
            } else {
                runY = 1
            }
        }
        self.tiedY = tiedY
    }

    /// The counts of disjoint groups of entries together (pairs across groups
    /// are not counted): tau-b stratified by group. Complexity: O(parts).
    public static func pooled(_ parts: [KendallTau]) -> KendallTau {
        var total = KendallTau(n: 0, pairs: 0, tiedX: 0, tiedY: 0, tiedBoth: 0, discordant: 0)
        for part in parts {
            total.n += part.n
            total.pairs += part.pairs
            total.tiedX += part.tiedX
            total.tiedY += part.tiedY
            total.tiedBoth += part.tiedBoth
            total.discordant += part.discordant
        }
        return total
    }

    init(n: Int, pairs: Int, tiedX: Int, tiedY: Int, tiedBoth: Int, discordant: Int) {
        self.n = n
        self.pairs = pairs
        self.tiedX = tiedX
        self.tiedY = tiedY
        self.tiedBoth = tiedBoth
        self.discordant = discordant
    }

    /// Sorts `values` ascending by a bottom-up merge sort and returns the
    /// number of inversions (pairs i < j with values[i] > values[j]; equal
    /// values are no inversion). Complexity: O(n log n).
    static func sortCountingSwaps(_ values: inout [Double]) -> Int {
        let n = values.count
        var swaps = 0
        var buffer = values
        var width = 1
        while width < n {
            values.withUnsafeBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { dst in
                    var lo = 0
                    while lo < n {
                        let mid = Swift.min(lo + width, n), hi = Swift.min(lo + 2 * width, n)
                        var i = lo, j = mid, k = lo
                        while i < mid && j < hi {
                            if src[j] < src[i] {
                                dst[k] = src[j]
                                swaps += mid - i
                                j += 1
                            } else {
                                dst[k] = src[i]
                                i += 1
                            }
                            k += 1
                        }
                        while i < mid { dst[k] = src[i]; i += 1; k += 1 }
                        while j < hi { dst[k] = src[j]; j += 1; k += 1 }
                        lo = hi
                    }
                }
            }
            swap(&values, &buffer)
            width *= 2
        }
        return swaps
    }
}

/// Kendall's coefficient of concordance W, corrected for ties, with its
/// chi-squared test: how far m raters rank n units in the same order.
///
/// Each rater's ratings are turned into ranks 1…n (tied ratings share the
/// mean of the ranks they span). With Rᵢ the sum of unit i's ranks and, for
/// rater j, Tⱼ = Σ (t³ − t) over their groups of t tied ratings:
///
///     S  = Σᵢ (Rᵢ − m(n + 1)/2)²
///     W  = 12 S / (m² (n³ − n) − m Σⱼ Tⱼ)
///     χ² = m (n − 1) W,   df = n − 1,   p = P(χ²(df) > χ²)
///
/// (Kendall & Babington Smith 1939, "The problem of m rankings", *Annals of
/// Mathematical Statistics* 10:275–287; the tie correction as in Siegel &
/// Castellan 1988, *Nonparametric Statistics for the Behavioral Sciences*,
/// 2nd ed., §9.4, eq. 9.16.) Agrees with R `irr::kendall(x, correct = TRUE)`
/// and `DescTools::KendallW(x, correct = TRUE, test = TRUE)`; see
/// `KendallWTests`. W is 0 for no agreement and 1 when every rater ranks
/// alike; the χ² approximation is rough for n < 7 (Siegel & Castellan give
/// exact tables; a permutation test is not implemented).
///
/// W needs every rater to rank every unit: on sparse ratings it is computed
/// on the complete block of `CompleteBlockSearch` (the same block as ICC(2,·)
/// and ICC(3,·)), or undefined with the search's reason.
///
/// Edge cases (undefined, with the reason): fewer than 2 units or 2 raters;
/// every rater giving every unit the same rating (the denominator is 0).
/// A rater who ties all units contributes no ranking information but is
/// kept, as in `irr` and `DescTools`.
public struct KendallW: Sendable, Codable, Equatable {
    public var w: Double
    public var chi2: Double
    public var df: Int
    public var p: Double
    /// m: the raters ranking.
    public var raters: Int
    /// n: the units ranked.
    public var units: Int

    public init(w: Double, chi2: Double, df: Int, p: Double, raters: Int, units: Int) {
        self.w = w
        self.chi2 = chi2
        self.df = df
        self.p = p
        self.raters = raters
        self.units = units
    }

    /// W of a complete table: `table[i * raters + j]` is rater j's rating of
    /// unit i. Complexity: O(m · n log n).
    public static func compute(table: [Double], units n: Int, raters m: Int) -> Computed<KendallW> {
        precondition(table.count == n * m, "a complete table has units × raters values")
        if n < 2 { return .undefined(reason: "needs at least 2 units (found \(n))") }
        if m < 2 { return .undefined(reason: "needs at least 2 raters (found \(m))") }
        var rankSum = [Double](repeating: 0, count: n)
        var ties = 0.0
        var order = [Int](repeating: 0, count: n)
        for j in 0..<m {
            for i in 0..<n { order[i] = i }
            order.sort { (table[$0 * m + j], $0) < (table[$1 * m + j], $1) }
            var start = 0
            while start < n {
                var end = start + 1
                while end < n && table[order[end] * m + j] == table[order[start] * m + j] { end += 1 }
                // Ranks start+1 … end share their mean.
                let rank = Double(start + end + 1) / 2
                for position in start..<end { rankSum[order[position]] += rank }
                let t = Double(end - start)
                ties += t * t * t - t
                start = end
            }
        }
        let mean = Double(m) * Double(n + 1) / 2
        var s = 0.0
        for r in rankSum { s += (r - mean) * (r - mean) }
        let nn = Double(n), mm = Double(m)
        let denominator = mm * mm * (nn * nn * nn - nn) - mm * ties
        guard denominator > 0 else {
            return .undefined(reason: "every rater gave every unit the same rating: there is no ranking to agree on")
        }
        let w = 12 * s / denominator
        let chi2 = mm * (nn - 1) * w
        let p = ChiSquaredDistribution(k: nn - 1).survival(chi2)
        return .value(KendallW(w: w, chi2: chi2, df: n - 1, p: p, raters: m, units: n))
    }

    /// W of sparse ratings on a complete block (from `CompleteBlockSearch`).
    public static func compute(_ ratings: Ratings, completeBlock: Computed<CompleteBlock>) -> Computed<KendallW> {
        switch completeBlock {
        case let .value(block):
            compute(table: ratings.table(of: block), units: block.units.count, raters: block.raters.count)
        case let .undefined(reason):
            .undefined(reason: reason)
        }
    }

    /// W of sparse ratings on the complete block that `blockSearch` finds.
    public static func compute(_ ratings: Ratings, blockSearch: CompleteBlockSearch = CompleteBlockSearch()) -> Computed<KendallW> {
        compute(ratings, completeBlock: blockSearch.find(in: ratings))
    }
}

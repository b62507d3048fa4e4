/// The chi-squared distribution with `k` degrees of freedom (real, > 0): the
/// large-sample null distribution of Kendall's W (χ² = m(n − 1)W).
///
/// `cdf(x) = P(k/2, x/2)`, the regularized lower incomplete gamma function
/// (Abramowitz & Stegun 26.4.19); both tails come from `IncompleteGamma`.
/// Agrees with SciPy 1.17.1 `scipy.stats.chi2` (`cdf`, `sf`) to about 1e-13
/// relative (see `DistributionTests`).
public struct ChiSquaredDistribution: Sendable, Hashable {
    public let k: Double

    public init(k: Double) {
        precondition(k > 0, "chi-squared distribution needs positive degrees of freedom")
        self.k = k
    }

    /// P(X ≤ x). 0 for x ≤ 0.
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return IncompleteGamma.tails(a: k / 2, x: max(0, x) / 2).lower
    }

    /// P(X > x), the p-value of an observed statistic. 1 for x ≤ 0.
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return IncompleteGamma.tails(a: k / 2, x: max(0, x) / 2).upper
    }
}

/// Snedecor's F distribution with `d1` numerator and `d2` denominator
/// degrees of freedom (real, > 0): the null distribution of the ICC F tests
/// and the source of their confidence limits.
///
/// `cdf(f) = I_{d1 f/(d1 f + d2)}(d1/2, d2/2)` (Abramowitz & Stegun 26.6.2);
/// both tails come from `IncompleteBeta`, each directly where it is small.
/// Agrees with SciPy 1.17.1 `scipy.stats.f` (`cdf`, `sf`, `ppf`, `isf`) to
/// about 1e-12 relative (see `DistributionTests`).
public struct FDistribution: Sendable, Hashable {
    public let d1: Double
    public let d2: Double

    public init(d1: Double, d2: Double) {
        precondition(d1 > 0 && d2 > 0, "F distribution needs positive degrees of freedom")
        self.d1 = d1
        self.d2 = d2
    }

    /// P(F ≤ f). 0 for f ≤ 0.
    public func cdf(_ f: Double) -> Double { tails(f).lower }

    /// P(F > f), the p-value of an observed F. 1 for f ≤ 0.
    public func survival(_ f: Double) -> Double { tails(f).upper }

    private func tails(_ f: Double) -> (lower: Double, upper: Double) {
        if f.isNaN { return (.nan, .nan) }
        if f <= 0 { return (0, 1) }
        if f.isInfinite { return (1, 0) }
        let s = d1 * f + d2
        return IncompleteBeta.tails(a: d1 / 2, b: d2 / 2, x: d1 * f / s, y: d2 / s)
    }

    /// The f with P(F ≤ f) = p, for 0 ≤ p ≤ 1.
    public func quantile(_ p: Double) -> Double { quantile(lower: p, upper: 1 - p) }

    /// The f with P(F > f) = q (SciPy's `isf`); precise for small q.
    public func survivalQuantile(_ q: Double) -> Double { quantile(lower: 1 - q, upper: q) }

    private func quantile(lower p: Double, upper q: Double) -> Double {
        precondition(p >= 0 && q >= 0, "probability must be in [0, 1]")
        if p == 0 { return 0 }
        if q == 0 { return .infinity }
        let (x, y) = IncompleteBeta.inverse(a: d1 / 2, b: d2 / 2, p: p, q: q)
        return (d2 / d1) * (x / y)
    }
}

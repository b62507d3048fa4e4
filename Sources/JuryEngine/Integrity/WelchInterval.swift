#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Welch's confidence interval for a difference of two means with unequal
/// variances (Welch 1947, "The generalization of 'Student's' problem when
/// several different population variances are involved", Biometrika
/// 34:28–35, doi:10.1093/biomet/34.1-2.28):
///
///     d ± t_{1 − (1 − level)/2, ν} · √(s₁²/n₁ + s₂²/n₂),
///     ν = (s₁²/n₁ + s₂²/n₂)² / [ (s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1) ],
///
/// with sample variances (ddof 1) and the Welch–Satterthwaite degrees of
/// freedom ν, as R's `t.test(x, y)` computes them.
///
/// Edge cases: nil when either side has fewer than two values or when both
/// sample variances are zero (no spread, no interval).
public enum WelchInterval {
    public static func difference(_ x: Welford, _ y: Welford, level: Double = 0.95) -> ClosedRange<Double>? {
        guard let vx = x.sampleVariance, let vy = y.sampleVariance else { return nil }
        let ax = vx / Double(x.count), ay = vy / Double(y.count)
        let se2 = ax + ay
        guard se2 > 0 else { return nil }
        let nu = se2 * se2 / (ax * ax / Double(x.count - 1) + ay * ay / Double(y.count - 1))
        let t = studentTQuantile(1 - (1 - level) / 2, nu: nu)
        let d = x.mean - y.mean
        let half = t * se2.squareRoot()
        return (d - half)...(d + half)
    }

    /// The quantile of Student's t with ν > 0 degrees of freedom (real), for
    /// 1/2 < p < 1: the upper tail is P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½)
    /// (Abramowitz & Stegun 26.7.1), so t = √(ν(1 − x)/x) where
    /// I_x(ν/2, ½) = 2(1 − p), solved for x by bisection (I is increasing in
    /// x) to double precision.
    static func studentTQuantile(_ p: Double, nu: Double) -> Double {
        precondition(p > 0.5 && p < 1 && nu > 0)
        let target = 2 * (1 - p)
        var lo = 0.0, hi = 1.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if regularizedIncompleteBeta(nu / 2, 0.5, mid) < target { lo = mid } else { hi = mid }
        }
        let x = (lo + hi) / 2
        return (nu * (1 - x) / x).squareRoot()
    }

    /// I_x(a, b), the regularized incomplete beta function, by its continued
    /// fraction evaluated with the modified Lentz method (Press et al. 2007,
    /// "Numerical Recipes", 3rd ed., §6.4), using the symmetry
    /// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
    static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(a, b, x) / a
        }
        return 1 - front * continuedFraction(b, a, 1 - x) / b
    }

    private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}

import Foundation

/// Saddle-point pieces of the binomial, Poisson and beta densities (Loader
/// 2000, "Fast and accurate computation of binomial probabilities", the
/// algorithm behind R's `dbinom`, `dpois` and `dbeta`).
///
/// Writing a density as `exp(lgamma(a + b) − lgamma(a) − lgamma(b) + …)` loses
/// digits when the arguments are large: `lgamma(4e6) ≈ 5.7e7`, so one ulp of
/// it is already 1e-8 of relative error in the result. Loader splits off the
/// Stirling term and the deviance `bd0`, both small and computed without
/// cancellation, which keeps the densities — and so the incomplete beta and
/// gamma functions built on them — near full precision for any degrees of
/// freedom.
enum SaddlePoint {
    /// ln √(2π).
    static let logSqrtTwoPi = 0.918_938_533_204_672_741_78

    /// The error of Stirling's formula,
    /// `stirlerr(n) = ln Γ(n + 1) − (n + ½) ln n + n − ln √(2π)`, for n > 0.
    ///
    /// For n ≤ 15 it is computed from `lgamma` (the terms are below 30, so the
    /// absolute error stays near 1e-14); above, from the Stirling series with
    /// Loader's cut-offs, accurate to double precision.
    static func stirlingError(_ n: Double) -> Double {
        let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
        if n <= 15 {
            return lgamma(n + 1) - (n + 0.5) * log(n) + n - logSqrtTwoPi
        }
        let nn = n * n
        if n > 500 { return (s0 - s1 / nn) / n }
        if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
        if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
    }

    /// The deviance term `bd0(x, m) = x ln(x / m) + m − x`, for x > 0, m > 0,
    /// by a series in `v = (x − m)/(x + m)` when x is near m (where the direct
    /// form cancels).
    static func deviance(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var sum = (x - m) * v
            var term = 2 * x * v
            v *= v
            var j = 1.0
            while j < 1000 {
                term *= v
                let next = sum + term / (2 * j + 1)
                if next == sum { return next }
                sum = next
                j += 1
            }
            return sum
        }
        return x * log(x / m) + m - x
    }

    /// `x^a y^b / B(a, b)` for a, b > 0 and x + y = 1.
    ///
    /// Derivation: Loader's binomial density at a real "count" a out of
    /// n = a + b is `Γ(n+1) / (Γ(a+1) Γ(b+1)) x^a y^b`, and
    /// `1/B(a, b) = Γ(n+1) / (Γ(a+1) Γ(b+1)) · ab/n`.
    ///
    /// Only the smaller of x and y is used; the other side's mean is derived
    /// from it (`n y = b + (a − n x)`). A y that is 1 − x rounded would
    /// otherwise be raised to the power b: with b = 5·10⁵ one ulp of y is
    /// already 5e-11 of relative error.
    static func betaKernel(a: Double, b: Double, x: Double, y: Double) -> Double {
        if x == 0 || y == 0 { return 0 }
        let n = a + b
        let meanA: Double, meanB: Double
        if x <= y {
            meanA = n * x
            meanB = b + (a - meanA)
        } else {
            meanB = n * y
            meanA = a + (b - meanB)
        }
        let lc = stirlingError(n) - stirlingError(a) - stirlingError(b)
            - deviance(a, meanA) - deviance(b, meanB)
        let lf = 2 * logSqrtTwoPi + log(a) + log(b) - log(n)
        return exp(lc - 0.5 * lf) * (a * b / n)
    }

    /// `x^a e^(−x) / Γ(a + 1)` for a > 0, x ≥ 0: the Poisson density at a
    /// real count a with mean x.
    static func gammaKernel(a: Double, x: Double) -> Double {
        if x == 0 { return 0 }
        return exp(-stirlingError(a) - deviance(a, x)) / (2 * Double.pi * a).squareRoot()
    }
}

import Foundation

/// The standard normal distribution.
///
/// `cdf(z) = ½ erfc(−z/√2)`, with the C library's `erfc`, so the lower tail
/// keeps its relative precision far out (Φ(−37) ≈ 5.7e-300). The quantile
/// starts from Abramowitz & Stegun 26.2.23 (error < 4.5e-4) and takes Halley
/// steps on Φ until the step is below an ulp. Agrees with SciPy 1.17.1
/// `scipy.special.ndtr` / `ndtri` to about 1e-14 relative (see
/// `DistributionTests`).
public enum NormalDistribution {
    /// Φ(z) = P(Z ≤ z).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// P(Z > z) = Φ(−z).
    public static func survival(_ z: Double) -> Double { cdf(-z) }

    /// The standard normal density φ(z).
    public static func density(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// The z with Φ(z) = p, for 0 ≤ p ≤ 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability must be in [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve on the lower tail, where Φ is computed without cancellation.
        let tail = p < 0.5 ? p : 1 - p
        let t = (-2 * log(tail)).squareRoot()
        var z = -(t - (2.515517 + t * (0.802853 + t * 0.010328))
            / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))))
        for _ in 0..<8 {
            let error = cdf(z) - tail
            let u = error / density(z)
            let step = u / (1 + 0.5 * z * u)
            z -= step
            if abs(step) <= Double.ulpOfOne * abs(z) { break }
        }
        // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the upper half mirrors the lower.
        return p < 0.5 ? z : -z
    }
}

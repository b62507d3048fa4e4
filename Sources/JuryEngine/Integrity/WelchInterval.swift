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
        let t = StudentTDistribution(nu: nu).quantile(1 - (1 - level) / 2)
        let d = x.mean - y.mean
        let half = t * se2.squareRoot()
        return (d - half)...(d + half)
    }
}

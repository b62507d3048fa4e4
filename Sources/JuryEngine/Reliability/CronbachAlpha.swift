/// Cronbach's alpha of k items (criteria) over n observations (sheets), with
/// a 95 % confidence interval: the internal consistency of the evaluation
/// sheet. A high alpha says the criteria move together; it is not a test
/// that they measure one thing (Sijtsma 2009, *Psychometrika* 74:107–120).
///
///     α = k/(k − 1) · (1 − Σⱼ s²ⱼ / s²_T)
///
/// with s²ⱼ the variance of item j and s²_T that of the row totals (Cronbach
/// 1951, "Coefficient alpha and the internal structure of tests",
/// *Psychometrika* 16:297–334, doi:10.1007/BF02310555). The interval is Feldt,
/// Woodruff & Salih's (1987, *Applied Psychological Measurement* 11:93–103):
/// 1 − (1 − α) F*₀.₉₇₅ … 1 − (1 − α) F*₀.₀₂₅ with F*_q the q-quantile of
/// F(n − 1, (n − 1)(k − 1)). Both agree with pingouin 0.7.0 `cronbach_alpha`
/// (which prints the limits rounded to 3 decimals); alpha equals ICC(3,k) of
/// the same table (McGraw & Wong 1996). See `CronbachAlphaTests`.
///
/// Input: a row-major n × k matrix, one row per observation, complete (no
/// missing items: a sheet scores every criterion). Item means are taken
/// first and the squares summed about them, so large scores lose no digits.
///
/// Edge cases (undefined, with the reason): fewer than 2 items, fewer than 2
/// observations, a total with zero variance. Alpha can be negative (items
/// that disagree); it is returned as computed.
public struct CronbachAlpha: Sendable, Codable, Equatable {
    public var value: Double
    public var ci95Lower: Double
    public var ci95Upper: Double
    /// k.
    public var items: Int
    /// n.
    public var observations: Int

    public init(value: Double, ci95Lower: Double, ci95Upper: Double, items: Int, observations: Int) {
        self.value = value
        self.ci95Lower = ci95Lower
        self.ci95Upper = ci95Upper
        self.items = items
        self.observations = observations
    }

    /// Alpha of integer scores, e.g. the rows of one stage in
    /// `SheetTable.scores`. Complexity: O(nk), two passes.
    public static func compute<Scores: RandomAccessCollection<UInt8>>(scores: Scores, items k: Int) -> Computed<CronbachAlpha>
        where Scores.Index == Int {
        precondition(k > 0 && scores.count % k == 0, "a row-major matrix of k items")
        let base = scores.startIndex
        return compute(observations: scores.count / k, items: k) { r, j in Double(scores[base + r * k + j]) }
    }

    /// Alpha of real-valued items. Complexity: O(nk), two passes.
    public static func compute(values: [Double], items k: Int) -> Computed<CronbachAlpha> {
        precondition(k > 0 && values.count % k == 0, "a row-major matrix of k items")
        return compute(observations: values.count / k, items: k) { r, j in values[r * k + j] }
    }

    /// Alpha of the n × k matrix whose item `j` of observation `r` is
    /// `x(r, j)`, read where it lies (the audit reads the sheet table's
    /// scores of its counted rows, with no copy). Complexity: O(nk), two
    /// passes, each reading every item once in row order.
    public static func compute(observations n: Int, items k: Int, _ x: (_ row: Int, _ item: Int) -> Double) -> Computed<CronbachAlpha> {
        precondition(k > 0 && n >= 0, "a matrix of k items")
        if k < 2 { return .undefined(reason: "needs at least 2 items (found \(k))") }
        if n < 2 { return .undefined(reason: "needs at least 2 observations (found \(n))") }
        var mean = [Double](repeating: 0, count: k)
        for r in 0..<n {
            for j in 0..<k { mean[j] += x(r, j) }
        }
        for j in 0..<k { mean[j] /= Double(n) }
        var itemSquares = [Double](repeating: 0, count: k)
        var totalSquares = 0.0
        for r in 0..<n {
            var deviation = 0.0
            for j in 0..<k {
                let d = x(r, j) - mean[j]
                itemSquares[j] += d * d
                deviation += d
            }
            totalSquares += deviation * deviation
        }
        guard totalSquares > 0 else { return .undefined(reason: "the total score has zero variance") }
        let kd = Double(k)
        let alpha = kd / (kd - 1) * (1 - itemSquares.reduce(0, +) / totalSquares)
        let f = FDistribution(d1: Double(n - 1), d2: Double((n - 1) * (k - 1)))
        return .value(CronbachAlpha(value: alpha,
                                    ci95Lower: 1 - (1 - alpha) * f.survivalQuantile(0.025),
                                    ci95Upper: 1 - (1 - alpha) * f.survivalQuantile(0.975),
                                    items: k, observations: n))
    }
}

/// Two-way analysis of variance without replication of a complete table of
/// n units (rows) × k raters (columns): the design behind ICC(2,·) and
/// ICC(3,·), and ICC(1,·) on a complete design.
///
/// With grand mean x̄, unit means x̄ᵢ. and rater means x̄.ⱼ (Shrout & Fleiss
/// 1979, Table 1; McGraw & Wong 1996, Table 2):
///
///     MSB (rows, "BMS")     = k Σᵢ (x̄ᵢ. − x̄)² / (n − 1)
///     MSJ (columns, "JMS")  = n Σⱼ (x̄.ⱼ − x̄)² / (k − 1)
///     MSE (residual, "EMS") = Σᵢⱼ (xᵢⱼ − x̄ᵢ. − x̄.ⱼ + x̄)² / ((n − 1)(k − 1))
///     MSW (within, "WMS")   = Σᵢⱼ (xᵢⱼ − x̄ᵢ.)² / (n (k − 1))
///
/// The residual is summed directly rather than as SST − SSB − SSJ, which
/// cancels when the raters agree closely. Complexity: O(nk), two passes.
struct TwoWayANOVA: Sendable {
    var units: Int
    var raters: Int
    var meanSquareBetween: Double
    var meanSquareRaters: Double
    var meanSquareError: Double
    var meanSquareWithin: Double

    /// `values[i * raters + j]` is rater j's rating of unit i; n, k ≥ 2.
    init(_ values: [Double], units n: Int, raters k: Int) {
        precondition(n >= 2 && k >= 2 && values.count == n * k, "a complete table of at least 2 × 2")
        units = n
        raters = k
        var rowMean = [Double](repeating: 0, count: n)
        var columnMean = [Double](repeating: 0, count: k)
        var grand = 0.0
        for i in 0..<n {
            var s = 0.0
            for j in 0..<k {
                s += values[i * k + j]
                columnMean[j] += values[i * k + j]
            }
            rowMean[i] = s / Double(k)
            grand += s
        }
        grand /= Double(n * k)
        for j in 0..<k { columnMean[j] /= Double(n) }
        var ssRows = 0.0, ssColumns = 0.0, ssError = 0.0, ssWithin = 0.0
        for i in 0..<n {
            let r = rowMean[i] - grand
            ssRows += r * r
            for j in 0..<k {
                let w = values[i * k + j] - rowMean[i]
                let e = w - (columnMean[j] - grand)
                ssWithin += w * w
                ssError += e * e
            }
        }
        for j in 0..<k {
            let c = columnMean[j] - grand
            ssColumns += c * c
        }
        meanSquareBetween = Double(k) * ssRows / Double(n - 1)
        meanSquareRaters = Double(n) * ssColumns / Double(k - 1)
        meanSquareError = ssError / Double((n - 1) * (k - 1))
        meanSquareWithin = ssWithin / Double(n * (k - 1))
    }
}

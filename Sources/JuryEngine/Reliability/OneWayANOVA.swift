/// One-way random-effects analysis of variance of ratings grouped by unit,
/// with unequal group sizes: the design behind ICC(1,1) and ICC(1,k).
///
/// With g units (those with at least one rating), mᵢ ratings of unit i,
/// N = Σ mᵢ and grand mean x̄:
///
///     SSB = Σᵢ mᵢ (x̄ᵢ − x̄)²        MSB = SSB / (g − 1)
///     SSW = Σᵢ Σⱼ (xᵢⱼ − x̄ᵢ)²      MSW = SSW / (N − g)
///     n₀  = (N − Σᵢ mᵢ² / N) / (g − 1)
///
/// n₀ is the "average" group size of the expected mean squares,
/// E[MSB] = σ²_w + n₀ σ²_u (Searle, *Linear Models*, 1971, §11.5; Donner
/// 1986, "A review of inference procedures for the intraclass correlation
/// coefficient in the one-way random effects model", *International
/// Statistical Review* 54:67–82, eq. 2.3). With equal group sizes k it is k,
/// and the mean squares are those of pingouin's `intraclass_corr`.
///
/// Units with a single rating count (they carry between-unit information and
/// add nothing to SSW); units with none are left out.
struct OneWayANOVA: Sendable {
    /// g: units with at least one rating.
    var groups: Int
    /// N: ratings.
    var ratings: Int
    var sumOfSquaresBetween: Double
    var sumOfSquaresWithin: Double
    /// n₀.
    var averageGroupSize: Double

    var degreesOfFreedomBetween: Int { groups - 1 }
    var degreesOfFreedomWithin: Int { ratings - groups }
    var meanSquareBetween: Double { sumOfSquaresBetween / Double(degreesOfFreedomBetween) }
    var meanSquareWithin: Double { sumOfSquaresWithin / Double(degreesOfFreedomWithin) }

    /// One pass over the unit groups of `ratings`.
    ///
    /// Each group's mean and within sum of squares are taken in two sweeps of
    /// the group (still in cache); groups are merged into the grand mean and
    /// SSB by the pairwise update of Chan, Golub & LeVeque (1979, "Updating
    /// formulae and a pairwise algorithm for computing sample variances"):
    /// adding a group of size m and mean x̄ᵢ to N ratings of mean x̄ adds
    /// (x̄ᵢ − x̄)² N m / (N + m) to SSB. No sum of squares of raw values is
    /// ever subtracted, so large totals with a small spread lose no digits.
    /// Complexity: O(n + unitCount), no allocation.
    init(_ ratings: Ratings) {
        var groups = 0, total = 0
        var sumOfSquaredSizes = 0.0
        var grandMean = 0.0, ssb = 0.0, ssw = 0.0
        ratings.unitStart.withUnsafeBufferPointer { start in
            ratings.groupedValue.withUnsafeBufferPointer { value in
                for u in 0..<ratings.unitCount {
                    let lo = start[u], hi = start[u + 1]
                    let m = hi - lo
                    if m == 0 { continue }
                    var sum = 0.0
                    for j in lo..<hi { sum += value[j] }
                    let mean = sum / Double(m)
                    var within = 0.0
                    for j in lo..<hi {
                        let d = value[j] - mean
                        within += d * d
                    }
                    ssw += within
                    let merged = total + m
                    let delta = mean - grandMean
                    grandMean += delta * Double(m) / Double(merged)
                    ssb += delta * delta * Double(total) * Double(m) / Double(merged)
                    total = merged
                    groups += 1
                    sumOfSquaredSizes += Double(m) * Double(m)
                }
            }
        }
        self.groups = groups
        self.ratings = total
        sumOfSquaresBetween = ssb
        sumOfSquaresWithin = ssw
        averageGroupSize = groups > 1 ? (Double(total) - sumOfSquaredSizes / Double(total)) / Double(groups - 1) : .nan
    }
}

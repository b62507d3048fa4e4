/// The six forms of the intraclass correlation of Shrout & Fleiss (1979),
/// named as in their paper and as pingouin names them (`ICC1` … `ICC3k`;
/// McGraw & Wong 1996 call ICC2 "A,1" and ICC3 "C,1").
public enum ICCForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-way random: each unit rated by its own raters; single rating.
    case icc1 = "ICC1"
    /// Two-way random, absolute agreement; single rating.
    case icc2 = "ICC2"
    /// Two-way mixed, consistency; single rating.
    case icc3 = "ICC3"
    /// One-way random; mean of k ratings.
    case icc1k = "ICC1k"
    /// Two-way random, absolute agreement; mean of k ratings.
    case icc2k = "ICC2k"
    /// Two-way mixed, consistency; mean of k ratings.
    case icc3k = "ICC3k"
}

/// One form of the intraclass correlation with its F test and 95 % confidence
/// interval.
public struct ICCEstimate: Sendable, Equatable {
    public var value: Double
    public var ci95Lower: Double
    public var ci95Upper: Double
    /// The F statistic of H₀: ICC = 0. +∞ when the denominator mean square is
    /// zero (perfect agreement); encoded as null.
    public var f: Double
    public var df1: Int
    public var df2: Int
    /// P(F(df1, df2) > f).
    public var p: Double

    public init(value: Double, ci95Lower: Double, ci95Upper: Double, f: Double, df1: Int, df2: Int, p: Double) {
        self.value = value
        self.ci95Lower = ci95Lower
        self.ci95Upper = ci95Upper
        self.f = f
        self.df1 = df1
        self.df2 = df2
        self.p = p
    }
}

extension ICCEstimate: Codable {
    private enum CodingKeys: String, CodingKey { case value, ci95Lower, ci95Upper, f, df1, df2, p }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(Double.self, forKey: .value)
        ci95Lower = try c.decode(Double.self, forKey: .ci95Lower)
        ci95Upper = try c.decode(Double.self, forKey: .ci95Upper)
        f = try c.decodeIfPresent(Double.self, forKey: .f) ?? .infinity
        df1 = try c.decode(Int.self, forKey: .df1)
        df2 = try c.decode(Int.self, forKey: .df2)
        p = try c.decode(Double.self, forKey: .p)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(ci95Lower, forKey: .ci95Lower)
        try c.encode(ci95Upper, forKey: .ci95Upper)
        try c.encode(f.isFinite ? f : nil, forKey: .f)
        try c.encode(df1, forKey: .df1)
        try c.encode(df2, forKey: .df2)
        try c.encode(p, forKey: .p)
    }
}

/// The one-way design the ICC(1,·) forms were computed on.
public struct OneWayDesign: Sendable, Codable, Equatable {
    /// g: units with at least one rating.
    public var units: Int
    /// N: ratings.
    public var ratings: Int
    /// n₀ = (N − Σ mᵢ²/N)/(g − 1), the k of ICC(1,1) and ICC(1,k); the number
    /// of raters per unit when that is the same for every unit.
    public var averageRatersPerUnit: Double
}

/// Intraclass correlations ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k)
/// and ICC(3,k), each with its F test and 95 % confidence interval.
///
/// Formulas (Shrout & Fleiss 1979, "Intraclass correlations: uses in
/// assessing rater reliability", *Psychological Bulletin* 86:420–428,
/// doi:10.1037/0033-2909.86.2.420; confidence intervals of McGraw & Wong 1996,
/// "Forming inferences about some intraclass correlation coefficients",
/// *Psychological Methods* 1:30–46, doi:10.1037/1082-989X.1.1.30), with n
/// units, k raters and the mean squares of `OneWayANOVA` / `TwoWayANOVA`:
///
///     ICC1  = (MSB − MSW) / (MSB + (k − 1) MSW)          F = MSB/MSW, df (n − 1, n(k − 1))
///     ICC1k = (MSB − MSW) / MSB
///     ICC2  = (MSB − MSE) / (MSB + (k − 1) MSE + k (MSJ − MSE)/n)
///     ICC2k = (MSB − MSE) / (MSB + (MSJ − MSE)/n)        F = MSB/MSE, df (n − 1, (n − 1)(k − 1))
///     ICC3  = (MSB − MSE) / (MSB + (k − 1) MSE)
///     ICC3k = (MSB − MSE) / MSB
///
/// Confidence limits, with F* the 0.975 quantile of F:
/// F_L = F / F*(df1, df2), F_U = F · F*(df2, df1); ICC1 and ICC3 get
/// (F_L − 1)/(F_L + k − 1) … (F_U − 1)/(F_U + k − 1), ICC1k and ICC3k get
/// 1 − 1/F_L … 1 − 1/F_U; ICC2 uses Satterthwaite's v (McGraw & Wong 1996,
/// Table 7), and ICC2k the Spearman–Brown step-up of ICC2's limits. These are
/// exactly the formulas of pingouin 0.7.0 `intraclass_corr`, which was
/// validated against R `psych::ICC`; on complete designs the values agree with
/// it to about 1e-12 (see `IntraclassCorrelationTests`).
///
/// Incomplete designs (experts do not rate every course):
/// - ICC(1,1) and ICC(1,k) use the one-way ANOVA with unequal group sizes
///   over every rating (`OneWayANOVA`), with k = n₀ (Searle 1971, §11.5;
///   Donner 1986). Their confidence limits are those above with k = n₀, an
///   approximation that is exact only for equal group sizes (Donner 1986,
///   §3.2; Thomas & Hultquist 1978 give a better one, not implemented).
/// - ICC(2,·) and ICC(3,·) need every rater to rate every unit; they are
///   computed on the complete block found by `CompleteBlockSearch`, recorded
///   in `completeBlock`, or undefined with the search's reason. On a complete
///   design that block is the whole design.
///
/// Edge cases: fewer than 2 rated units, no unit with 2 ratings, or zero
/// variance (every rating the same) make a form undefined with that reason.
/// A zero denominator mean square with some between-unit variance (perfect
/// agreement) gives the value 1, F = +∞, p = 0 and the interval [1, 1] for
/// ICC1, ICC1k, ICC3 and ICC3k. A zero MSB (all unit means equal) leaves
/// ICC1k and ICC3k undefined (1 − 1/F with F = 0). Negative values are
/// returned as computed (the estimator is unbiased, not truncated).
public struct IntraclassCorrelation: Sendable, Codable, Equatable {
    public var icc1: Computed<ICCEstimate>
    public var icc2: Computed<ICCEstimate>
    public var icc3: Computed<ICCEstimate>
    public var icc1k: Computed<ICCEstimate>
    public var icc2k: Computed<ICCEstimate>
    public var icc3k: Computed<ICCEstimate>
    /// The design of ICC(1,·): every rating, grouped by unit.
    public var oneWay: OneWayDesign
    /// The block of ICC(2,·) and ICC(3,·), or why there is none.
    public var completeBlock: Computed<CompleteBlock>

    public subscript(form: ICCForm) -> Computed<ICCEstimate> {
        switch form {
        case .icc1: icc1
        case .icc2: icc2
        case .icc3: icc3
        case .icc1k: icc1k
        case .icc2k: icc2k
        case .icc3k: icc3k
        }
    }

    /// All six forms of sparse ratings, the two-way ones on the block that
    /// `blockSearch` finds.
    ///
    /// Complexity: O(n + unitCount) for the one-way forms (one pass over the
    /// unit groups), plus the block search and O(units × raters) of the block.
    public init(_ ratings: Ratings, blockSearch: CompleteBlockSearch = CompleteBlockSearch()) {
        self.init(ratings, completeBlock: blockSearch.find(in: ratings))
    }

    /// All six forms of sparse ratings, the two-way ones on a given block
    /// (found once and shared with Kendall's W).
    public init(_ ratings: Ratings, completeBlock: Computed<CompleteBlock>) {
        let anova = OneWayANOVA(ratings)
        oneWay = OneWayDesign(units: anova.groups, ratings: anova.ratings,
                              averageRatersPerUnit: anova.averageGroupSize)
        (icc1, icc1k) = Self.oneWayForms(anova)
        self.completeBlock = completeBlock
        switch completeBlock {
        case let .value(block):
            let table = ratings.table(of: block)
            (icc2, icc3, icc2k, icc3k) = Self.twoWayForms(
                TwoWayANOVA(table, units: block.units.count, raters: block.raters.count))
        case let .undefined(reason):
            (icc2, icc3, icc2k, icc3k) = (.undefined(reason: reason), .undefined(reason: reason),
                                          .undefined(reason: reason), .undefined(reason: reason))
        }
    }

    /// All six forms of a complete table, exactly as pingouin's
    /// `intraclass_corr`: `table[i * raters + j]` is rater j's rating of unit i.
    /// Complexity: O(units × raters).
    public init(table: [Double], units n: Int, raters k: Int) {
        precondition(table.count == n * k, "a complete table has units × raters values")
        precondition(table.allSatisfy(\.isFinite), "a complete table has finite values")
        let allUnits = (0..<n).map(Int32.init), allRaters = (0..<k).map(Int32.init)
        completeBlock = .value(CompleteBlock(units: allUnits, raters: allRaters, isWholeDesign: true))
        oneWay = OneWayDesign(units: n, ratings: n * k, averageRatersPerUnit: Double(k))
        guard n >= 2 && k >= 2 else {
            let reason = n < 2 ? "needs at least 2 units (found \(n))" : "needs at least 2 raters per unit (found \(k))"
            (icc1, icc2, icc3, icc1k, icc2k, icc3k) = (.undefined(reason: reason), .undefined(reason: reason),
                                                       .undefined(reason: reason), .undefined(reason: reason),
                                                       .undefined(reason: reason), .undefined(reason: reason))
            return
        }
        let anova = TwoWayANOVA(table, units: n, raters: k)
        (icc1, icc1k) = Self.oneWayForms(msb: anova.meanSquareBetween, msw: anova.meanSquareWithin,
                                         df1: n - 1, df2: n * (k - 1), k: Double(k))
        (icc2, icc3, icc2k, icc3k) = Self.twoWayForms(anova)
    }
}

extension IntraclassCorrelation {
    /// Significance level of the confidence intervals: 95 %, two-sided, as
    /// in Shrout & Fleiss, McGraw & Wong and pingouin.
    static let alpha = 0.05

    static let zeroVariance = "zero variance: every rating is the same"

    static func oneWayForms(_ anova: OneWayANOVA) -> (Computed<ICCEstimate>, Computed<ICCEstimate>) {
        let reason: String? =
            anova.groups < 2 ? "needs at least 2 rated units (found \(anova.groups))"
            : anova.ratings == anova.groups ? "no unit has two or more ratings"
            : nil
        if let reason { return (.undefined(reason: reason), .undefined(reason: reason)) }
        return oneWayForms(msb: anova.meanSquareBetween, msw: anova.meanSquareWithin,
                           df1: anova.degreesOfFreedomBetween, df2: anova.degreesOfFreedomWithin,
                           k: anova.averageGroupSize)
    }

    /// ICC(1,1) and ICC(1,k) from the one-way mean squares.
    static func oneWayForms(msb: Double, msw: Double, df1: Int, df2: Int, k: Double)
        -> (Computed<ICCEstimate>, Computed<ICCEstimate>) {
        if msb == 0 && msw == 0 { return (.undefined(reason: zeroVariance), .undefined(reason: zeroVariance)) }
        let test = FTest(numerator: msb, denominator: msw, df1: df1, df2: df2)
        if msw == 0 {
            return (.value(test.perfectAgreement), .value(test.perfectAgreement))
        }
        let icc1 = (msb - msw) / (msb + (k - 1) * msw)
        let icc1k = (msb - msw) / msb
        let (fl, fu) = test.limits
        return (
            test.estimate(icc1, (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1)),
            test.estimate(icc1k, 1 - 1 / fl, 1 - 1 / fu,
                          reason: "the unit means are all equal (F = 0), so ICC(1,k) = 1 − 1/F is unbounded")
        )
    }

    /// ICC(2,1), ICC(3,1), ICC(2,k) and ICC(3,k) from the two-way mean squares.
    static func twoWayForms(_ anova: TwoWayANOVA)
        -> (Computed<ICCEstimate>, Computed<ICCEstimate>, Computed<ICCEstimate>, Computed<ICCEstimate>) {
        let n = Double(anova.units), k = Double(anova.raters)
        let msb = anova.meanSquareBetween, msj = anova.meanSquareRaters, mse = anova.meanSquareError
        if msb == 0 && msj == 0 && mse == 0 {
            let u = Computed<ICCEstimate>.undefined(reason: zeroVariance)
            return (u, u, u, u)
        }
        let df1 = anova.units - 1, df2 = (anova.units - 1) * (anova.raters - 1)
        let test = FTest(numerator: msb, denominator: mse, df1: df1, df2: df2)

        // Consistency forms (3, 3k).
        let icc3: Computed<ICCEstimate>, icc3k: Computed<ICCEstimate>
        if mse == 0 {
            (icc3, icc3k) = (.value(test.perfectAgreement), .value(test.perfectAgreement))
        } else {
            let (fl, fu) = test.limits
            icc3 = test.estimate((msb - mse) / (msb + (k - 1) * mse), (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1))
            icc3k = test.estimate((msb - mse) / msb, 1 - 1 / fl, 1 - 1 / fu,
                                  reason: "the unit means are all equal (F = 0), so ICC(3,k) = 1 − 1/F is unbounded")
        }

        // Absolute agreement forms (2, 2k): Satterthwaite's v for the limits.
        let icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n)
        let icc2k = (msb - mse) / (msb + (msj - mse) / n)
        let c = n * (1 + (k - 1) * icc2) - k * icc2
        let v: Double
        if mse > 0 {
            let fj = msj / mse
            v = Double(df2) * (k * icc2 * fj + c) * (k * icc2 * fj + c)
                / (Double(df1) * k * k * icc2 * icc2 * fj * fj + c * c)
        } else {
            // F_J = ∞: the limit of the expression above.
            v = Double(df2) / Double(df1)
        }
        let reason2 = "Satterthwaite's degrees of freedom v = \(v) are not positive and finite: no confidence interval"
        guard v > 0 && v.isFinite else {
            return (.undefined(reason: reason2), icc3, .undefined(reason: reason2), icc3k)
        }
        let f2u = FDistribution(d1: n - 1, d2: v).survivalQuantile(alpha / 2)
        let f2l = FDistribution(d1: v, d2: n - 1).survivalQuantile(alpha / 2)
        let l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb)
        let u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb)
        return (
            test.estimate(icc2, l2, u2),
            icc3,
            test.estimate(icc2k, l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
            icc3k
        )
    }

    /// The F test shared by the forms of one design.
    struct FTest {
        var f: Double
        var df1: Int
        var df2: Int
        var p: Double

        init(numerator: Double, denominator: Double, df1: Int, df2: Int) {
            self.df1 = df1
            self.df2 = df2
            f = denominator == 0 ? .infinity : numerator / denominator
            p = FDistribution(d1: Double(df1), d2: Double(df2)).survival(f)
        }

        /// (F_L, F_U) = (F / F*(df1, df2), F · F*(df2, df1)).
        var limits: (lower: Double, upper: Double) {
            let d1 = Double(df1), d2 = Double(df2)
            return (f / FDistribution(d1: d1, d2: d2).survivalQuantile(IntraclassCorrelation.alpha / 2),
                    f * FDistribution(d1: d2, d2: d1).survivalQuantile(IntraclassCorrelation.alpha / 2))
        }

        /// Value 1, F = +∞, p = 0, interval [1, 1].
        var perfectAgreement: ICCEstimate {
            ICCEstimate(value: 1, ci95Lower: 1, ci95Upper: 1, f: .infinity, df1: df1, df2: df2, p: 0)
        }

        func estimate(_ value: Double, _ lower: Double, _ upper: Double,
                      reason: String = "the estimate or its confidence limits are not finite") -> Computed<ICCEstimate> {
            guard value.isFinite && lower.isFinite && upper.isFinite else { return .undefined(reason: reason) }
            return .value(ICCEstimate(value: value, ci95Lower: lower, ci95Upper: upper, f: f, df1: df1, df2: df2, p: p))
        }
    }
}

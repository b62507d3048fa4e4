/// Every inter-rater statistic of one variable (sheet totals or one
/// criterion's scores) at one stage: the `R` object of `jury audit`.
///
/// JSON shape (written by the I/O layer): `{ICC1, ICC2, ICC3, ICC1k, ICC2k,
/// ICC3k, alpha: {nominal, ordinal, interval, ratio}, kendall_w: {w, chi2,
/// df, p}}`, each ICC `{value, ci95: [lo, hi], F, df1, df2, p}` or null with
/// its `reason`; the block that ICC(2,·), ICC(3,·) and Kendall's W used is
/// `completeBlock` (its courses and experts), or the reason there is none.
///
/// The complete block is searched once and shared, so the two-way ICC forms
/// and Kendall's W always describe the same courses and experts.
public struct ReliabilityReport: Sendable, Codable, Equatable {
    /// The six ICC forms, the one-way design and the complete block.
    public var icc: IntraclassCorrelation
    /// Krippendorff's alpha at the four levels, on every pairable rating.
    public var alpha: KrippendorffAlpha
    /// Kendall's W on `completeBlock`.
    public var kendallW: Computed<KendallW>

    /// The block of ICC(2,·), ICC(3,·) and Kendall's W, or why there is none.
    public var completeBlock: Computed<CompleteBlock> { icc.completeBlock }

    public init(icc: IntraclassCorrelation, alpha: KrippendorffAlpha, kendallW: Computed<KendallW>) {
        self.icc = icc
        self.alpha = alpha
        self.kendallW = kendallW
    }

    /// Computes everything. Complexity: O(n + unitCount + raterCount) plus
    /// the block search (linear, see `CompleteBlockSearch`) and the block's
    /// statistics, O(units × raters × log units).
    public init(_ ratings: Ratings, blockSearch: CompleteBlockSearch = CompleteBlockSearch(),
                ratioValueLimit: Int = KrippendorffAlpha.defaultRatioValueLimit) {
        self.init(ratings, completeBlock: blockSearch.find(in: ratings), ratioValueLimit: ratioValueLimit)
    }

    /// Computes everything on a block already found. The block search reads
    /// only which rater rated which unit, never the values, so variables
    /// rated on the same sheets (the total and each criterion) share one.
    public init(_ ratings: Ratings, completeBlock block: Computed<CompleteBlock>,
                ratioValueLimit: Int = KrippendorffAlpha.defaultRatioValueLimit) {
        icc = IntraclassCorrelation(ratings, completeBlock: block)
        alpha = KrippendorffAlpha(ratings, ratioValueLimit: ratioValueLimit)
        kendallW = KendallW.compute(ratings, completeBlock: block)
    }
}

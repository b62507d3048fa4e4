/// How a course's rating score (12.2) is formed from its counted sheet totals.
/// The formulas are in `RatingScores`.
public enum ScoringMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mean of the sheet totals: the regulation's reading of 12.2.
    case mean
    /// Median of the sheet totals.
    case median
    /// Mean after dropping the single highest and lowest total when there are at
    /// least five sheets, else the mean (ISU / diving practice).
    case trimmed
    /// Mean of per-expert z-scores mapped back to the total scale.
    case zscore
}

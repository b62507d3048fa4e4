/// One link of the tie-break chain (`scoring.tie_break`). For every rule the
/// higher value wins; comparisons are exact on unrounded values.
public enum TieBreakRule: Sendable, Hashable, CustomStringConvertible {
    /// Higher median sheet total.
    case median
    /// Higher lowest sheet total.
    case min
    /// Higher highest sheet total.
    case max
    /// Higher mean score on one criterion; the index is into `Rules.criteria`.
    case criterion(key: String, index: Int)
    /// More counted sheets.
    case count
    /// A seeded draw with the competition's seed; recorded in the output.
    case lot

    /// The rule as written in `competition.json` and printed in `tie_break`.
    public var description: String {
        switch self {
        case .median: "median"
        case .min: "min"
        case .max: "max"
        case .criterion(let key, _): "criterion:\(key)"
        case .count: "count"
        case .lot: "lot"
        }
    }

    /// Whether the rule reads sheets (skipped in a unit decided by votes).
    public var usesSheets: Bool {
        switch self {
        case .lot: false
        default: true
        }
    }

    /// Parses a rule name; `criterion:<key>` is resolved against the criteria.
    /// Returns nil for an unknown rule or criterion key.
    public init?(text: String, criteria: [Criterion]) {
        switch text {
        case "median": self = .median
        case "min": self = .min
        case "max": self = .max
        case "count": self = .count
        case "lot": self = .lot
        default:
            guard text.hasPrefix("criterion:") else { return nil }
            let key = String(text.dropFirst("criterion:".count))
            guard let index = criteria.firstIndex(where: { $0.key == key }) else { return nil }
            self = .criterion(key: key, index: index)
        }
    }
}

/// The rules of one competition round (`competition.json`), with the defaults
/// of `bundle-format.md` for every key the bundle leaves out.
public struct Rules: Sendable, Hashable {
    public var scale: Scale = .regulation
    public var criteria: [Criterion] = Criterion.regulation
    /// One positive weight per criterion, in the order of `criteria`; all 1 when
    /// `competition.json` gives `"weights": null`.
    public var weights: [Double] = Array(repeating: 1, count: Criterion.regulation.count)
    /// Applications after this instant are not accepted (9.9); nil = unchecked.
    public var deadline: Timestamp?
    public var stages: StageRules = StageRules()
    public var scoring: ScoringRules = ScoringRules()
    public var integrity: IntegrityRules = IntegrityRules()
    public var audit: AuditRules = AuditRules()
    /// Eligibility failure codes that only warn instead of disqualifying.
    public var eligibilityWarn: [String] = []
    /// Report language: `en`, `ru` or `kk`; nil = English unless asked otherwise.
    public var reportLanguage: String?
    /// Seed of every random draw (the `lot` rule, permutation tests).
    public var seed: UInt64 = 0

    public init() {}

    /// Whether every weight is 1, so that totals are integers.
    public var isUnweighted: Bool { weights.allSatisfy { $0 == 1 } }

    /// Lowest and highest possible sheet total: the weighted sums of the scale ends.
    public var totalRange: ClosedRange<Double> {
        let w = weights.reduce(0, +)
        return Double(scale.min) * w ... Double(scale.max) * w
    }
}

/// How the stages are decided (`stages` in `competition.json`).
public struct StageRules: Sendable, Hashable {
    public var department = StageRule(forward: 3, method: .approval)
    public var faculty = StageRule(forward: 2, method: .score)
    public var commission = StageRule(forward: nil, method: .score, prizes: 3)

    public init() {}

    public subscript(stage: Stage) -> StageRule {
        get {
            switch stage {
            case .department: department
            case .faculty: faculty
            case .commission: commission
            }
        }
        set {
            switch stage {
            case .department: department = newValue
            case .faculty: faculty = newValue
            case .commission: commission = newValue
            }
        }
    }
}

/// One stage's rule: how many entries a unit forwards, and how it decides.
public struct StageRule: Sendable, Hashable {
    /// Entries forwarded per unit; nil at the commission stage.
    public var forward: Int?
    public var method: StageMethod
    /// Places including the winner (12.3); commission stage only.
    public var prizes: Int?

    public init(forward: Int?, method: StageMethod, prizes: Int? = nil) {
        self.forward = forward
        self.method = method
        self.prizes = prizes
    }
}

/// How a stage orders its candidates: by ballots or by rating scores.
public enum StageMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case approval, plurality, borda, schulze, score

    public var usesVotes: Bool { self != .score }
}

/// `scoring` in `competition.json`.
public struct ScoringRules: Sendable, Hashable {
    public var method: ScoringMethod = .mean
    public var tieBreak: [TieBreakRule] = [.median, .min]
    /// Whether outlier sheets leave the score (they are always reported).
    public var excludeOutliers = false

    public init() {}
}

/// `integrity` in `competition.json`: which conflict kinds recuse a sheet, and
/// the detectors' thresholds.
public struct IntegrityRules: Sendable, Hashable {
    /// Conflict kinds whose sheets leave the score. `self_review` is recused
    /// whatever this list says.
    public var recuse: [String] = ["declared", "self_review", "same_department"]
    /// Whether a voter's vote for a course they author is left out of the tally.
    public var excludeSelfVotes = true

    public init() {}
}

/// `audit` in `competition.json`: the outlier threshold and the rater-effect bands.
public struct AuditRules: Sendable, Hashable {
    /// |robust z| above this marks an outlier sheet (Iglewicz & Hoaglin 1993: 3.5).
    public var outlierThreshold: Double = 3.5
    /// Robust z of an expert's severity among the stage's experts beyond which
    /// the expert is severe or lenient (Iglewicz & Hoaglin's 3.5 again).
    public var severityZ: Double = 3.5
    /// Correlation with the consensus below which an expert is inconsistent.
    public var consistencyMin: Double = 0.3
    /// Mean within-sheet sd of criterion scores below which an expert shows halo.
    public var haloMax: Double = 0.5
    /// Share of middle-of-scale scores above which an expert shows central tendency.
    public var centralMax: Double = 0.9
    /// Share of end-of-scale scores above which an expert responds extremely.
    public var extremeMax: Double = 0.3
    /// Outlier sheets from which an expert is called careless.
    public var outlierSheetsMin = 3
    /// Share of an expert's sheets that must be outliers, too, to call them careless.
    public var outlierShareMin = 0.05

    public init() {}
}

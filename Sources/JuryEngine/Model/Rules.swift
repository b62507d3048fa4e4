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
/// the detectors' thresholds. Each default is justified where it is defined.
/// The figures quoted come from `IntegrityDetectionTests`' planted data: 300
/// experts, 5 sheets per course, integer scores 1–10, where one sheet's
/// excess over its leave-one-out consensus has a within-expert standard
/// deviation of about 3.85 points; "measured" means over 40 seeds (12 000
/// experts) at 100 and at 50 sheets per expert.
public struct IntegrityRules: Sendable, Hashable {
    /// Conflict kinds whose sheets leave the score. `self_review` is recused
    /// whatever this list says.
    public var recuse: [String] = ["declared", "self_review", "same_department"]

    /// `favouritism_min_effect`: the smallest favouritism effect that is
    /// flagged, in points of the sheet total; nil = one scale point per
    /// criterion, Σ weights (7 with the regulation's seven criteria).
    ///
    /// Why one point per criterion: it is the smallest shift the form F-03
    /// can express on every criterion at once, so anything smaller is within
    /// the rounding of honest scoring; it is about two standard deviations of
    /// one sheet's excess, and half the planted favouritism of the design
    /// (two points per criterion), so the cut costs almost no power: with
    /// five group sheets the effect's standard error is about 1.8 points,
    /// and a true 14-point effect estimates below 7 with probability ≈ 6e-5.
    public var favouritismMinEffect: Double?

    /// `favouritism_alpha`: the false discovery rate at which the
    /// Benjamini–Hochberg procedure runs over all (expert, group) tests of a
    /// stage; a test is significant when its q-value is at most this.
    /// 0.05 is Benjamini & Hochberg's (1995) own choice: among significant
    /// (expert, group) pairs, at most 5 % are expected to be chance. With the
    /// minimum effect on top, measured false favouritism flags are 0.4–0.5
    /// per 1 000 experts; 0.01 would cut them to 0.2 but miss 2 % of the
    /// planted favouritism at 50 sheets per expert.
    public var favouritismAlpha = 0.05

    /// `permutations`: B, the most random relabellings drawn per test. The
    /// sequential test (Besag & Clifford 1991) stops far earlier for
    /// unremarkable groups; B only sets the Monte Carlo resolution
    /// 1/(B + 1), below which the tail is counted or approximated (see
    /// `PermutationTest`). 999 makes that resolution 0.001 at a worst-case
    /// cost of 999 draws for the rare test that reaches it.
    public var permutations = 999

    /// `min_group_sheets`: a group is tested only when the expert has at
    /// least this many sheets with a consensus in it *and* outside it (the
    /// outside sheets measure the expert's general leniency).
    ///
    /// Why four: the minimum effect is the real guard against chance in
    /// small groups, and three sheets reach 7 points by chance too often —
    /// an honest expert's effect over three of 100 sheets has a standard
    /// deviation of about 2.26 points, so 7 is 3.1 of them (one test in
    /// ~1 000 if normal), over four 1.96 and 3.6 (one in ~5 500). Measured:
    /// with 3, 0.9 false favouritism flags per 1 000 experts at 100 sheets
    /// per expert; with 4, 0.5, with the same recall (all 400 planted
    /// favouring experts); with 5, 0.1, but at 50 sheets per expert, where a
    /// favoured faculty holds about five sheets, 5 % of the planted
    /// favouritism is then missed (0.5 % with 4). With 4 of 50 sheets the
    /// smallest attainable p is 1/230 300.
    public var minGroupSheets = 4

    /// `edge_z`: a favours-edge from fewer than `minGroupSheets` sheets (one
    /// sheet each way is the design's planted collusion) needs its excess to
    /// be at least this many robust standard errors (see `FavouritismTests`).
    /// 2.0: an honest sheet passes with probability Φ(−2) ≈ 2.3 % if its
    /// excess is normal, but a flag needs a cycle of such edges, so an honest
    /// pair that rates each other's courses once is flagged with probability
    /// ≈ 5e-4, a ring of three with ≈ 1e-5; measured, no false pair or ring
    /// in 24 000 experts. A planted three points per criterion (about 20
    /// points, five standard deviations) is lost mostly to the top of the
    /// scale (a sheet of all 10s): 2.5 found 95–97 % of the planted pairs and
    /// 93–94 % of the rings, 2.0 finds 98–99 % and 96–98 %.
    public var edgeZ = 2.0

    /// `ring_max_length`: the longest directed cycle of the favours graph
    /// reported as a `ring` (pairs are `reciprocity`; 2 reports pairs only).
    /// Four: the enumeration grows with the graph's degree to this power, and
    /// a ring of five or more experts each favouring the next is hard to
    /// arrange unnoticed.
    public var ringMaxLength = 4

    /// `exclude_self_votes`: whether a ballot for a course the voter authors
    /// leaves the tally (the stages pipeline applies it; a `self_vote` flag
    /// is raised either way).
    public var excludeSelfVotes = true

    public init() {}

    /// The minimum favouritism effect in total points for the given criterion
    /// weights: `favouritismMinEffect`, or Σ weights when that is nil.
    public func minimumEffect(weights: [Double]) -> Double {
        favouritismMinEffect ?? weights.reduce(0, +)
    }
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

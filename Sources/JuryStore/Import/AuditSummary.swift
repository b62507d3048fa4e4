import JuryEngine

/// What the archive keeps of a year's audit (`jury audit` of every stage that
/// has sheets), for `jury trends`: the reliability of the sheet totals, the
/// integrity flags counted by kind, and every favouritism flag with its
/// expert, target, effect and q. The full audit (outliers, every rater's
/// effects, every conflicted sheet) is not stored: at ten million sheets it
/// would be larger than the bundle, and `jury audit` on the stored bundle
/// gives it back.
///
/// Computed from the bundle alone, without the archive's earlier years, so
/// that the stored summary depends on nothing but the bundle's bytes.
public struct AuditSummary: Sendable, Hashable {
    /// Reliability of the counted sheet totals of one stage: ICC(2,k) on the
    /// complete block (`CompleteBlockSearch`), Krippendorff's alpha on every
    /// pairable rating, and why a value is missing.
    public struct Reliability: Sendable, Hashable {
        public var stage: Stage
        /// Counted sheets the statistics are computed on.
        public var sheets: Int
        public var icc2k: Double?
        public var icc2kLow: Double?
        public var icc2kHigh: Double?
        /// Why ICC(2,k) is null.
        public var icc2kReason: String?
        public var alphaInterval: Double?
        public var alphaOrdinal: Double?
        /// Why the interval alpha is null.
        public var alphaReason: String?
        /// The complete block of ICC(2,k): its courses and experts, and
        /// whether it is the whole design; nil when no block was found.
        public var blockCourses: Int?
        public var blockExperts: Int?
        public var wholeDesign: Bool?
    }

    /// The flags of one kind at one stage, and how many of them recuse a sheet.
    public struct FlagCount: Sendable, Hashable {
        public var stage: Stage
        public var kind: IntegrityKind
        public var flags: Int
        public var recused: Int
    }

    /// One favouritism flag: the expert scoring a faculty, a department or an
    /// author's courses above their own leniency (`FavouritismTests`).
    public struct Favouritism: Sendable, Hashable {
        public var stage: Stage
        /// Index into `Competition.people`.
        public var expert: Int32
        public var targetKind: FavouredGroup.Kind
        /// The faculty or department as written in `moocs.csv`, or the author's `person_id`.
        public var target: String
        /// Mean excess on the group's sheets minus the mean excess elsewhere, in total points.
        public var effect: Double
        public var pValue: Double?
        public var qValue: Double?
        /// The expert's sheets in the group.
        public var sheets: Int
    }

    /// By stage.
    public var reliability: [Reliability]
    /// By stage, then kind in `IntegrityKind.allCases` order; kinds without a flag are left out.
    public var flagCounts: [FlagCount]
    /// By stage, then the engine's order (expert, then group).
    public var favouritism: [Favouritism]

    /// - Parameter analyses: one per stage that has sheets, each computed with
    ///   `includeAudit: true` (a stage without an audit is left out).
    public init(competition: Competition, analyses: [Analysis]) {
        var reliability: [Reliability] = []
        var counts: [FlagCount] = []
        var favouritism: [Favouritism] = []
        for a in analyses {
            guard let audit = a.audit, let integrity = a.integrity else { continue }
            let r = audit.total
            let icc = r.icc.icc2k
            let block = r.completeBlock.value
            reliability.append(Reliability(
                stage: a.stage, sheets: r.icc.oneWay.ratings, icc2k: icc.value?.value, icc2kLow: icc.value?.ci95Lower,
                icc2kHigh: icc.value?.ci95Upper, icc2kReason: icc.reason, alphaInterval: r.alpha.interval.value,
                alphaOrdinal: r.alpha.ordinal.value, alphaReason: r.alpha.interval.reason,
                blockCourses: block?.units.count, blockExperts: block?.raters.count, wholeDesign: block?.isWholeDesign))
            var byKind = [Int](repeating: 0, count: IntegrityKind.allCases.count)
            var recusedByKind = byKind
            for f in integrity.flags {
                let k = IntegrityKind.allCases.firstIndex(of: f.kind) ?? 0
                byKind[k] += 1
                if f.recused { recusedByKind[k] += 1 }
                if f.kind == .favouritism, let e = f.evidence.favouritism, let expert = f.experts.first, let effect = f.effect {
                    let target = e.group.name ?? e.group.person.map { competition.people[Int($0)].id } ?? ""
                    favouritism.append(Favouritism(stage: a.stage, expert: expert, targetKind: e.group.kind, target: target,
                                                   effect: effect, pValue: f.pValue, qValue: f.qValue, sheets: e.groupSheets))
                }
            }
            for (k, kind) in IntegrityKind.allCases.enumerated() where byKind[k] > 0 {
                counts.append(FlagCount(stage: a.stage, kind: kind, flags: byKind[k], recused: recusedByKind[k]))
            }
        }
        self.reliability = reliability
        flagCounts = counts
        self.favouritism = favouritism
    }
}

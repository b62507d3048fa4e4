/// Rater effects of every expert at one stage (design.md "Analytics"):
/// severity and leniency, consistency, halo, central tendency, extreme
/// responding, and the number of outlier sheets, with a plain-language verdict.
///
/// With c_i the leave-one-out consensus of sheet i (`Consensus`) and x_i its
/// total, over an expert's n sheets that have a consensus:
/// - severity = (1/n) Σ (c_i − x_i), in total points (positive = harsher than
///   the other experts on the same courses), with the 95 % t interval
///   severity ± t(0.975, n − 1) · s/√n (s the sample sd of c_i − x_i; n ≥ 2);
/// - consistency = Pearson's r between x_i and c_i (n ≥ 3 and both vary);
/// - halo = mean over the expert's sheets of the population sd of the sheet's
///   criterion scores (low = every criterion scored alike);
/// - central tendency = share of criterion scores in the middle 40 % of the
///   scale (from min + 0.3·w to max − 0.3·w, w = max − min: 4–7 on 1–10);
/// - extreme responding = share of criterion scores at either end of the scale.
///
/// Verdict thresholds (`audit` in competition.json; defaults in `AuditRules`):
/// an expert is *severe* (or *lenient*) when their severity is beyond
/// `severity_z` (3.5) robust z-scores of the stage's experts — the median and
/// 1.4826 · MAD of all experts' severities, the modified z-score of Iglewicz &
/// Hoaglin (1993) — and the 95 % interval excludes 0. With fewer than five
/// experts (no stable spread) the band is absolute: half a scale point per
/// criterion on the total. *Inconsistent* below r = `consistency_min` (0.3) on
/// at least 5 sheets; *halo* below `halo_max` (0.5 points); *central
/// tendency* above `central_max` (0.9); *extreme* above `extreme_max` (0.3);
/// *careless* with at least `outlier_sheets_min` (3) outlier sheets making at
/// least `outlier_share_min` (5 %) of the expert's sheets (a few outliers
/// among a hundred sheets happen to anyone).
///
/// Complexity: O(n · k) over the stage's sheets and criteria.
public struct RaterEffects: Sendable {
    public struct Rater: Sendable, Hashable {
        public var expert: Int32
        public var sheets: Int
        public var severity: Double?
        public var severityCI95: (lower: Double, upper: Double)?
        public var consistency: Double?
        public var halo: Double?
        public var centralTendency: Double?
        public var extreme: Double?
        public var outliers: Int
        /// Short labels (`severe`, `lenient`, `inconsistent`, `halo`,
        /// `central_tendency`, `extreme`, `careless`), empty when none applies.
        public var flags: [String]
        /// One sentence for a commission member.
        public var verdict: String

        public static func == (a: Rater, b: Rater) -> Bool {
            a.expert == b.expert && a.sheets == b.sheets && a.severity == b.severity
                && a.severityCI95?.lower == b.severityCI95?.lower && a.severityCI95?.upper == b.severityCI95?.upper
                && a.consistency == b.consistency && a.halo == b.halo && a.centralTendency == b.centralTendency
                && a.extreme == b.extreme && a.outliers == b.outliers && a.flags == b.flags && a.verdict == b.verdict
        }

        public func hash(into h: inout Hasher) {
            h.combine(expert)
            h.combine(sheets)
            h.combine(severity)
        }
    }

    /// Experts with at least one sheet at the stage, by person index.
    public private(set) var raters: [Rater] = []
    /// Median and robust sd (1.4826 · MAD) of the experts' severities.
    public private(set) var severityCentre: Double = 0
    public private(set) var severitySpread: Double = 0

    public init(table: SheetTable, view: StageSheets, consensus: Consensus, outliers: OutlierRatings, rules: Rules) {
        let k = table.criterionCount
        let scale = rules.scale
        let width = Double(scale.max - scale.min)
        let middleLow = Double(scale.min) + 0.3 * width, middleHigh = Double(scale.max) - 0.3 * width
        // The stage's experts in person order, each with a slot of its own:
        // people are indexed in the thousands to millions (every author is a
        // person), the experts of a stage are a few hundred to tens of
        // thousands, and an accumulator per person (96 bytes) was 274 MB at
        // 2.85 M people, all cleared, for 50 000 experts.
        var slotOf = [Int32](repeating: -1, count: view.expertCount)
        var active: [Int32] = []
        for e in 0..<view.expertCount where view.sheetCount(ofExpert: e) > 0 {
            slotOf[e] = Int32(active.count)
            active.append(Int32(e))
        }
        var outlierCount = [Int](repeating: 0, count: active.count)
        for o in outliers.outliers { outlierCount[Int(slotOf[Int(table.expert[Int(o.row)])])] += 1 }
        let audit = rules.audit

        // One pass over the stage's rows in table order, into per-expert
        // accumulators: an expert's sheets still arrive in ascending row
        // order, as from `view.sheets(ofExpert:)`, so every sum is the same,
        // but the rows are read sequentially instead of one cache miss each.
        var sums = [ExpertSums](repeating: ExpertSums(), count: active.count)
        let low = Double(scale.min), high = Double(scale.max)
        table.total.withUnsafeBufferPointer { total in
            table.expert.withUnsafeBufferPointer { expert in
                table.scores.withUnsafeBufferPointer { scores in
                    slotOf.withUnsafeBufferPointer { slotOf in
                    sums.withUnsafeMutableBufferPointer { sums in
                        for r in view.rows {
                            let x = total[r], c = consensus[r]
                            let e = Int(slotOf[Int(expert[r])])
                            if !c.isNaN {
                                sums[e].dev.add(c - x)
                                sums[e].sx += x; sums[e].sc += c; sums[e].sxx += x * x; sums[e].scc += c * c
                                sums[e].sxc += x * c; sums[e].m += 1
                            }
                            var w = Welford()
                            for j in 0..<k {
                                let s = Double(scores[r &* k &+ j])
                                w.add(s)
                                if s >= middleLow && s <= middleHigh { sums[e].middle += 1 }
                                if s == low || s == high { sums[e].ends += 1 }
                            }
                            sums[e].haloSum += (w.populationVariance ?? 0).squareRoot()
                        }
                    }
                    }
                }
            }
        }
        // t(0.975, ν) by degrees of freedom: experts mostly share a few sheet counts.
        var tQuantile: [Int: Double] = [:]
        var partial: [Rater] = []
        for (slot, e) in active.enumerated() {
            let n = view.sheetCount(ofExpert: Int(e))
            let a = sums[slot]
            let dev = a.dev, m = a.m
            var rater = Rater(expert: e, sheets: n, severity: nil, severityCI95: nil, consistency: nil,
                              halo: a.haloSum / Double(n), centralTendency: Double(a.middle) / Double(n * k),
                              extreme: Double(a.ends) / Double(n * k), outliers: outlierCount[slot],
                              flags: [], verdict: "")
            if dev.count > 0 {
                rater.severity = dev.mean
                if dev.count > 1, let sd = dev.sampleStandardDeviation {
                    let nu = dev.count - 1
                    let t = tQuantile[nu] ?? StudentTDistribution(nu: Double(nu)).quantile(0.975)
                    tQuantile[nu] = t
                    let half = t * sd / Double(dev.count).squareRoot()
                    rater.severityCI95 = (dev.mean - half, dev.mean + half)
                }
            }
            if m >= 3 {
                let mm = Double(m)
                let vx = a.sxx - a.sx * a.sx / mm, vc = a.scc - a.sc * a.sc / mm
                if vx > 1e-12 && vc > 1e-12 { rater.consistency = (a.sxc - a.sx * a.sc / mm) / (vx * vc).squareRoot() }
            }
            partial.append(rater)
        }

        var severities = partial.compactMap(\.severity)
        let useRelative = severities.count >= 5
        if useRelative {
            severityCentre = OutlierRatings.median(&severities)
            var absDev = partial.compactMap(\.severity).map { abs($0 - severityCentre) }
            severitySpread = 1.4826 * OutlierRatings.median(&absDev)
        }
        let absoluteBand = 0.5 * rules.weights.reduce(0, +)
        for i in partial.indices {
            var r = partial[i]
            var flags: [String] = []
            var sentences: [String] = []
            if let s = r.severity, let ci = r.severityCI95 {
                let beyond: Bool
                if useRelative && severitySpread > 0 {
                    beyond = abs(s - severityCentre) / severitySpread > audit.severityZ
                } else {
                    beyond = abs(s) > absoluteBand
                }
                if beyond && (ci.lower > 0 || ci.upper < 0) {
                    flags.append(s > 0 ? "severe" : "lenient")
                    sentences.append("\(s > 0 ? "harsher" : "more lenient") than the other experts by \(Self.points(abs(s))) points a sheet (95 % CI \(Self.points(ci.lower)) to \(Self.points(ci.upper)))")
                }
            }
            if let c = r.consistency, r.sheets >= 5, c < audit.consistencyMin {
                flags.append("inconsistent")
                sentences.append("totals follow the consensus poorly (r = \(Self.points(c)), below \(Self.points(audit.consistencyMin)))")
            }
            if let h = r.halo, h < audit.haloMax {
                flags.append("halo")
                sentences.append("scores every criterion of a sheet almost alike (within-sheet sd \(Self.points(h)), below \(Self.points(audit.haloMax)))")
            }
            if let ct = r.centralTendency, ct > audit.centralMax {
                flags.append("central_tendency")
                sentences.append("\(Self.percent(ct)) of scores in the middle of the scale (above \(Self.percent(audit.centralMax)))")
            }
            if let ex = r.extreme, ex > audit.extremeMax {
                flags.append("extreme")
                sentences.append("\(Self.percent(ex)) of scores at the ends of the scale (above \(Self.percent(audit.extremeMax)))")
            }
            if r.outliers >= audit.outlierSheetsMin && Double(r.outliers) >= audit.outlierShareMin * Double(r.sheets) {
                flags.append("careless")
                sentences.append("\(r.outliers) outlier sheets of \(r.sheets) (at least \(audit.outlierSheetsMin) and \(Self.percent(audit.outlierShareMin)))")
            }
            r.flags = flags
            r.verdict = sentences.isEmpty ? "no effect beyond the thresholds" : sentences.joined(separator: "; ")
            partial[i] = r
        }
        raters = partial
    }

    /// One expert's running sums over their sheets, in row order.
    private struct ExpertSums {
        var dev = Welford()
        var sx = 0.0, sc = 0.0, sxx = 0.0, scc = 0.0, sxc = 0.0
        var m = 0
        var haloSum = 0.0
        var middle = 0, ends = 0
    }

    static func points(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        return v == v.rounded() ? String(Int(v)) : String(v)
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
}

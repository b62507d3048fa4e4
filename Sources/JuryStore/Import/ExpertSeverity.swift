import JuryEngine

/// An expert's severity at one stage (design.md, "Rater effects"): the mean
/// over the expert's sheets of (consensus − total), where the consensus is the
/// leave-one-out mean of the other experts' totals for the same course
/// (`Consensus`). Positive = harsher than the other experts.
///
/// Sheets whose course has no other sheet have no consensus and are left
/// out; an expert with no sheet left has no severity. Every sheet takes part,
/// recused ones too (the detectors see every sheet).
///
/// This is the statistic the archive keeps per year to follow severity
/// across years; when the engine's rater effects land, the archive should
/// store theirs instead of computing its own.
public struct ExpertSeverity: Sendable, Hashable {
    public var stage: Stage
    /// Index into `Competition.people`.
    public var expert: Int32
    /// Sheets with a consensus.
    public var sheets: Int
    public var severity: Double

    /// The severities of every expert with at least one sheet that has a
    /// consensus at `stage`, by expert index. Complexity: O(sheets of the stage).
    public static func compute(competition: Competition, stage: Stage) -> [ExpertSeverity] {
        let table = competition.sheets
        let view = competition.stageSheets(stage)
        let consensus = Consensus(table: table, view: view)
        var out: [ExpertSeverity] = []
        for e in 0..<view.expertCount {
            var sum = 0.0, n = 0
            for r in view.sheets(ofExpert: e) {
                let c = consensus[Int(r)]
                guard !c.isNaN else { continue }
                sum += c - table.total[Int(r)]
                n += 1
            }
            if n > 0 { out.append(ExpertSeverity(stage: stage, expert: Int32(e), sheets: n, severity: sum / Double(n))) }
        }
        return out
    }

    /// The spread of severity between experts: the sample standard deviation
    /// (n − 1) of each expert's severity pooled over stages (the mean of
    /// their per-stage severities weighted by sheets). Nil with fewer than two
    /// experts.
    public static func spread(_ severities: [ExpertSeverity]) -> (experts: Int, sd: Double?) {
        var pooled: [Int32: (sum: Double, n: Int)] = [:]
        for s in severities {
            pooled[s.expert, default: (0, 0)].sum += s.severity * Double(s.sheets)
            pooled[s.expert, default: (0, 0)].n += s.sheets
        }
        let values = pooled.keys.sorted().map { pooled[$0]!.sum / Double(pooled[$0]!.n) }
        guard values.count >= 2 else { return (values.count, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (values.count, (ss / Double(values.count - 1)).squareRoot())
    }
}

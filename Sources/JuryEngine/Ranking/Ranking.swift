/// One place in a ranking.
public struct RankedEntry: Sendable, Hashable, Codable {
    public var course: Int32
    /// "1224" competition rank: entries still tied after the whole chain share
    /// the rank of the first of them.
    public var rank: Int
    /// What put this entry below the previous one: `score` when the scores
    /// differ, the chain rule that separated them, or nil for the first entry
    /// and for an entry sharing the previous rank.
    public var tieBreak: String?
    /// The entry's lot, when the `lot` rule was consulted for it.
    public var lot: Double?
}

/// Orders entries by score, then by the tie-break chain (design.md "Ranking").
///
/// Ranking is descending by score; entries with exactly equal scores are
/// compared rule by rule along the chain (for every rule the higher value
/// wins; comparisons are exact on unrounded values); entries equal on every
/// rule share a rank and are listed by id. `lot` draws, for each entry, the
/// first number of `SeededGenerator(seed: seed ^ FNV-1a(id))`: the draw of a
/// course depends only on the seed and its own id, never on the file's order
/// or on the other courses.
///
/// Complexity: O(n log n) for the sort; the chain's keys are computed only for
/// entries whose score ties with another's.
public enum Ranking {
    /// Values that the chain's rules compare for one entry.
    public struct Candidate: Sendable {
        public var course: Int32
        public var id: String
        public var score: Double
        /// Median, min, max and count of counted sheets; nil in vote units.
        public var sheets: CourseScore?

        public init(course: Int32, id: String, score: Double, sheets: CourseScore?) {
            self.course = course
            self.id = id
            self.score = score
            self.sheets = sheets
        }
    }

    /// - Parameters:
    ///   - chain: the tie-break rules in order; sheet rules are skipped for
    ///     candidates without sheets (units decided by votes).
    ///   - criterionMean: the mean score of a course on criterion `index`, over
    ///     its counted sheets (asked only for tied entries).
    public static func rank(_ candidates: [Candidate], chain: [TieBreakRule], seed: UInt64,
                            criterionMean: (Int32, Int) -> Double) -> [RankedEntry] {
        var order = Array(candidates.indices)
        order.sort {
            let a = candidates[$0], b = candidates[$1]
            if a.score != b.score { return a.score > b.score }
            return a.id < b.id
        }
        var entries: [RankedEntry] = []
        entries.reserveCapacity(order.count)
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count && candidates[order[j]].score == candidates[order[i]].score { j += 1 }
            let group = Array(order[i..<j])
            let firstTieBreak: String? = i == 0 ? nil : "score"
            if group.count == 1 {
                entries.append(RankedEntry(course: candidates[group[0]].course, rank: i + 1, tieBreak: firstTieBreak))
            } else {
                entries += breakTie(group.map { candidates[$0] }, startRank: i + 1, firstTieBreak: firstTieBreak,
                                    chain: chain, seed: seed, criterionMean: criterionMean)
            }
            i = j
        }
        return entries
    }

    /// Orders a group of equal scores by the chain.
    static func breakTie(_ group: [Candidate], startRank: Int, firstTieBreak: String?, chain: [TieBreakRule],
                         seed: UInt64, criterionMean: (Int32, Int) -> Double) -> [RankedEntry] {
        let rules = chain.filter { rule in !rule.usesSheets || group.allSatisfy { $0.sheets != nil } }
        let keys: [[Double]] = group.map { c in rules.map { key(of: c, rule: $0, seed: seed, criterionMean: criterionMean) } }
        var order = Array(group.indices)
        order.sort { a, b in
            for r in rules.indices where keys[a][r] != keys[b][r] { return keys[a][r] > keys[b][r] }
            return group[a].id < group[b].id
        }
        let lotIndex = rules.firstIndex(of: .lot)
        var out: [RankedEntry] = []
        var rank = startRank
        for (position, g) in order.enumerated() {
            var tieBreak: String? = firstTieBreak
            if position > 0 {
                let p = order[position - 1]
                if let r = rules.indices.first(where: { keys[p][$0] != keys[g][$0] }) {
                    tieBreak = rules[r].description
                    rank = startRank + position
                } else {
                    tieBreak = nil
                }
            }
            // The lot is recorded when the chain got as far as drawing it.
            var lot: Double?
            if let li = lotIndex {
                let neighbours = [position > 0 ? order[position - 1] : nil, position + 1 < order.count ? order[position + 1] : nil]
                if neighbours.contains(where: { n in n.map { n in (0..<li).allSatisfy { keys[n][$0] == keys[g][$0] } } ?? false }) {
                    lot = keys[g][li]
                }
            }
            out.append(RankedEntry(course: group[g].course, rank: rank, tieBreak: tieBreak, lot: lot))
        }
        return out
    }

    static func key(of c: Candidate, rule: TieBreakRule, seed: UInt64, criterionMean: (Int32, Int) -> Double) -> Double {
        switch rule {
        case .median: c.sheets?.median ?? 0
        case .min: c.sheets?.min ?? 0
        case .max: c.sheets?.max ?? 0
        case .count: Double(c.sheets?.sheets ?? 0)
        case .criterion(_, let index): criterionMean(c.course, index)
        case .lot: lotDraw(seed: seed, id: c.id)
        }
    }

    /// The lot of one entry: uniform in [0, 1), from the seed and the id alone.
    public static func lotDraw(seed: UInt64, id: String) -> Double {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        var g = SeededGenerator(seed: seed ^ h)
        return g.nextUnit()
    }
}

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
        let n = candidates.count
        let score = candidates.map(\.score)
        let idRank = idRanks(candidates)
        var order = Array(0..<n)
        score.withUnsafeBufferPointer { score in
            idRank.withUnsafeBufferPointer { idRank in
                order.sort {
                    if score[$0] != score[$1] { return score[$0] > score[$1] }
                    return idRank[$0] < idRank[$1]
                }
            }
        }
        let descriptions = chain.map(\.description)
        var entries: [RankedEntry] = []
        entries.reserveCapacity(n)
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && score[order[j]] == score[order[i]] { j += 1 }
            let firstTieBreak: String? = i == 0 ? nil : "score"
            if j - i == 1 {
                entries.append(RankedEntry(course: candidates[order[i]].course, rank: i + 1, tieBreak: firstTieBreak))
            } else {
                breakTie(order[i..<j], of: candidates, idRank: idRank, startRank: i + 1, firstTieBreak: firstTieBreak,
                         chain: chain, descriptions: descriptions, seed: seed, criterionMean: criterionMean,
                         into: &entries)
            }
            i = j
        }
        return entries
    }

    /// Each candidate's place in the order of ids (equal ids by position, as
    /// a stable sort leaves them), so that sorting compares integers, not
    /// strings. Candidates already in id order, as courses are read, take
    /// one pass to check.
    static func idRanks(_ candidates: [Candidate]) -> [Int32] {
        let n = candidates.count
        var ascending = true
        for i in candidates.indices.dropFirst() where !(candidates[i - 1].id < candidates[i].id) {
            ascending = false
            break
        }
        if ascending { return (0..<n).map { Int32($0) } }
        let byId = (0..<n).sorted { candidates[$0].id < candidates[$1].id }
        var rank = [Int32](repeating: 0, count: n)
        for (position, c) in byId.enumerated() { rank[c] = Int32(position) }
        return rank
    }

    /// Orders a group of equal scores (positions into `candidates`) by the chain.
    static func breakTie(_ members: ArraySlice<Int>, of candidates: [Candidate], idRank: [Int32], startRank: Int,
                         firstTieBreak: String?, chain: [TieBreakRule], descriptions: [String], seed: UInt64,
                         criterionMean: (Int32, Int) -> Double, into out: inout [RankedEntry]) {
        let group = Array(members)
        let allHaveSheets = group.allSatisfy { candidates[$0].sheets != nil }
        let ruleIndices = chain.indices.filter { !chain[$0].usesSheets || allHaveSheets }
        let ruleCount = ruleIndices.count
        // keys[g * ruleCount + r]: rule r's value for group member g.
        var keys = [Double]()
        keys.reserveCapacity(group.count * ruleCount)
        for c in group {
            for r in ruleIndices { keys.append(key(of: candidates[c], rule: chain[r], seed: seed, criterionMean: criterionMean)) }
        }
        var order = Array(group.indices)
        keys.withUnsafeBufferPointer { keys in
            order.sort { a, b in
                for r in 0..<ruleCount where keys[a * ruleCount + r] != keys[b * ruleCount + r] {
                    return keys[a * ruleCount + r] > keys[b * ruleCount + r]
                }
                return idRank[group[a]] < idRank[group[b]]
            }
        }
        /// The first rule on which members a and b differ, if any.
        func firstDifference(_ a: Int, _ b: Int) -> Int? {
            (0..<ruleCount).first { keys[a * ruleCount + $0] != keys[b * ruleCount + $0] }
        }
        let lotIndex = ruleIndices.firstIndex { chain[$0] == .lot }
        var rank = startRank
        for (position, g) in order.enumerated() {
            var tieBreak: String? = firstTieBreak
            if position > 0 {
                if let r = firstDifference(order[position - 1], g) {
                    tieBreak = descriptions[ruleIndices[r]]
                    rank = startRank + position
                } else {
                    tieBreak = nil
                }
            }
            // The lot is recorded when the chain got as far as drawing it.
            var lot: Double?
            if let li = lotIndex {
                func reachesLot(_ n: Int) -> Bool { (0..<li).allSatisfy { keys[n * ruleCount + $0] == keys[g * ruleCount + $0] } }
                if (position > 0 && reachesLot(order[position - 1]))
                    || (position + 1 < order.count && reachesLot(order[position + 1])) {
                    lot = keys[g * ruleCount + li]
                }
            }
            out.append(RankedEntry(course: candidates[group[g]].course, rank: rank, tieBreak: tieBreak, lot: lot))
        }
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

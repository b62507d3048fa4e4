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
/// Both orders are sorts by keys: (score descending, id) for all entries, and
/// (the chain's values descending, id) within a group of equal scores. Without
/// NaN either is a strict total order, so the result does not depend on the
/// sorting algorithm, and a stable distribution or radix sort of the entries,
/// taken in id order, gives it in linear time (`ScoreOrder`, `RadixSort`).
/// A NaN score or chain value
/// makes the comparisons no order at all; then the comparison sort decides,
/// with the comparisons it has always made.
///
/// Complexity: O(n log n) for the id order (O(n) when the entries come in id
/// order, as courses are read), O(n) for the sorts by score (`ScoreOrder`)
/// and chain; criterion means and lots are computed only for entries whose
/// score ties with another's.
public enum Ranking {
    /// Values that the chain's rules compare for one entry.
    ///
    /// Of the course's `CourseScore` it keeps only what the chain's sheet
    /// rules compare, in 40 bytes (the whole optional score took 80: at two
    /// million courses, 80 MB more at the ranking's peak).
    public struct Candidate: Sendable {
        public var course: Int32
        /// Counted sheets (the `count` rule, at most `Int32.max`); -1 in vote units.
        let sheetCount: Int32
        public var score: Double
        /// The `median`, `min` and `max` rules' values (0 in vote units).
        let median: Double, min: Double, max: Double

        /// - Parameter sheets: the course's score, whose median, min, max and
        ///   count the sheet rules compare; nil in vote units.
        public init(course: Int32, score: Double, sheets: CourseScore?) {
            self.course = course
            self.score = score
            sheetCount = sheets.map { Int32(clamping: $0.sheets) } ?? -1
            median = sheets?.median ?? 0
            min = sheets?.min ?? 0
            max = sheets?.max ?? 0
        }

        /// Whether the candidate has sheets (not in a unit decided by votes).
        public var hasSheets: Bool { sheetCount >= 0 }
    }

    /// Groups of equal scores at least this large are ordered by radix sort;
    /// smaller ones by comparisons (the same order, without NaN).
    static let radixGroupSize = 64

    /// - Parameters:
    ///   - ids: every course's id, by course index (`CourseTable.ids`).
    ///   - chain: the tie-break rules in order; sheet rules are skipped for
    ///     candidates without sheets (units decided by votes).
    ///   - criterionMean: the mean score of a course on criterion `index`, over
    ///     its counted sheets (asked only for tied entries).
    ///   - groupsPerRange: groups of equal scores ordered by one task at
    ///     least; the ranking is the same for any value (the tests split finer).
    ///   - candidates: taken, and freed once placed by score when the caller
    ///     holds no other copy (not held beside the entries: 80 MB at two
    ///     million courses).
    public static func rank(_ candidates: consuming [Candidate], ids: TextColumn, chain: [TieBreakRule], seed: UInt64,
                            groupsPerRange: Int = groupsPerRange,
                            criterionMean: (Int32, Int) -> Double) -> [RankedEntry] {
        let idOrder = IdOrder(copy candidates, ids: ids)
        // One column of values for each rule that reads sheets.
        var column = [Int](repeating: -1, count: chain.count)
        var sheetRules: [TieBreakRule] = []
        for (r, rule) in chain.enumerated() {
            switch rule {
            case .median, .min, .max, .count:
                column[r] = sheetRules.count
                sheetRules.append(rule)
            case .criterion, .lot: break
            }
        }
        // The last use: the candidates go to the order's initialiser, which drops them.
        let placed = ScoreOrder(candidates, idOrder: idOrder, sheetRules: sheetRules)
        let groupStart = placed.groupStart
        // Ranges of groups on every core (groups are ordered independently),
        // each writing its positions of the ranking in place.
        let groups = Concurrently.ranges(groupStart.count - 1, minimum: groupsPerRange)
        let positions = groups.map { groupStart[$0.lowerBound] ..< groupStart[$0.upperBound] }
        return Concurrently.array(placed.course.count, parts: positions) { (part, out: UnsafeMutableBufferPointer<RankedEntry>) in
            var tie = TieGroup(chain: chain, column: column, seed: seed)
            var entries: [RankedEntry] = []
            for g in groups[part] {
                let i = groupStart[g], j = groupStart[g + 1]
                let firstTieBreak: String? = i == 0 ? nil : "score"
                if j - i == 1 {
                    entries.append(RankedEntry(course: placed.course[i], rank: i + 1, tieBreak: firstTieBreak))
                } else {
                    breakTie(i..<j, placed: placed, idOrder: idOrder, firstTieBreak: firstTieBreak, work: &tie,
                             criterionMean: criterionMean, into: &entries)
                }
                if entries.count >= 4096 || g + 1 == groups[part].upperBound {
                    // Written out in blocks: the part's entries are never held whole.
                    let at = groupStart[g + 1] - positions[part].lowerBound - entries.count
                    _ = UnsafeMutableBufferPointer(rebasing: out[at ..< at + entries.count]).initialize(from: entries)
                    entries.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// Groups of equal scores ordered by one task at least, by default.
    public static let groupsPerRange = 16

    /// The chain, and buffers shared by every tie group of one ranking.
    struct TieGroup {
        let chain: [TieBreakRule]
        let descriptions: [String]
        /// Where each rule of the chain takes its values from.
        let source: [Source]
        let seed: UInt64
        /// The chain's rule indices used for a group with sheets, and for one without.
        let withSheets: [Int]
        let withoutSheets: [Int]
        /// keys[g * ruleCount + r]: rule r's value for group member g.
        var keys: [Double] = []
        var order: [Int32] = []
        var radixKeys: [UInt64] = []

        /// A column of `ScoreOrder.sheetKey`, a criterion's means, or the lot.
        enum Source {
            case column(Int)
            case criterion(Int)
            case lot
        }

        init(chain: [TieBreakRule], column: [Int], seed: UInt64) {
            self.chain = chain
            self.descriptions = chain.map(\.description)
            source = chain.indices.map { r in
                switch chain[r] {
                case .criterion(_, let index): .criterion(index)
                case .lot: .lot
                default: .column(column[r])
                }
            }
            self.seed = seed
            withSheets = Array(chain.indices)
            withoutSheets = chain.indices.filter { !chain[$0].usesSheets }
        }
    }

    /// Orders a group of equal scores (`positions` of `placed`, in the order
    /// of the sort by score; `startRank` is the first position + 1) by the chain.
    static func breakTie(_ positions: Range<Int>, placed: ScoreOrder, idOrder: IdOrder, firstTieBreak: String?,
                         work: inout TieGroup, criterionMean: (Int32, Int) -> Double, into out: inout [RankedEntry]) {
        let m = positions.count, base = positions.lowerBound, n = placed.course.count
        let startRank = base + 1
        let allHaveSheets = placed.hasSheets[positions].allSatisfy { $0 }
        let ruleIndices = allHaveSheets ? work.withSheets : work.withoutSheets
        let ruleCount = ruleIndices.count
        work.keys.removeAll(keepingCapacity: true)
        work.keys.reserveCapacity(m * ruleCount)
        for p in positions {
            for r in ruleIndices {
                let value = switch work.source[r] {
                case .column(let j): placed.sheetKey[j * n + p]
                case .criterion(let index): criterionMean(placed.course[p], index)
                case .lot: idOrder.lot(Int(placed.candidate[p]), course: placed.course[p], seed: work.seed)
                }
                work.keys.append(value)
            }
        }
        work.order.removeAll(keepingCapacity: true)
        work.order.append(contentsOf: 0..<Int32(m))
        let keysOrdered = !work.keys.contains { $0.isNaN }
        if ruleCount > 0 && placed.byKeys && keysOrdered && m >= radixGroupSize {
            // Members come in id order: stable sorts by the last rule, …, the first.
            for r in stride(from: ruleCount - 1, through: 0, by: -1) {
                work.radixKeys.removeAll(keepingCapacity: true)
                for g in work.order { work.radixKeys.append(RadixSort.descendingKey(work.keys[Int(g) * ruleCount + r])) }
                RadixSort.sort(&work.order, keys: &work.radixKeys)
            }
        } else {
            work.keys.withUnsafeBufferPointer { keys in
                work.order.sort { x, y in
                    let a = Int(x), b = Int(y)
                    for r in 0..<ruleCount where keys[a * ruleCount + r] != keys[b * ruleCount + r] {
                        return keys[a * ruleCount + r] > keys[b * ruleCount + r]
                    }
                    return idOrder.rank(Int(placed.candidate[base + a])) < idOrder.rank(Int(placed.candidate[base + b]))
                }
            }
        }
        let lotIndex = ruleIndices.firstIndex { work.chain[$0] == .lot }
        let descriptions = work.descriptions
        work.keys.withUnsafeBufferPointer { keys in
            work.order.withUnsafeBufferPointer { order in
                /// Whether members a and b have equal values on the rules before `end`.
                func equal(_ a: Int, _ b: Int, before end: Int) -> Bool {
                    for r in 0..<end where keys[a * ruleCount + r] != keys[b * ruleCount + r] { return false }
                    return true
                }
                var rank = startRank
                for position in 0..<m {
                    let g = Int(order[position])
                    var tieBreak: String? = firstTieBreak
                    if position > 0 {
                        let p = Int(order[position - 1])
                        // The first rule on which this member and the previous differ, if any.
                        var differing: Int?
                        for r in 0..<ruleCount where keys[p * ruleCount + r] != keys[g * ruleCount + r] {
                            differing = r
                            break
                        }
                        if let r = differing {
                            tieBreak = descriptions[ruleIndices[r]]
                            rank = startRank + position
                        } else {
                            tieBreak = nil
                        }
                    }
                    // The lot is recorded when the chain got as far as drawing it.
                    var lot: Double?
                    if let li = lotIndex {
                        if (position > 0 && equal(Int(order[position - 1]), g, before: li))
                            || (position + 1 < m && equal(Int(order[position + 1]), g, before: li)) {
                            lot = keys[g * ruleCount + li]
                        }
                    }
                    out.append(RankedEntry(course: placed.course[base + g], rank: rank, tieBreak: tieBreak, lot: lot))
                }
            }
        }
    }

    /// The lot of one entry: uniform in [0, 1), from the seed and the id alone.
    public static func lotDraw(seed: UInt64, id: String) -> Double {
        var id = id
        return id.withUTF8 { lotDraw(seed: seed, utf8: $0) }
    }

    /// `lotDraw(seed:id:)` of the id whose UTF-8 bytes are `utf8`: the first
    /// number of `SeededGenerator(seed: seed ^ FNV-1a(utf8))`.
    public static func lotDraw(seed: UInt64, utf8: UnsafeBufferPointer<UInt8>) -> Double {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        var g = SeededGenerator(seed: seed ^ h)
        return g.nextUnit()
    }
}

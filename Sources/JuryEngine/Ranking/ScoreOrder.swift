/// The ranking candidates placed by score, descending, equal scores in id
/// order, as columns by position, with the groups of equal scores and the
/// sheet values that the tie-break chain compares.
///
/// Three ways to the same order:
/// - few distinct scores (at most `maximumDistinct`, the usual case of many
///   ties): a counting sort (Knuth, "The Art of Computer Programming",
///   vol. 3, 5.2, "distribution counting") with one bucket per distinct
///   score, filled in id order, so that each bucket is a group of equal
///   scores in id order; the columns are written bucket by bucket while
///   the candidates are read in order, one cache-friendly pass;
/// - many distinct scores: the id order sorted stably by score (`RadixSort`);
/// - a NaN score: the comparison sort "higher score first, else lower id
///   rank first" from position order (NaN makes the comparisons no order,
///   so the comparison sort decides, as it always has).
/// Without NaN "higher score first, else lower id first" is a strict total
/// order, so the first two give the one order it defines.
struct ScoreOrder {
    /// Above this many distinct scores the candidates are sorted by radix.
    static let maximumDistinct = 4096

    /// The candidate at each position.
    private(set) var candidate: [Int32] = []
    /// The course at each position.
    private(set) var course: [Int32] = []
    /// Whether the candidate at each position has sheets.
    private(set) var hasSheets: [Bool] = []
    /// sheetKey[j * count + p]: the value of `sheetRules[j]` for the candidate at position p.
    private(set) var sheetKey: [Double] = []
    /// First position of each group of equal scores, then the count.
    private(set) var groupStart: [Int] = []
    /// Whether the order came from keys (no NaN score): a group's members are then in id order.
    private(set) var byKeys = true

    /// - Parameter sheetRules: the chain's rules that read a candidate's
    ///   sheets (`median`, `min`, `max`, `count`), one column each.
    init(_ candidates: [Ranking.Candidate], idOrder: IdOrder, sheetRules: [TieBreakRule]) {
        let n = candidates.count
        guard n > 0 else {
            groupStart = [0]
            return
        }
        if candidates.contains(where: { $0.score.isNaN }) {
            byKeys = false
            let order = Self.comparisonOrder(candidates, idOrder: idOrder)
            gather(order, of: candidates, sheetRules: sheetRules)
            groupStart = [0]
            var first = candidates[Int(order[0])].score
            for p in 1..<n where candidates[Int(order[p])].score != first {
                groupStart.append(p)
                first = candidates[Int(order[p])].score
            }
            groupStart.append(n)
        } else if !distribute(candidates, idOrder: idOrder, sheetRules: sheetRules) {
            var order = idOrder.byId ?? (0..<Int32(n)).map { $0 }
            var keys = order.map { RadixSort.descendingKey(candidates[Int($0)].score) }
            RadixSort.sort(&order, keys: &keys)
            gather(order, of: candidates, sheetRules: sheetRules)
            groupStart = [0]
            for p in 1..<n where keys[p] != keys[p - 1] { groupStart.append(p) }
            groupStart.append(n)
        }
    }

    /// The value of a sheet rule for one candidate (0 without sheets).
    @inline(__always)
    static func sheetValue(_ c: Ranking.Candidate, _ rule: TieBreakRule) -> Double {
        switch rule {
        case .median: c.median
        case .min: c.min
        case .max: c.max
        case .count: Double(Swift.max(c.sheetCount, 0))
        case .criterion, .lot: 0
        }
    }

    /// Fills the columns from the candidates at the positions of `order`.
    private mutating func gather(_ order: [Int32], of candidates: [Ranking.Candidate], sheetRules: [TieBreakRule]) {
        candidate = order
        course = order.map { candidates[Int($0)].course }
        hasSheets = order.map { candidates[Int($0)].hasSheets }
        sheetKey = sheetRules.flatMap { rule in order.map { Self.sheetValue(candidates[Int($0)], rule) } }
    }

    /// The counting sort by distinct score; false, with nothing done, when
    /// there are more than `maximumDistinct` distinct scores.
    private mutating func distribute(_ candidates: [Ranking.Candidate], idOrder: IdOrder,
                                     sheetRules: [TieBreakRule]) -> Bool {
        let n = candidates.count
        var table = KeyTable(capacity: 2 * Self.maximumDistinct)
        var counts: [Int] = []
        // Each candidate's bucket, found once.
        var bucketOf = [Int32](repeating: 0, count: n)
        for (i, c) in candidates.enumerated() {
            let slot = table.slot(RadixSort.descendingKey(c.score)) {
                counts.append(0)
                return counts.count - 1
            }
            guard slot < Self.maximumDistinct else { return false }
            counts[slot] += 1
            bucketOf[i] = Int32(slot)
        }
        // Buckets by ascending key (descending score); each bucket's first position.
        let bucketOrder = counts.indices.sorted { table.key(ofBucket: $0) < table.key(ofBucket: $1) }
        var next = [Int](repeating: 0, count: counts.count)
        groupStart = []
        groupStart.reserveCapacity(counts.count + 1)
        var position = 0
        for b in bucketOrder {
            next[b] = position
            groupStart.append(position)
            position += counts[b]
        }
        groupStart.append(n)
        var candidate = [Int32](repeating: 0, count: n)
        var course = [Int32](repeating: 0, count: n)
        var hasSheets = [Bool](repeating: false, count: n)
        var sheetKey = [Double](repeating: 0, count: n * sheetRules.count)
        let ruleCount = sheetRules.count
        candidate.withUnsafeMutableBufferPointer { candidate in
            course.withUnsafeMutableBufferPointer { course in
                hasSheets.withUnsafeMutableBufferPointer { hasSheets in
                    sheetKey.withUnsafeMutableBufferPointer { sheetKey in
                    next.withUnsafeMutableBufferPointer { next in
                        func place(_ i: Int) {
                            let c = candidates[i]
                            let b = Int(bucketOf[i])
                            let p = next[b]
                            next[b] = p + 1
                            candidate[p] = Int32(i)
                            course[p] = c.course
                            hasSheets[p] = c.hasSheets
                            for j in 0..<ruleCount { sheetKey[j * n + p] = Self.sheetValue(c, sheetRules[j]) }
                        }
                        if let byId = idOrder.byId {
                            for i in byId { place(Int(i)) }
                        } else {
                            for i in 0..<n { place(i) }
                        }
                    }
                    }
                }
            }
        }
        self.candidate = candidate
        self.course = course
        self.hasSheets = hasSheets
        self.sheetKey = sheetKey
        return true
    }

    /// Candidates by the comparisons "higher score first, else lower id
    /// rank first", by the standard library's sort from position order.
    static func comparisonOrder(_ candidates: [Ranking.Candidate], idOrder: IdOrder) -> [Int32] {
        let score = candidates.map(\.score)
        var order = (0..<Int32(score.count)).map { $0 }
        score.withUnsafeBufferPointer { score in
            order.sort {
                let a = Int($0), b = Int($1)
                if score[a] != score[b] { return score[a] > score[b] }
                return idOrder.rank(a) < idOrder.rank(b)
            }
        }
        return order
    }
}

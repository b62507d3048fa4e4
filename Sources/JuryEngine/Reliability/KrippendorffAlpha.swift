/// Krippendorff's alpha at the nominal, ordinal, interval and ratio levels,
/// with missing data.
///
/// Only pairable values count: those of units with at least two values
/// (a unit rated once cannot show agreement). With n pairable values, mᵤ
/// values in unit u, nᵤc of them equal to the value c, and the marginals
/// n_c = Σᵤ nᵤc, the coincidence matrix is o_ck = Σᵤ (nᵤc nᵤk − [c = k] nᵤc)/(mᵤ − 1)
/// and
///
///     α = 1 − D_o / D_e = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
///
/// with the difference functions
///
///     nominal   δ²_ck = [c ≠ k]
///     ordinal   δ²_ck = (Σ_{g = c…k} n_g − (n_c + n_k)/2)²
///     interval  δ²_ck = (c − k)²
///     ratio     δ²_ck = ((c − k)/(c + k))²
///
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
/// Annenberg School for Communication, University of Pennsylvania; Hayes &
/// Krippendorff 2007, *Communication Methods and Measures* 1:77–89,
/// doi:10.1080/19312450709336664). Agrees with the `krippendorff` package
/// 0.9.0 (`krippendorff.alpha`) to about 1e-15 and reproduces Krippendorff's
/// worked example (nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797);
/// see `KrippendorffAlphaTests`.
///
/// Linear time. The sums over the coincidence matrix are never formed as a
/// matrix: for nominal data Σ_ck nᵤc nᵤk δ² = mᵤ² − Σ_c nᵤc²; for interval
/// data it is 2 mᵤ Σ (x − x̄ᵤ)², the unit's centred sum of squares; the
/// ordinal metric is the interval one on the ranks z_c = Σ_{g < c} n_g + n_c/2
/// (so δ_ck = z_k − z_c), which takes a first pass for the marginals. Only the
/// ratio level needs the pairs of distinct values: O(dᵤ²) for the dᵤ distinct
/// values of a unit and O(V²) for the V distinct pairable values overall.
/// Distinct values are mapped to indices (a direct table for integers in a
/// range below 2²⁰, a hash table otherwise). Complexity:
/// O(n + unitCount + Σ dᵤ² + V²), the last two only for the ratio level.
///
/// Edge cases (undefined, with the reason): no unit with two or more values
/// (all missing, one rater); every pairable value the same (D_e = 0, α = 0/0);
/// at the ratio level, a negative value (the ratio metric is for magnitudes)
/// or more than `ratioValueLimit` distinct values (the O(V²) sum). Ties are
/// what the coincidences count; no correction applies.
public struct KrippendorffAlpha: Sendable, Codable, Equatable {
    /// Level of measurement: which difference function δ is used.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case nominal, ordinal, interval, ratio
    }

    public var nominal: Computed<Double>
    public var ordinal: Computed<Double>
    public var interval: Computed<Double>
    public var ratio: Computed<Double>
    /// n: values in units with at least two values.
    public var pairableValues: Int
    /// Units with at least two values.
    public var pairableUnits: Int

    public subscript(level: Level) -> Computed<Double> {
        switch level {
        case .nominal: nominal
        case .ordinal: ordinal
        case .interval: interval
        case .ratio: ratio
        }
    }

    /// The ratio level is skipped above this many distinct pairable values:
    /// its expected disagreement sums over all V² pairs of them, 10⁸ at this
    /// limit (well under a second). Sheet totals (7–70) and criterion scores
    /// (1–10) stay far below; only fine-grained weighted totals can exceed it.
    public static let defaultRatioValueLimit = 10_000

    /// Alpha at all four levels. Complexity: see the type.
    public init(_ ratings: Ratings, ratioValueLimit: Int = KrippendorffAlpha.defaultRatioValueLimit) {
        let start = ratings.unitStart
        let values = ratings.groupedValue
        // Pass 1: pairable values, their distinct values and marginals.
        var pairableValues = 0, pairableUnits = 0
        for u in 0..<ratings.unitCount where start[u + 1] - start[u] >= 2 {
            pairableValues += start[u + 1] - start[u]
            pairableUnits += 1
        }
        self.pairableValues = pairableValues
        self.pairableUnits = pairableUnits
        guard pairableValues > 0 else {
            let reason = Computed<Double>.undefined(reason: "no unit has two or more ratings")
            (nominal, ordinal, interval, ratio) = (reason, reason, reason, reason)
            return
        }
        let coder = ValueCoder(ratings)
        let distinct = coder.distinctValues
        let v = distinct.count
        let (marginal, sum) = start.withUnsafeBufferPointer { start in
            values.withUnsafeBufferPointer { values in
                coder.withCodes(values) { Self.marginals(start: start, values: values, codes: $0, distinctCount: v) }
            }
        }
        let n = Double(pairableValues)
        guard v >= 2 else {
            let reason = Computed<Double>.undefined(
                reason: "no variation: every pairable rating is \(distinct[0]), so alpha is 0/0")
            (nominal, ordinal, interval, ratio) = (reason, reason, reason, reason)
            return
        }
        // Expected disagreements Σ_ck n_c n_k δ²_ck.
        var rank = [Double](repeating: 0, count: v)
        var below = 0.0
        for c in 0..<v {
            rank[c] = below + marginal[c] / 2
            below += marginal[c]
        }
        let mean = sum / n
        var rankMean = 0.0
        for c in 0..<v { rankMean += marginal[c] * rank[c] }
        rankMean /= n
        var expectedNominal = n * n, expectedInterval = 0.0, expectedOrdinal = 0.0
        for c in 0..<v {
            expectedNominal -= marginal[c] * marginal[c]
            expectedInterval += marginal[c] * (distinct[c] - mean) * (distinct[c] - mean)
            expectedOrdinal += marginal[c] * (rank[c] - rankMean) * (rank[c] - rankMean)
        }
        expectedInterval *= 2 * n
        expectedOrdinal *= 2 * n
        let ratioReason: String? =
            distinct[0] < 0 ? "the ratio level needs non-negative values (found \(distinct[0]))"
            : v > ratioValueLimit ? "the ratio level is not computed for more than \(ratioValueLimit) distinct values (found \(v))"
            : nil
        var expectedRatio = 0.0
        if ratioReason == nil {
            for c in 0..<v {
                var row = 0.0
                for k in (c + 1)..<v { row += marginal[k] * Self.ratioDistance(distinct[c], distinct[k]) }
                expectedRatio += 2 * marginal[c] * row
            }
        }

        // Pass 2: observed disagreements, unit by unit.
        let observed = start.withUnsafeBufferPointer { start in
            values.withUnsafeBufferPointer { values in
                rank.withUnsafeBufferPointer { rank in
                    distinct.withUnsafeBufferPointer { distinct in
                        coder.withCodes(values) {
                            Self.observedDisagreements(start: start, values: values, codes: $0, rank: rank,
                                                       distinct: distinct, ratio: ratioReason == nil)
                        }
                    }
                }
            }
        }
        func alpha(_ observed: Double, _ expected: Double) -> Computed<Double> {
            expected > 0 ? .value(1 - (n - 1) * observed / expected)
                : .undefined(reason: "no expected disagreement: alpha is 0/0")
        }
        nominal = alpha(observed.nominal, expectedNominal)
        ordinal = alpha(observed.ordinal, expectedOrdinal)
        interval = alpha(observed.interval, expectedInterval)
        ratio = ratioReason.map { .undefined(reason: $0) } ?? alpha(observed.ratio, expectedRatio)
    }

    /// How many pairable ratings have each distinct value, and their sum.
    private static func marginals(start: UnsafeBufferPointer<Int>, values: UnsafeBufferPointer<Double>,
                                  codes: ValueCodes, distinctCount v: Int) -> ([Double], Double) {
        var marginal = [Double](repeating: 0, count: v)
        var sum = 0.0
        for u in 0..<(start.count - 1) where start[u + 1] - start[u] >= 2 {
            for position in start[u]..<start[u + 1] {
                marginal[codes.code(position)] += 1
                sum += values[position]
            }
        }
        return (marginal, sum)
    }

    /// Σᵤ Σ_ck nᵤc nᵤk δ²_ck / (mᵤ − 1) at each level, over the pairable units.
    private static func observedDisagreements(
        start: UnsafeBufferPointer<Int>, values: UnsafeBufferPointer<Double>, codes: ValueCodes,
        rank: UnsafeBufferPointer<Double>, distinct: UnsafeBufferPointer<Double>, ratio: Bool
    ) -> (nominal: Double, ordinal: Double, interval: Double, ratio: Double) {
        var nominal = 0.0, ordinal = 0.0, interval = 0.0, ratioSum = 0.0
        // Per-unit counts of each distinct value, reset through the list of those touched.
        var count = [Int32](repeating: 0, count: distinct.count)
        var touched: [Int32] = []
        count.withUnsafeMutableBufferPointer { count in
            for u in 0..<(start.count - 1) {
                let lo = start[u], hi = start[u + 1]
                let m = hi - lo
                if m < 2 { continue }
                let md = Double(m)
                var unitSum = 0.0, unitRankSum = 0.0
                for position in lo..<hi {
                    let c = codes.code(position)
                    unitSum += values[position]
                    unitRankSum += rank[c]
                    if count[c] == 0 { touched.append(Int32(c)) }
                    count[c] += 1
                }
                let unitMean = unitSum / md, unitRankMean = unitRankSum / md
                var ss = 0.0, rankSS = 0.0
                for position in lo..<hi {
                    let d = values[position] - unitMean
                    let z = rank[codes.code(position)] - unitRankMean
                    ss += d * d
                    rankSS += z * z
                }
                var sameValuePairs = 0.0
                for c in touched { sameValuePairs += Double(count[Int(c)]) * Double(count[Int(c)]) }
                if ratio && touched.count > 1 {
                    var pairs = 0.0
                    for a in 0..<touched.count {
                        let c = Int(touched[a])
                        for b in (a + 1)..<touched.count {
                            let k = Int(touched[b])
                            pairs += Double(count[c]) * Double(count[k]) * ratioDistance(distinct[c], distinct[k])
                        }
                    }
                    ratioSum += 2 * pairs / (md - 1)
                }
                for c in touched { count[Int(c)] = 0 }
                touched.removeAll(keepingCapacity: true)
                nominal += (md * md - sameValuePairs) / (md - 1)
                interval += 2 * md * ss / (md - 1)
                ordinal += 2 * md * rankSS / (md - 1)
            }
        }
        return (nominal, ordinal, interval, ratioSum)
    }

    /// ((c − k)/(c + k))², 0 when both are 0.
    static func ratioDistance(_ c: Double, _ k: Double) -> Double {
        let s = c + k
        if s == 0 { return 0 }
        let d = (c - k) / s
        return d * d
    }
}

extension KrippendorffAlpha {
    /// Maps each pairable rating to the index of its value among the sorted
    /// distinct pairable values.
    ///
    /// Integers in a range below 2²⁰ (sheet totals, criterion scores) keep
    /// only a table from value to index, read as each rating is met: no code
    /// is stored per rating (40 MB a variable at 10 M sheets, held on every
    /// core at the audit's peak). Other values are coded once by hashing
    /// into a stored code per rating (−1 for ratings of units rated once).
    struct ValueCoder {
        private enum Codes {
            /// The index of value x is `index[Int(x) − base]`.
            case table(base: Int, index: [Int32])
            case stored([Int32])
        }

        private let codes: Codes
        let distinctValues: [Double]

        init(_ ratings: Ratings) {
            (codes, distinctValues) = ratings.unitStart.withUnsafeBufferPointer { start in
                ratings.groupedValue.withUnsafeBufferPointer { values in
                    Self.encode(start: start, values: values)
                }
            }
        }

        /// Calls `body` with the codes of the pairable ratings of `values`
        /// (the grouped values the coder was made from).
        func withCodes<R>(_ values: UnsafeBufferPointer<Double>, _ body: (ValueCodes) -> R) -> R {
            switch codes {
            case .table(let base, let index):
                index.withUnsafeBufferPointer { body(ValueCodes(values: values, index: $0, base: base, stored: nil)) }
            case .stored(let code):
                code.withUnsafeBufferPointer { body(ValueCodes(values: values, index: UnsafeBufferPointer(start: nil, count: 0), base: 0, stored: $0)) }
            }
        }

        private static func encode(start: UnsafeBufferPointer<Int>, values: UnsafeBufferPointer<Double>)
            -> (codes: Codes, distinct: [Double]) {
            let units = start.count - 1
            var low = Double.infinity, high = -Double.infinity, integral = true
            for u in 0..<units where start[u + 1] - start[u] >= 2 {
                for position in start[u]..<start[u + 1] {
                    let x = values[position]
                    low = min(low, x)
                    high = max(high, x)
                    if integral && x != x.rounded() { integral = false }
                }
            }
            if integral && high - low < Double(1 << 20) {
                // Integers in a small range: a direct table.
                let base = Int(low)
                var index = [Int32](repeating: -1, count: Int(high) - base + 1)
                for u in 0..<units where start[u + 1] - start[u] >= 2 {
                    for position in start[u]..<start[u + 1] { index[Int(values[position]) - base] = 0 }
                }
                var distinct: [Double] = []
                for i in index.indices where index[i] == 0 {
                    index[i] = Int32(distinct.count)
                    distinct.append(Double(base + i))
                }
                return (.table(base: base, index: index), distinct)
            }
            // Anything else: open addressing on the bit pattern (−0 folded into +0),
            // indices in order of first appearance, then renumbered in value order.
            var code = [Int32](repeating: -1, count: values.count)
            var table = [Int32](repeating: -1, count: 1024)
            var firstSeen: [Double] = []
            for u in 0..<units where start[u + 1] - start[u] >= 2 {
                for position in start[u]..<start[u + 1] {
                    let x = values[position] == 0 ? 0.0 : values[position]
                    if 2 * (firstSeen.count + 1) > table.count {
                        table = rehashed(firstSeen, capacity: table.count * 2)
                    }
                    var slot = slot(x, table.count)
                    while true {
                        let entry = table[slot]
                        if entry < 0 {
                            table[slot] = Int32(firstSeen.count)
                            code[position] = Int32(firstSeen.count)
                            firstSeen.append(x)
                            break
                        }
                        if firstSeen[Int(entry)] == x {
                            code[position] = entry
                            break
                        }
                        slot = (slot + 1) & (table.count - 1)
                    }
                }
            }
            let order = firstSeen.indices.sorted { firstSeen[$0] < firstSeen[$1] }
            var renumber = [Int32](repeating: 0, count: order.count)
            for (sortedIndex, seenIndex) in order.enumerated() { renumber[seenIndex] = Int32(sortedIndex) }
            for position in code.indices where code[position] >= 0 { code[position] = renumber[Int(code[position])] }
            return (.stored(code), order.map { firstSeen[$0] })
        }

        /// A slot from a 64-bit mix of the bit pattern (the SplitMix64 finalizer).
        static func slot(_ x: Double, _ capacity: Int) -> Int {
            var z = x.bitPattern
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(truncatingIfNeeded: z) & (capacity - 1)
        }

        static func rehashed(_ keys: [Double], capacity: Int) -> [Int32] {
            var table = [Int32](repeating: -1, count: capacity)
            for (i, x) in keys.enumerated() {
                var slot = slot(x, capacity)
                while table[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                table[slot] = Int32(i)
            }
            return table
        }
    }
}

/// The code of each pairable rating, by its position among the grouped
/// values (`KrippendorffAlpha.ValueCoder`): read through the table of an
/// integer value range, or stored one per rating. The branch between the two
/// goes the same way for every rating of a variable.
struct ValueCodes {
    let values: UnsafeBufferPointer<Double>
    /// Value − `base` → code, for integer values.
    let index: UnsafeBufferPointer<Int32>
    let base: Int
    /// A code per rating, for other values.
    let stored: UnsafeBufferPointer<Int32>?

    @inline(__always)
    func code(_ position: Int) -> Int {
        if let stored { return Int(stored[position]) }
        return Int(index[Int(values[position]) - base])
    }
}

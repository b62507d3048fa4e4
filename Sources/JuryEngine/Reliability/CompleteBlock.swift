/// A set of units and raters such that every rater rated every unit: the
/// design that ICC(2,·), ICC(3,·) and Kendall's W need.
public struct CompleteBlock: Sendable, Codable, Equatable {
    /// Unit indices, ascending.
    public var units: [Int32]
    /// Rater indices, ascending.
    public var raters: [Int32]
    /// True when the block is the whole design: every rated unit was rated by
    /// every rater who rated anything (the statistics then agree with the
    /// reference packages on the full data).
    public var isWholeDesign: Bool

    public init(units: [Int32], raters: [Int32], isWholeDesign: Bool) {
        self.units = units
        self.raters = raters
        self.isWholeDesign = isWholeDesign
    }

    /// Number of cells, units × raters.
    public var cellCount: Int { units.count * raters.count }
}

extension Ratings {
    /// The ratings of a complete block as a row-major table:
    /// `table[i * raters.count + j]` is rater `raters[j]`'s rating of unit
    /// `units[i]`. Complexity: O(Σ ratings of the block's units + raterCount).
    /// - Precondition: every rater of the block rated every unit of it.
    public func table(of block: CompleteBlock) -> [Double] {
        let k = block.raters.count
        var column = [Int32](repeating: -1, count: raterCount)
        for (j, r) in block.raters.enumerated() { column[Int(r)] = Int32(j) }
        var table = [Double](repeating: .nan, count: block.units.count * k)
        for (i, u) in block.units.enumerated() {
            var found = 0
            for position in unitStart[Int(u)]..<unitStart[Int(u) + 1] {
                let j = column[Int(groupedRater[position])]
                if j >= 0 {
                    table[i * k + Int(j)] = groupedValue[position]
                    found += 1
                }
            }
            precondition(found == k, "unit \(u) is not rated by every rater of the block")
        }
        return table
    }
}

/// Finds a large complete block in an incomplete design by a deterministic
/// greedy heuristic. Finding the largest one is the maximum edge biclique
/// problem, NP-hard (Peeters 2003, "The maximum edge biclique problem is
/// NP-complete", *Discrete Applied Mathematics* 131:651–654, doi:10.1016/
/// S0166-218X(03)00333-0), so the result is a good block, not the best.
///
/// The heuristic:
/// 1. Whole design: if every rated unit was rated by every rater who rated
///    anything, that is the block.
/// 2. Seeds, in this order:
///    - rater sets: the sets of raters that rated a unit, grouped exactly
///      (hashing each unit's sorted rater list), most units × raters first
///      (ties: the set whose first unit comes first). A seed set S starts the
///      block as R = S, U = the units rated by all of S. This finds panels —
///      groups of experts who share a set of courses — however few ratings
///      their members have;
///    - single raters, busiest first (ties: lower index): R = {r}, U = the
///      units r rated.
/// 3. From each seed, a greedy walk: repeatedly
///    - every rater who rated all of U joins R (U does not shrink);
///    - the rater outside R who rated the most units of U (ties: lower index)
///      joins R, and U shrinks to the units that rater rated;
///    until fewer than `minimumUnits` units would remain. Every (R, U) met on
///    the way with at least `minimumRaters` raters and `minimumUnits` units is
///    a candidate.
/// 4. The candidate with the most cells |R|·|U| wins (ties: the one found
///    first). At most `maximumSeeds` seeds of each kind are tried; rater
///    seeds stop early when a seed's ratings times the largest number of
///    raters of any unit cannot beat the best block (later seeds have fewer
///    ratings); everything stops once the walks have scanned
///    `workBudgetPerRating` ratings per rating of the input, keeping the
///    candidates met so far.
///
/// Complexity: O(n + unitCount + raterCount) — one pass each to count the
/// raters' ratings, hash the units' rater sets and gather the seeds' units —
/// plus the walks, each step of which scans the ratings of the current units
/// once (and binary-searches them for the rater joining). The work budget caps the walks, so the search is
/// linear in n and never quadratic in the number of units. Block quality is
/// unmeasured beyond the tests: it finds the whole design and planted panels
/// exactly; on random assignments it finds a small block or none. A
/// benchmark on real incomplete designs is welcome.
public struct CompleteBlockSearch: Sendable, Hashable, Codable {
    /// At least this many raters in a block. Two is the fewest for which a
    /// rater effect (ICC(2,·)) or a concordance (Kendall's W) exists.
    public var minimumRaters: Int = 2
    /// At least this many units in a block. Three is the fewest that leaves
    /// the F tests (n − 1 = 2 numerator df) and Kendall's χ² (df = 2) a
    /// distribution; results on so few units have very wide intervals, which
    /// the confidence limits show.
    public var minimumUnits: Int = 3
    /// At most this many seeds of each kind (rater sets, single raters).
    public var maximumSeeds: Int = 64
    /// Seeding stops once the greedy walks have scanned this many ratings per
    /// rating of the input (a bound on the time, independent of the design).
    public var workBudgetPerRating: Int = 8

    public init(minimumRaters: Int = 2, minimumUnits: Int = 3, maximumSeeds: Int = 64, workBudgetPerRating: Int = 8) {
        precondition(minimumRaters >= 2 && minimumUnits >= 2, "a block has at least 2 raters and 2 units")
        self.minimumRaters = minimumRaters
        self.minimumUnits = minimumUnits
        self.maximumSeeds = maximumSeeds
        self.workBudgetPerRating = workBudgetPerRating
    }

    /// The block found, or why there is none.
    public func find(in ratings: Ratings) -> Computed<CompleteBlock> {
        let noBlock = Computed<CompleteBlock>.undefined(
            reason: "no complete block of at least \(minimumRaters) raters × \(minimumUnits) units"
                + " (every rater rating every unit) was found")
        var raterRatings = [Int](repeating: 0, count: ratings.raterCount)
        for r in ratings.groupedRater { raterRatings[Int(r)] += 1 }
        let activeRaters = (0..<ratings.raterCount).filter { raterRatings[$0] > 0 }
        let ratedUnits = (0..<ratings.unitCount).filter { ratings.unitStart[$0 + 1] > ratings.unitStart[$0] }

        // 1. The whole design.
        if ratedUnits.count * activeRaters.count == ratings.count {
            guard activeRaters.count >= minimumRaters && ratedUnits.count >= minimumUnits else { return noBlock }
            return .value(CompleteBlock(units: ratedUnits.map(Int32.init), raters: activeRaters.map(Int32.init),
                                        isWholeDesign: true))
        }

        // 2. Seeds: the most frequent rater sets, then the busiest raters.
        let setSeeds = Self.frequentRaterSets(ratings, minimumRaters: minimumRaters, minimumUnits: minimumUnits,
                                              limit: maximumSeeds)
        let raterSeeds = activeRaters.sorted {
            raterRatings[$0] != raterRatings[$1] ? raterRatings[$0] > raterRatings[$1] : $0 < $1
        }.prefix(maximumSeeds)
        var walker = BlockWalker(ratings, search: self, raterRatings: raterRatings,
                                 seedRaters: setSeeds.flatMap { $0 } + raterSeeds.map(Int32.init))

        // 3. A greedy walk from each seed.
        for set in setSeeds where !walker.isOverBudget {
            walker.walk(raters: set, units: walker.unitsRatedByAll(set))
        }
        for seed in raterSeeds {
            let seedRatings = raterRatings[seed]
            if seedRatings < minimumUnits || seedRatings * walker.largestUnit <= walker.bestCells || walker.isOverBudget {
                break
            }
            walker.walk(raters: [Int32(seed)], units: walker.seedUnits[Int32(seed)]!)
        }
        guard let best = walker.best else { return noBlock }
        return .value(CompleteBlock(units: best.units, raters: best.raters, isWholeDesign: false))
    }

    /// The distinct rater lists of units (each unit's raters, sorted), most
    /// units × raters first (ties: the list whose first unit comes first);
    /// lists shorter than `minimumRaters` or met fewer than `minimumUnits`
    /// times are left out. One hashing pass: O(n + unitCount).
    static func frequentRaterSets(_ ratings: Ratings, minimumRaters: Int, minimumUnits: Int, limit: Int) -> [[Int32]] {
        let start = ratings.unitStart
        let eligible = (0..<ratings.unitCount).count { start[$0 + 1] - start[$0] >= minimumRaters }
        var capacity = 16
        while capacity < 2 * eligible { capacity *= 2 }
        let (firstUnit, frequency) = ratings.groupedRater.withUnsafeBufferPointer { rater in
            // Open addressing. A slot holds the hash's high 32 bits and the index + 1
            // of its list in `firstUnit` (0 = empty): most probes of other lists stop
            // at the tag, without touching their ratings.
            var table = [UInt64](repeating: 0, count: capacity)
            var firstUnit: [Int] = [], frequency: [Int] = []
            for u in 0..<ratings.unitCount where start[u + 1] - start[u] >= minimumRaters {
                let lo = start[u], length = start[u + 1] - lo
                // A polynomial hash of the list, finished by the SplitMix64 mixer.
                var h: UInt64 = 0
                for position in lo..<(lo + length) {
                    h = h &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(UInt32(bitPattern: rater[position]))
                }
                h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
                h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
                h ^= h >> 31
                let tag = h & 0xFFFF_FFFF_0000_0000
                var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                probing: while true {
                    let entry = table[slot]
                    if entry == 0 {
                        table[slot] = tag | UInt64(firstUnit.count + 1)
                        firstUnit.append(u)
                        frequency.append(1)
                        break
                    }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let index = Int(entry & 0xFFFF_FFFF) - 1
                        let other = start[firstUnit[index]]
                        if start[firstUnit[index] + 1] - other == length {
                            var same = true
                            for i in 0..<length where rater[other + i] != rater[lo + i] {
                                same = false
                                break
                            }
                            if same {
                                frequency[index] += 1
                                break probing
                            }
                        }
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
            }
            return (firstUnit, frequency)
        }
        let frequent = firstUnit.indices.filter { frequency[$0] >= minimumUnits }
        func cells(_ i: Int) -> Int { frequency[i] * (start[firstUnit[i] + 1] - start[firstUnit[i]]) }
        return frequent.sorted { cells($0) != cells($1) ? cells($0) > cells($1) : firstUnit[$0] < firstUnit[$1] }
            .prefix(limit)
            .map { Array(ratings.groupedRater[start[firstUnit[$0]]..<start[firstUnit[$0] + 1]]) }
    }
}

/// The state of one block search: the units of the seed raters, scratch
/// arrays reused by every walk, the work spent and the best block so far.
/// No full grouping by rater is built: scattering every rating into per-rater
/// lists costs a cache miss per rating (0.8 s on 10⁷ ratings), more than the
/// rest of the search together.
private struct BlockWalker {
    let ratings: Ratings
    let search: CompleteBlockSearch
    let raterRatings: [Int]
    /// The units (ascending) of every rater that seeds a walk or belongs to a seed set.
    let seedUnits: [Int32: [Int32]]
    /// The largest number of raters of one unit.
    let largestUnit: Int
    let budget: Int
    var work = 0
    var best: (units: [Int32], raters: [Int32])?
    var bestCells = 0
    private var count: [Int32]
    private var inBlock: [Bool]
    private var touched: [Int32] = []

    init(_ ratings: Ratings, search: CompleteBlockSearch, raterRatings: [Int], seedRaters: [Int32]) {
        self.ratings = ratings
        self.search = search
        self.raterRatings = raterRatings
        var slot = [Int32](repeating: -1, count: ratings.raterCount)
        var lists: [[Int32]] = []
        for r in seedRaters where slot[Int(r)] < 0 {
            slot[Int(r)] = Int32(lists.count)
            lists.append([])
            lists[lists.count - 1].reserveCapacity(raterRatings[Int(r)])
        }
        var largestUnit = 0
        for u in 0..<ratings.unitCount {
            let range = ratings.unitStart[u]..<ratings.unitStart[u + 1]
            largestUnit = max(largestUnit, range.count)
            for position in range {
                let s = slot[Int(ratings.groupedRater[position])]
                if s >= 0 { lists[Int(s)].append(Int32(u)) }
            }
        }
        var seedUnits: [Int32: [Int32]] = [:]
        for r in seedRaters where slot[Int(r)] >= 0 { seedUnits[r] = lists[Int(slot[Int(r)])] }
        self.seedUnits = seedUnits
        self.largestUnit = largestUnit
        budget = search.workBudgetPerRating * ratings.count
        count = [Int32](repeating: 0, count: ratings.raterCount)
        inBlock = [Bool](repeating: false, count: ratings.raterCount)
    }

    var isOverBudget: Bool { work > budget }

    /// Whether rater r rated unit u: a binary search in u's sorted raters.
    func rated(_ r: Int32, _ u: Int32) -> Bool {
        var lo = ratings.unitStart[Int(u)], hi = ratings.unitStart[Int(u) + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            let m = ratings.groupedRater[mid]
            if m == r { return true }
            if m < r { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The units rated by every rater of `raters` (sorted): the units of the
    /// least busy one, kept when they were rated by the others.
    mutating func unitsRatedByAll(_ raters: [Int32]) -> [Int32] {
        let least = raters.min { raterRatings[Int($0)] < raterRatings[Int($1)] }!
        var result: [Int32] = []
        for u in seedUnits[least]! {
            work += raters.count
            if raters.allSatisfy({ rated($0, u) }) { result.append(u) }
        }
        return result
    }

    /// The greedy walk from (raters, units); records every candidate met.
    mutating func walk(raters start: [Int32], units initial: [Int32]) {
        var raters = start.sorted()
        var units = initial
        for r in raters { inBlock[Int(r)] = true }
        defer { for r in raters { inBlock[Int(r)] = false } }
        consider(units: units, raters: raters)
        while units.count >= search.minimumUnits && !isOverBudget {
            // Count, for every rater outside the block, the block units they rated.
            for u in units {
                let range = ratings.unitStart[Int(u)]..<ratings.unitStart[Int(u) + 1]
                work += range.count
                for position in range {
                    let r = ratings.groupedRater[position]
                    if inBlock[Int(r)] { continue }
                    if count[Int(r)] == 0 { touched.append(r) }
                    count[Int(r)] += 1
                }
            }
            touched.sort()
            var complete: [Int32] = []
            var nextRater: Int32 = -1, nextCount: Int32 = 0
            for r in touched {
                let c = count[Int(r)]
                if Int(c) == units.count {
                    complete.append(r)
                } else if c > nextCount {
                    nextRater = r
                    nextCount = c
                }
                count[Int(r)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            if !complete.isEmpty {
                for r in complete { inBlock[Int(r)] = true }
                raters.append(contentsOf: complete)
                raters.sort()
                consider(units: units, raters: raters)
            }
            guard nextRater >= 0 && Int(nextCount) >= search.minimumUnits else { break }
            // The next rater joins; the block keeps only the units they rated.
            work += units.count
            units.removeAll { !rated(nextRater, $0) }
            inBlock[Int(nextRater)] = true
            raters.append(nextRater)
            raters.sort()
            consider(units: units, raters: raters)
        }
    }

    private mutating func consider(units: [Int32], raters: [Int32]) {
        guard units.count >= search.minimumUnits && raters.count >= search.minimumRaters else { return }
        let cells = units.count * raters.count
        if cells > bestCells {
            best = (units, raters)
            bestCells = cells
        }
    }
}

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
/// 2. Otherwise, seeds are the raters in decreasing order of their number of
///    ratings (ties: lower index first). From a seed r the block starts as
///    R = {r}, U = the units r rated; then repeatedly
///    - every rater who rated all of U joins R (U does not shrink);
///    - the rater outside R who rated the most units of U (ties: lower index)
///      joins R, and U shrinks to the units that rater rated;
///    until fewer than `minimumUnits` units would remain. Every (R, U) met on
///    the way with at least `minimumRaters` raters and `minimumUnits` units is
///    a candidate.
/// 3. The candidate with the most cells |R|·|U| wins (ties: the one found
///    first). Seeding stops when a seed's ratings times the largest number of
///    raters of any unit cannot beat the best block (later seeds have fewer
///    ratings), after `maximumSeeds` seeds, or when the work spent (ratings
///    scanned) exceeds `workBudgetPerRating` per rating; a walk also stops
///    there, keeping the candidates it met.
///
/// Complexity: O(n + unitCount + raterCount) to group by rater, plus the
/// greedy walks, each step of which scans the ratings of the current units
/// once. Steps per seed are at most the largest number of raters of a unit,
/// and the total is capped by the work budget, so the search is linear in n
/// and never quadratic in the number of units. Unmeasured for block quality:
/// it finds panels (groups of experts sharing a set of courses) and the
/// whole design exactly; on random assignments it finds a small block or
/// none. A benchmark on real incomplete designs is welcome.
public struct CompleteBlockSearch: Sendable, Hashable, Codable {
    /// At least this many raters in a block. Two is the fewest for which a
    /// rater effect (ICC(2,·)) or a concordance (Kendall's W) exists.
    public var minimumRaters: Int = 2
    /// At least this many units in a block. Three is the fewest that leaves
    /// the F tests (n − 1 = 2 numerator df) and Kendall's χ² (df = 2) a
    /// distribution; results on so few units have very wide intervals, which
    /// the confidence limits show.
    public var minimumUnits: Int = 3
    /// At most this many seed raters are tried.
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
        // Raters' units, grouped (CSR), units ascending.
        var raterStart = [Int](repeating: 0, count: ratings.raterCount + 1)
        for r in ratings.groupedRater { raterStart[Int(r) + 1] += 1 }
        for r in 0..<ratings.raterCount { raterStart[r + 1] += raterStart[r] }
        var raterUnits = [Int32](repeating: 0, count: ratings.count)
        var next = raterStart
        var ratedUnits = 0, largestUnit = 0
        for u in 0..<ratings.unitCount {
            let range = ratings.unitStart[u]..<ratings.unitStart[u + 1]
            if range.isEmpty { continue }
            ratedUnits += 1
            largestUnit = max(largestUnit, range.count)
            for position in range {
                let r = Int(ratings.groupedRater[position])
                raterUnits[next[r]] = Int32(u)
                next[r] += 1
            }
        }
        let activeRaters = (0..<ratings.raterCount).filter { raterStart[$0 + 1] > raterStart[$0] }

        // 1. The whole design.
        if ratedUnits * activeRaters.count == ratings.count {
            guard activeRaters.count >= minimumRaters && ratedUnits >= minimumUnits else { return noBlock }
            let units = (0..<ratings.unitCount).filter { ratings.unitStart[$0 + 1] > ratings.unitStart[$0] }
            return .value(CompleteBlock(units: units.map(Int32.init), raters: activeRaters.map(Int32.init),
                                        isWholeDesign: true))
        }

        // 2. Greedy walks from the busiest raters.
        let seeds = activeRaters.sorted {
            let a = raterStart[$0 + 1] - raterStart[$0], b = raterStart[$1 + 1] - raterStart[$1]
            return a != b ? a > b : $0 < $1
        }
        var best: (units: [Int32], raters: [Int32])?
        var bestCells = 0
        var work = 0
        let budget = workBudgetPerRating * ratings.count
        var count = [Int32](repeating: 0, count: ratings.raterCount)
        var inBlock = [Bool](repeating: false, count: ratings.raterCount)
        var unitMark = [Bool](repeating: false, count: ratings.unitCount)
        var touched: [Int32] = []
        for seed in seeds.prefix(maximumSeeds) {
            let seedRatings = raterStart[seed + 1] - raterStart[seed]
            if seedRatings < minimumUnits || seedRatings * largestUnit <= bestCells || work > budget { break }
            var raters: [Int32] = [Int32(seed)]
            inBlock[seed] = true
            var units = Array(raterUnits[raterStart[seed]..<raterStart[seed + 1]])
            while work <= budget {
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
                    consider(units: units, raters: raters, best: &best, bestCells: &bestCells)
                }
                guard nextRater >= 0 && Int(nextCount) >= minimumUnits else { break }
                // The next rater joins; the block keeps only the units they rated.
                let theirs = raterUnits[raterStart[Int(nextRater)]..<raterStart[Int(nextRater) + 1]]
                work += theirs.count + units.count
                for u in theirs { unitMark[Int(u)] = true }
                units.removeAll { !unitMark[Int($0)] }
                for u in theirs { unitMark[Int(u)] = false }
                inBlock[Int(nextRater)] = true
                raters.append(nextRater)
                raters.sort()
                consider(units: units, raters: raters, best: &best, bestCells: &bestCells)
            }
            for r in raters { inBlock[Int(r)] = false }
        }
        guard let best else { return noBlock }
        return .value(CompleteBlock(units: best.units, raters: best.raters, isWholeDesign: false))
    }

    private func consider(units: [Int32], raters: [Int32], best: inout (units: [Int32], raters: [Int32])?,
                          bestCells: inout Int) {
        guard units.count >= minimumUnits && raters.count >= minimumRaters else { return }
        let cells = units.count * raters.count
        if cells > bestCells {
            best = (units, raters)
            bestCells = cells
        }
    }
}

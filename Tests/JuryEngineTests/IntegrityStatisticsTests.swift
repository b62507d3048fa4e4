import Testing
@testable import JuryEngine

@Suite("Integrity statistics")
struct IntegrityStatisticsTests {
    // MARK: Benjamini–Hochberg

    /// The fifteen p-values of Benjamini & Hochberg (1995, §4.2), with the
    /// adjusted values of R 4 `p.adjust(p, "BH")` (identical to SciPy 1.17.1
    /// `false_discovery_control(p, method="bh")`).
    static let paperP = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
                         0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]
    static let paperQ = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
                         0.0645, 0.0765, 0.486, 0.5811818181818181, 0.714875, 0.7532307692307693,
                         0.8132142857142857, 1.0]

    @Test("BH q-values of the paper's fifteen p-values match R's p.adjust")
    func benjaminiHochbergPaper() {
        let q = BenjaminiHochberg.adjusted(Self.paperP)
        for (x, y) in zip(q, Self.paperQ) { #expect(abs(x - y) <= 1e-12 * max(1, y)) }
        // At α = 0.05 the step-up procedure rejects the first four, as in the paper.
        #expect(q.filter { $0 <= 0.05 }.count == 4)
    }

    @Test("BH is independent of the input order and gives ties equal q-values")
    func benjaminiHochbergOrderAndTies() {
        let shuffled = [7, 0, 14, 3, 9, 1, 12, 5, 2, 11, 6, 13, 4, 10, 8]
        let q = BenjaminiHochberg.adjusted(shuffled.map { Self.paperP[$0] })
        for (i, k) in shuffled.enumerated() { #expect(abs(q[i] - Self.paperQ[k]) <= 1e-12) }
        let tied = BenjaminiHochberg.adjusted([0.01, 0.01, 0.04])
        #expect(tied[0] == tied[1])
        #expect(abs(tied[0] - 0.015) < 1e-15)
        #expect(BenjaminiHochberg.adjusted([]).isEmpty)
    }

    @Test("BH on the smallest p-values of a family gives their full-family q-values up to the largest left out")
    func benjaminiHochbergSubset() {
        let subset = Array(Self.paperP.prefix(9))
        let q = BenjaminiHochberg.adjusted(subset, familySize: 15)
        for i in 0..<9 where Self.paperQ[i] <= 0.3240 { #expect(abs(q[i] - Self.paperQ[i]) <= 1e-12) }
    }

    // MARK: Welch interval

    @Test("Student t quantiles the Welch interval uses match SciPy's t.ppf, including real degrees of freedom")
    func studentTQuantiles() {
        // SciPy 1.17.1 scipy.stats.t.ppf(p, nu).
        let cases: [(p: Double, nu: Double, t: Double)] = [
            (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462), (0.975, 10, 2.228138851986274),
            (0.975, 4.5, 2.6589123472044034), (0.975, 37.3, 2.0256425230779604), (0.975, 1000, 1.9623390808264083),
            (0.995, 3.2, 5.493257258868877),
        ]
        for c in cases {
            let t = StudentTDistribution(nu: c.nu).quantile(c.p)
            #expect(abs(t - c.t) <= 1e-9 * c.t, "t(\(c.p), \(c.nu)) = \(t), SciPy \(c.t)")
        }
    }

    @Test("Welch interval matches SciPy's ttest_ind(equal_var=False).confidence_interval")
    func welchInterval() throws {
        var x = Welford(), y = Welford()
        for v in [12.5, 9.75, 14.0, 11.25, 16.5] { x.add(v) }
        for v in [0.5, -2.25, 1.0, 3.75, -1.5, 0.0, 2.25, -0.75] { y.add(v) }
        let ci = try #require(WelchInterval.difference(x, y))
        // SciPy 1.17.1: (9.214952422469924, 15.635047577530077), df 6.8867.
        #expect(abs(ci.lowerBound - 9.214952422469924) < 1e-9)
        #expect(abs(ci.upperBound - 15.635047577530077) < 1e-9)
    }

    @Test("Welch interval is nil with fewer than two values a side or no spread")
    func welchEdgeCases() {
        var one = Welford(), flat = Welford(), flat2 = Welford()
        one.add(3)
        for _ in 0..<4 { flat.add(2); flat2.add(5) }
        #expect(WelchInterval.difference(one, flat) == nil)
        #expect(WelchInterval.difference(flat, flat2) == nil)
    }

    // MARK: Permutation test

    @Test("exact enumeration when C(N, n) ≤ B: p is the share of subsets reaching the sum")
    func exactPermutation() {
        // Subsets of two from 1…5 with sum ≥ 9: only {4, 5}, one of ten.
        let o = PermutationTest.upperTail(values: [1, 2, 3, 4, 5], groupSize: 2, observedSum: 9, maxDraws: 999, seed: 1)
        #expect(o.method == .exact && o.permutations == 10 && o.exceedances == 1)
        #expect(o.pValue == 0.1)
        // Ties count: sum ≥ 7 holds for {2,5}, {3,4}, {3,5}, {4,5}.
        let tie = PermutationTest.upperTail(values: [1, 2, 3, 4, 5], groupSize: 2, observedSum: 7, maxDraws: 999, seed: 1)
        #expect(tie.pValue == 0.4)
    }

    @Test("one sheet: p is the share of the expert's sheets with at least its value")
    func singleSheetRank() {
        let values = (0..<40).map { Double($0) }
        let o = PermutationTest.upperTail(values: values, groupSize: 1, observedSum: 37, maxDraws: 999, seed: 9)
        #expect(o.method == .exact && o.pValue == 3.0 / 40)
    }

    @Test("the same seed gives the same outcome; another seed other draws")
    func seededDeterminism() {
        let values = Self.latticeValues(count: 60, seed: 4)
        let t = values.prefix(6).reduce(0, +) + 6
        let a = PermutationTest.upperTail(values: values, groupSize: 6, observedSum: t, maxDraws: 999, seed: 42)
        let b = PermutationTest.upperTail(values: values, groupSize: 6, observedSum: t, maxDraws: 999, seed: 42)
        #expect(a == b)
        let others = (43...52).map { PermutationTest.upperTail(values: values, groupSize: 6, observedSum: t, maxDraws: 999, seed: UInt64($0)) }
        #expect(others.contains { $0 != a })
    }

    @Test("the sequential Monte Carlo p-value agrees with the exact tail")
    func sequentialAgreesWithExact() throws {
        let values = Self.latticeValues(count: 30, seed: 11)
        let sorted = values.sorted(by: >)
        // A group whose exact p is moderate, so the test stops early.
        let t = sorted[3] + sorted[8] + sorted[12] + sorted[20]
        let subsets = try #require(PermutationTest.binomial(30, 4, atMost: 1_000_000))
        let exact = Double(values.withUnsafeBufferPointer { PermutationTest.exactExceedances(values: $0, groupSize: 4, threshold: t - 1e-9) }) / Double(subsets)
        var estimates: [Double] = []
        for seed in 1...200 {
            let o = PermutationTest.upperTail(values: values, groupSize: 4, observedSum: t, maxDraws: 999, seed: UInt64(seed))
            #expect(o.method == .sequential && o.exceedances == PermutationTest.sequentialHits)
            estimates.append(o.pValue)
        }
        // h/L overestimates p by a factor h/(h − 1) on average (Besag & Clifford 1991).
        let mean = estimates.reduce(0, +) / Double(estimates.count)
        #expect(abs(mean / exact - 10.0 / 9) < 0.08, "mean \(mean), exact \(exact)")
    }

    @Test("a group beyond the Monte Carlo floor gets its exact tail by counting")
    func tailCountMatchesEnumeration() throws {
        for (count, n) in [(100, 3), (50, 5), (30, 4), (30, 26)] {
            let values = Self.latticeValues(count: count, seed: UInt64(count * n))
            let sorted = values.sorted(by: >)
            for shift in [0, 1, 2, 4] {
                var t = 0.0
                for i in 0..<n { t += sorted[i == n - 1 ? min(i + shift, count - 1) : i] }
                let subsets = try #require(PermutationTest.binomial(count, n, atMost: 200_000_000))
                let hits = values.withUnsafeBufferPointer { PermutationTest.exactExceedances(values: $0, groupSize: n, threshold: t - 1e-9) }
                let counted = values.withUnsafeBufferPointer { PermutationTest.tailCount(values: $0, groupSize: n, threshold: t - 1e-9, budget: 10_000_000) }
                #expect(counted == Double(hits))
                let o = PermutationTest.upperTail(values: values, groupSize: n, observedSum: t, maxDraws: 999, seed: 5)
                if o.method == .tailCount {
                    #expect(abs(o.pValue - Double(hits) / Double(subsets)) <= 1e-12 * o.pValue)
                }
            }
        }
    }

    @Test("the saddlepoint approximates exact permutation tails and is exact at the largest sum")
    func saddlepointAccuracy() throws {
        // Tails of 1e-3 to 1e-5 holding thousands of subsets, counted exactly.
        for (count, n, z) in [(40, 10, 3.0), (40, 10, 3.5), (36, 6, 3.0), (50, 4, 2.5), (32, 16, 3.0)] {
            let values = Self.latticeValues(count: count, seed: UInt64(count + n))
            let mean = values.reduce(0, +) / Double(count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
            // The sum z standard deviations above its mean, on the quarter-point lattice.
            let sd = (variance * Double(n * (count - n)) / Double(count - 1)).squareRoot()
            let t = ((Double(n) * mean + z * sd) * 4).rounded(.down) / 4
            let counted = try #require(values.withUnsafeBufferPointer { PermutationTest.tailCount(values: $0, groupSize: n, threshold: t - 1e-9, budget: 50_000_000) })
            let exact = counted * PermutationTest.exactMinimum(count, n)
            let approx = try #require(values.withUnsafeBufferPointer { PermutationTest.saddlepointUpperTail(values: $0, groupSize: n, observedSum: t) })
            #expect(counted >= 100 && approx / exact > 0.85 && approx / exact < 1.2,
                    "N \(count) n \(n): saddlepoint \(approx), exact \(exact) (\(counted) subsets)")
        }
        // At the largest attainable sum the tail is the exact share 1/C(N, n) (distinct values).
        let distinct = (0..<20).map { Double($0) * 1.5 }
        let top = distinct.suffix(4).reduce(0, +)
        let p = try #require(distinct.withUnsafeBufferPointer { PermutationTest.saddlepointUpperTail(values: $0, groupSize: 4, observedSum: top) })
        #expect(abs(p - 1.0 / 4845) < 1e-15)
        // No spread, or a sum not above the mean: no approximation.
        #expect([3.0, 3, 3, 3].withUnsafeBufferPointer { PermutationTest.saddlepointUpperTail(values: $0, groupSize: 2, observedSum: 6) } == nil)
        #expect(distinct.withUnsafeBufferPointer { PermutationTest.saddlepointUpperTail(values: $0, groupSize: 4, observedSum: 0) } == nil)
    }

    @Test("a strong group gets a p-value below the Monte Carlo floor, never below 1/C(N, n)")
    func beyondTheFloor() {
        let values = Self.latticeValues(count: 200, seed: 3)
        let sorted = values.sorted(by: >)
        let t = sorted.prefix(20).reduce(0, +)
        let o = PermutationTest.upperTail(values: values, groupSize: 20, observedSum: t, maxDraws: 999, seed: 8)
        #expect(o.exceedances == 0 && o.permutations == 999)
        #expect(o.method == .tailCount || o.method == .saddlepoint)
        #expect(o.pValue < 1.0 / 1000)
        #expect(o.pValue >= PermutationTest.exactMinimum(200, 20))
    }

    @Test("test seeds depend on every key part and on the competition's seed")
    func testSeeds() {
        let a = PermutationTest.seed(1, 10, 2, 30)
        #expect(a == PermutationTest.seed(1, 10, 2, 30))
        #expect(a != PermutationTest.seed(2, 10, 2, 30))
        #expect(a != PermutationTest.seed(1, 30, 2, 10))
        #expect(a != PermutationTest.seed(1, 10, 1, 30))
        // FNV-1a 64 of "a" (reference value of the algorithm's authors).
        #expect(PermutationTest.stableHash("a") == 0xAF63_DC4C_8601_EC8C)
    }

    /// Sheet-excess-like values: sums of seven rounded scores minus quarter points.
    static func latticeValues(count: Int, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            var s = 0.0
            for _ in 0..<7 { s += (rng.nextUnit() * 4).rounded() }
            return s - Double(rng.next() % 4) / 4 - 14
        }
    }
}

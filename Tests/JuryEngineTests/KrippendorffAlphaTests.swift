import Testing
@testable import JuryEngine

@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
    /// Krippendorff (2011) example as units × observers.
    static let example = ReferenceData.ratings(units: ReferenceData.transposed(ReferenceData.krippendorff2011))

    @Test("Krippendorff (2011) worked example: all four levels agree with the paper and the krippendorff package")
    func krippendorff2011() {
        // krippendorff 0.9.0, `krippendorff.alpha(reliability_data=…, level_of_measurement=…)`
        // on the 4 × 12 table with NaN for missing (NumPy 2.4.6), printed with `repr`.
        let alpha = KrippendorffAlpha(Self.example)
        expectClose(alpha.nominal.value!, 0.743421052631579, relative: 1e-14)
        expectClose(alpha.ordinal.value!, 0.8153875037548814, relative: 1e-14)
        expectClose(alpha.interval.value!, 0.8491071428571428, relative: 1e-14)
        expectClose(alpha.ratio.value!, 0.7974027747116121, relative: 1e-14)
        // The three decimals printed in the paper.
        expectNear(alpha.nominal.value!, 0.743, absolute: 5e-4)
        expectNear(alpha.ordinal.value!, 0.815, absolute: 5e-4)
        expectNear(alpha.interval.value!, 0.849, absolute: 5e-4)
        expectNear(alpha.ratio.value!, 0.797, absolute: 5e-4)
        // Unit 12 has one value: not pairable.
        #expect(alpha.pairableUnits == 11 && alpha.pairableValues == 40)
    }

    @Test("non-integer values take the hashed path and agree with the krippendorff package")
    func nonIntegerValues() {
        // The same table mapped by x ↦ 0.5x + 0.25; krippendorff 0.9.0 as above.
        let e = Self.example
        let shifted = try! Ratings(unitCount: e.unitCount, raterCount: e.raterCount, unit: e.unit, rater: e.rater,
                                   value: e.value.map { 0.5 * $0 + 0.25 })
        let alpha = KrippendorffAlpha(shifted)
        expectClose(alpha.nominal.value!, 0.743421052631579, relative: 1e-14)
        expectClose(alpha.ordinal.value!, 0.8153875037548814, relative: 1e-14)
        expectClose(alpha.interval.value!, 0.8491071428571428, relative: 1e-14)
        expectClose(alpha.ratio.value!, 0.8073359984677904, relative: 1e-14)
    }

    @Test("the linear-time sums equal the coincidence-matrix definition on random sparse data")
    func matchesCoincidenceMatrix() throws {
        var generator = SeededGenerator(seed: 7)
        var unit: [Int32] = [], rater: [Int32] = [], value: [Double] = []
        for u in 0..<200 {
            for r in 0..<6 where generator.nextUnit() < 0.45 {
                unit.append(Int32(u))
                rater.append(Int32(r))
                value.append(Double(Int(generator.nextUnit() * 7) + (u % 3)))
            }
        }
        let ratings = try Ratings(unitCount: 200, raterCount: 6, unit: unit, rater: rater, value: value)
        let alpha = KrippendorffAlpha(ratings)
        for level in KrippendorffAlpha.Level.allCases {
            expectClose(alpha[level].value!, Self.coincidenceAlpha(ratings, level), relative: 1e-12, "\(level)")
        }
    }

    /// α from the coincidence matrix, as in Krippendorff (2011) §A–E.
    static func coincidenceAlpha(_ ratings: Ratings, _ level: KrippendorffAlpha.Level) -> Double {
        let distinct = Array(Set((0..<ratings.unitCount).flatMap { u in
            ratings.ratingCount(ofUnit: u) >= 2 ? ratings.ratings(ofUnit: u).map(\.value) : []
        })).sorted()
        let v = distinct.count
        var o = [[Double]](repeating: [Double](repeating: 0, count: v), count: v)
        for u in 0..<ratings.unitCount where ratings.ratingCount(ofUnit: u) >= 2 {
            let values = ratings.ratings(ofUnit: u).map { distinct.firstIndex(of: $0.value)! }
            let m = Double(values.count)
            for i in values.indices {
                for j in values.indices where i != j { o[values[i]][values[j]] += 1 / (m - 1) }
            }
        }
        let marginal = o.map { $0.reduce(0, +) }
        let n = marginal.reduce(0, +)
        func delta(_ c: Int, _ k: Int) -> Double {
            switch level {
            case .nominal: return c == k ? 0 : 1
            case .interval: return (distinct[c] - distinct[k]) * (distinct[c] - distinct[k])
            case .ratio: return KrippendorffAlpha.ratioDistance(distinct[c], distinct[k])
            case .ordinal:
                let (a, b) = (min(c, k), max(c, k))
                let s = marginal[a...b].reduce(0, +) - (marginal[a] + marginal[b]) / 2
                return s * s
            }
        }
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v {
                observed += o[c][k] * delta(c, k)
                expected += marginal[c] * marginal[k] * delta(c, k)
            }
        }
        return 1 - (n - 1) * observed / expected
    }

    @Test("one rater: no unit has two values, every level undefined")
    func oneRater() throws {
        let ratings = try Ratings(unitCount: 3, raterCount: 1, unit: [0, 1, 2], rater: [0, 0, 0], value: [1, 2, 3])
        let alpha = KrippendorffAlpha(ratings)
        for level in KrippendorffAlpha.Level.allCases {
            #expect(alpha[level].reason == "no unit has two or more ratings")
        }
    }

    @Test("one unit: alpha is 0 at every level, as in the krippendorff package")
    func oneUnit() throws {
        // krippendorff 0.9.0 on [[1], [2], [4]] gives 0.0 at all four levels.
        let ratings = try Ratings(unitCount: 1, raterCount: 3, unit: [0, 0, 0], rater: [0, 1, 2], value: [1, 2, 4])
        let alpha = KrippendorffAlpha(ratings)
        for level in KrippendorffAlpha.Level.allCases {
            expectNear(alpha[level].value!, 0, absolute: 1e-15, "\(level)")
        }
    }

    @Test("zero variance: every pairable value the same, undefined (0/0)")
    func zeroVariance() throws {
        let ratings = try Ratings(unitCount: 2, raterCount: 2, unit: [0, 0, 1, 1], rater: [0, 1, 0, 1], value: [3, 3, 3, 3])
        let alpha = KrippendorffAlpha(ratings)
        for level in KrippendorffAlpha.Level.allCases {
            #expect(alpha[level].reason == "no variation: every pairable rating is 3.0, so alpha is 0/0")
        }
    }

    @Test("all missing: no ratings, every level undefined")
    func allMissing() throws {
        let alpha = KrippendorffAlpha(try Ratings(unitCount: 4, raterCount: 4, unit: [], rater: [], value: []))
        #expect(alpha.nominal.reason == "no unit has two or more ratings")
        #expect(alpha.pairableValues == 0)
    }

    @Test("ratio level: negative values and too many distinct values are refused with a reason")
    func ratioLimits() throws {
        let negative = try Ratings(unitCount: 2, raterCount: 2, unit: [0, 0, 1, 1], rater: [0, 1, 0, 1], value: [-1, 2, 3, 4])
        #expect(KrippendorffAlpha(negative).ratio.reason == "the ratio level needs non-negative values (found -1.0)")
        #expect(KrippendorffAlpha(negative).interval.value != nil)
        let many = KrippendorffAlpha(Self.example, ratioValueLimit: 3)
        #expect(many.ratio.reason == "the ratio level is not computed for more than 3 distinct values (found 5)")
    }
}

import Testing
@testable import JuryEngine

@Suite("Ratings")
struct RatingsTests {
    @Test("ratings in any order are grouped by unit, then rater")
    func grouping() throws {
        let ratings = try Ratings(unitCount: 3, raterCount: 3, unit: [2, 0, 2, 0], rater: [1, 2, 0, 0], value: [5, 6, 7, 8])
        #expect(ratings.count == 4)
        #expect(ratings.ratingCount(ofUnit: 0) == 2 && ratings.ratingCount(ofUnit: 1) == 0)
        #expect(ratings.ratings(ofUnit: 0).map(\.rater) == [0, 2])
        #expect(ratings.ratings(ofUnit: 0).map(\.value) == [8, 6])
        #expect(ratings.ratings(ofUnit: 2).map(\.value) == [7, 5])
        // The columns as given are kept as given.
        #expect(ratings.unit == [2, 0, 2, 0])
    }

    @Test("columns of different lengths are refused")
    func lengthMismatch() {
        #expect(throws: Ratings.ValidationError.lengthMismatch(units: 2, raters: 1, values: 2)) {
            try Ratings(unitCount: 2, raterCount: 2, unit: [0, 1], rater: [0], value: [1, 2])
        }
    }

    @Test("an index out of range is refused with its position")
    func outOfRange() {
        #expect(throws: Ratings.ValidationError.unitOutOfRange(position: 1, unit: 5, unitCount: 2)) {
            try Ratings(unitCount: 2, raterCount: 2, unit: [0, 5], rater: [0, 0], value: [1, 2])
        }
        #expect(throws: Ratings.ValidationError.raterOutOfRange(position: 0, rater: -1, raterCount: 2)) {
            try Ratings(unitCount: 2, raterCount: 2, unit: [0, 1], rater: [-1, 0], value: [1, 2])
        }
    }

    @Test("a NaN or infinite value is refused")
    func nonFinite() {
        #expect(throws: Ratings.ValidationError.self) {
            try Ratings(unitCount: 1, raterCount: 2, unit: [0, 0], rater: [0, 1], value: [1, .infinity])
        }
    }

    @Test("a rater rating the same unit twice is refused, naming both positions")
    func duplicatePair() {
        #expect(throws: Ratings.ValidationError.duplicatePair(first: 0, later: 2, unit: 1, rater: 0)) {
            try Ratings(unitCount: 2, raterCount: 2, unit: [1, 0, 1], rater: [0, 0, 0], value: [1, 2, 3])
        }
        // In canonical order too (adjacent, not strictly increasing).
        #expect(throws: Ratings.ValidationError.duplicatePair(first: 0, later: 1, unit: 0, rater: 1)) {
            try Ratings(unitCount: 1, raterCount: 2, unit: [0, 0], rater: [1, 1], value: [1, 3])
        }
    }

    @Test("a stage of a sheet table gives its totals or one criterion's scores")
    func fromSheetTable() {
        var builder = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        builder.append(stage: .commission, course: 1, expert: 0, scores: [5, 6])
        builder.append(stage: .faculty, course: 0, expert: 2, scores: [1, 2])
        builder.append(stage: .commission, course: 0, expert: 1, scores: [3, 4])
        let (table, _) = builder.build(courseCount: 2)
        let totals = Ratings(table, stage: .commission, courseCount: 2, expertCount: 3)
        #expect(totals.unit == [0, 1] && totals.rater == [1, 0] && totals.value == [7, 11])
        let second = Ratings(table, stage: .commission, courseCount: 2, expertCount: 3, criterion: 1)
        #expect(second.value == [4, 6])
    }
}

/// `Ratings(_:values:)`: other values on the same (unit, rater) pairs share
/// the grouping and must give what ratings made from scratch give.
@Suite("Ratings of other values on the same pairs")
struct RatingsSharedPairsTests {
    /// Seeded pairs, listed shuffled or in canonical order, with two sets of values.
    static func columns(seed: UInt64, canonical: Bool) -> (unit: [Int32], rater: [Int32], first: [Double], second: [Double]) {
        var g = SeededGenerator(seed: seed)
        var pairs: [(Int32, Int32)] = []
        for u in 0..<40 {
            let raters = Set((0..<Int(g.next() % 6)).map { _ in Int32(g.next() % 12) })
            pairs += raters.sorted().map { (Int32(u), $0) }
        }
        if !canonical {
            for i in stride(from: pairs.count - 1, to: 0, by: -1) { pairs.swapAt(i, Int(g.next() % UInt64(i + 1))) }
        }
        let first = pairs.map { _ in Double(g.next() % 10 + 1) }, second = pairs.map { _ in Double(g.next() % 64 + 7) }
        return (pairs.map(\.0), pairs.map(\.1), first, second)
    }

    @Test("the same grouping, values and statistics as ratings made from scratch", arguments: [false, true])
    func sameAsFromScratch(_ canonical: Bool) throws {
        for seed: UInt64 in 1...20 {
            let c = Self.columns(seed: seed, canonical: canonical)
            let first = try Ratings(unitCount: 40, raterCount: 12, unit: c.unit, rater: c.rater, value: c.first)
            let shared = try Ratings(first, values: c.second)
            let scratch = try Ratings(unitCount: 40, raterCount: 12, unit: c.unit, rater: c.rater, value: c.second)
            #expect(shared.value == scratch.value && shared.unit == scratch.unit && shared.rater == scratch.rater)
            for u in 0..<40 {
                #expect(shared.ratings(ofUnit: u).map(\.rater) == scratch.ratings(ofUnit: u).map(\.rater), "seed \(seed) unit \(u)")
                #expect(shared.ratings(ofUnit: u).map(\.value) == scratch.ratings(ofUnit: u).map(\.value), "seed \(seed) unit \(u)")
            }
            #expect(ReliabilityReport(shared) == ReliabilityReport(scratch), "seed \(seed)")
        }
    }

    @Test("values of another length, or not finite, are refused")
    func refused() throws {
        let first = try Ratings(unitCount: 2, raterCount: 2, unit: [0, 0, 1], rater: [0, 1, 0], value: [1, 2, 3])
        #expect(throws: Ratings.ValidationError.lengthMismatch(units: 3, raters: 3, values: 2)) {
            try Ratings(first, values: [1, 2])
        }
        #expect(throws: Ratings.ValidationError.nonFiniteValue(position: 1, value: .infinity)) {
            try Ratings(first, values: [1, .infinity, 3])
        }
    }
}

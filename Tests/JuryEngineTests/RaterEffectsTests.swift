import Testing
@testable import JuryEngine

@Suite("RaterEffects")
struct RaterEffectsTests {
    /// Three experts on four courses, one criterion; E2 is 2 points harsher
    /// than E0 and E1 on every course.
    static func competition(scores: [[UInt8]], criteria: Int = 1) -> (SheetTable, StageSheets) {
        var b = SheetTable.Builder(criterionCount: criteria, weights: Array(repeating: 1, count: criteria))
        for (course, row) in scores.enumerated() {
            for (expert, s) in row.enumerated() {
                b.append(stage: .commission, course: Int32(course), expert: Int32(expert), scores: Array(repeating: s, count: criteria))
            }
        }
        let table = b.build(courseCount: scores.count).table
        return (table, StageSheets(table, stage: .commission, courseCount: scores.count, expertCount: scores[0].count))
    }

    @Test("severity is the mean of consensus − total, with a t interval (hand-worked)")
    func severity() {
        let (table, view) = Self.competition(scores: [[6, 6, 4], [7, 8, 5], [5, 5, 3], [9, 8, 6]])
        var rules = Rules()
        rules.criteria = [Criterion(key: "c", title: "c")]
        rules.weights = [1]
        let consensus = Consensus(table: table, view: view)
        let effects = RaterEffects(table: table, view: view, consensus: consensus,
                                   outliers: OutlierRatings(table: table, view: view, rules: rules), rules: rules)
        let e2 = effects.raters[2]
        // Consensus of E2's sheets: 6, 7.5, 5, 8.5; deviations 2, 2.5, 2, 2.5 → mean 2.25.
        #expect(e2.severity == 2.25)
        // sd of (2, 2.5, 2, 2.5) = 0.288675…; t(0.975, 3) = 3.182446305284263.
        let half = 3.182446305284263 * (1.0 / 12).squareRoot() / 2
        #expect(abs((e2.severityCI95?.lower ?? 0) - (2.25 - half)) < 1e-12)
        #expect(abs((e2.severityCI95?.upper ?? 0) - (2.25 + half)) < 1e-12)
        // E0: consensus 5, 6.5, 4, 7 against 6, 7, 5, 9 → deviations −1, −0.5, −1, −2.
        #expect(effects.raters[0].severity == -1.125)
        // One criterion: the within-sheet sd is 0 → halo.
        #expect(effects.raters[0].halo == 0)
        #expect(effects.raters[0].flags.contains("halo"))
    }

    @Test("consistency is Pearson's r of totals with the consensus; shares of middle and end scores")
    func consistencyAndShares() {
        let (table, view) = Self.competition(scores: [[1, 2, 10], [4, 5, 1], [7, 7, 10], [10, 9, 1]])
        var rules = Rules()
        rules.criteria = [Criterion(key: "c", title: "c")]
        rules.weights = [1]
        let consensus = Consensus(table: table, view: view)
        let effects = RaterEffects(table: table, view: view, consensus: consensus,
                                   outliers: OutlierRatings(table: table, view: view, rules: rules), rules: rules)
        // E2 scores only the ends of the scale.
        #expect(effects.raters[2].extreme == 1)
        #expect(effects.raters[2].centralTendency == 0)
        // E0: 1, 4, 7, 10 with middle (4–7) 2 of 4, ends 2 of 4.
        #expect(effects.raters[0].centralTendency == 0.5)
        #expect(effects.raters[0].extreme == 0.5)
        // E2 against its consensus (1.5, 4.5, 7, 9.5): r < 0.
        #expect((effects.raters[2].consistency ?? 0) < 0)
    }

    @Test("experts among many people who rate nothing: the same effects, under their own person indices")
    func expertsAmongPeople() {
        let scores: [[UInt8]] = [[6, 6, 4], [7, 8, 5], [5, 5, 3], [9, 8, 6]]
        var rules = Rules()
        rules.criteria = [Criterion(key: "c", title: "c")]
        rules.weights = [1]
        func effects(persons: [Int32], people: Int) -> RaterEffects {
            var b = SheetTable.Builder(criterionCount: 1, weights: [1])
            for (course, row) in scores.enumerated() {
                for (expert, s) in row.enumerated() {
                    b.append(stage: .commission, course: Int32(course), expert: persons[expert], scores: [s])
                }
            }
            let table = b.build(courseCount: scores.count).table
            let view = StageSheets(table, stage: .commission, courseCount: scores.count, expertCount: people)
            return RaterEffects(table: table, view: view, consensus: Consensus(table: table, view: view),
                                outliers: OutlierRatings(table: table, view: view, rules: rules), rules: rules)
        }
        let dense = effects(persons: [0, 1, 2], people: 3)
        let sparse = effects(persons: [1, 4, 6], people: 8)
        #expect(sparse.raters.map(\.expert) == [1, 4, 6])
        for (a, b) in zip(dense.raters, sparse.raters) {
            var moved = a
            moved.expert = b.expert
            #expect(moved == b)
        }
        #expect(sparse.severityCentre == dense.severityCentre && sparse.severitySpread == dense.severitySpread)
    }

    @Test("edge cases: one expert, one sheet")
    func edges() {
        let (table, view) = Self.competition(scores: [[5]])
        let rules = Rules()
        var r1 = rules
        r1.criteria = [Criterion(key: "c", title: "c")]
        r1.weights = [1]
        let consensus = Consensus(table: table, view: view)
        let effects = RaterEffects(table: table, view: view, consensus: consensus,
                                   outliers: OutlierRatings(table: table, view: view, rules: r1), rules: r1)
        #expect(effects.raters.count == 1)
        #expect(effects.raters[0].severity == nil)
        #expect(effects.raters[0].severityCI95 == nil)
        #expect(effects.raters[0].consistency == nil)
    }
}

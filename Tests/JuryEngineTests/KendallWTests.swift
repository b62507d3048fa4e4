import Testing
@testable import JuryEngine

@Suite("Kendall's W")
struct KendallWTests {
    static func table(_ rows: [[Double]]) -> (table: [Double], units: Int, raters: Int) {
        (rows.flatMap { $0 }, rows.count, rows[0].count)
    }

    @Test("irr's anxiety data (many ties): W, χ², df and p agree with DescTools and a direct computation")
    func anxietyWithTies() {
        // DescTools::KendallW(anxiety, correct = TRUE, test = TRUE) documents
        // W = 0.5396569, χ² = 30.76, df = 19, p = 0.04288. Full precision:
        // NumPy 2.4.6 + SciPy 1.17.1, ranks by scipy.stats.rankdata per rater,
        // W = 12 S / (m²(n³ − n) − m Σ(t³ − t)), p = scipy.stats.chi2.sf.
        let t = Self.table(ReferenceData.anxiety)
        let w = KendallW.compute(table: t.table, units: t.units, raters: t.raters).value!
        expectClose(w.w, 0.5396568759543698, relative: 1e-14)
        expectClose(w.chi2, 30.760441929399082, relative: 1e-14)
        #expect(w.df == 19 && w.raters == 3 && w.units == 20)
        expectClose(w.p, 0.04288347312694786, relative: 1e-12)
        expectNear(w.w, 0.5396569, absolute: 5e-8, "as printed by DescTools")
        expectNear(w.p, 0.04288, absolute: 5e-6, "as printed by DescTools")
    }

    @Test("Siegel & Castellan (1988) example without ties agrees with DescTools")
    func siegelCastellan() {
        // DescTools::KendallW(t(d.att[, -1]), test = TRUE): W = 0.6560847,
        // χ² = 13.778, df = 7, p = 0.05528; full precision as above.
        let t = Self.table(ReferenceData.siegelCastellan)
        let w = KendallW.compute(table: t.table, units: t.units, raters: t.raters).value!
        expectClose(w.w, 0.656084656084656, relative: 1e-14)
        expectClose(w.chi2, 13.777777777777777, relative: 1e-14)
        #expect(w.df == 7)
        expectClose(w.p, 0.0552779298915745, relative: 1e-12)
    }

    @Test("identical rankings give W = 1, and the direction of the scale does not matter")
    func perfectConcordance() {
        let w = KendallW.compute(table: [1, 10, 2, 20, 3, 30, 4, 40], units: 4, raters: 2).value!
        #expect(w.w == 1)
    }

    @Test("sparse ratings: W on the complete block, the same as on the table")
    func sparseOnBlock() {
        var rows = ReferenceData.anxiety.map { $0.map(Optional.some) }
        rows.append([4, nil, nil])
        rows.append([nil, 2, 5])
        let ratings = ReferenceData.ratings(units: rows)
        let w = KendallW.compute(ratings).value!
        expectClose(w.w, 0.5396568759543698, relative: 1e-14)
        #expect(w.units == 20)
    }

    @Test("one rater: undefined")
    func oneRater() {
        #expect(KendallW.compute(table: [1, 2, 3], units: 3, raters: 1).reason == "needs at least 2 raters (found 1)")
    }

    @Test("one unit: undefined")
    func oneUnit() {
        #expect(KendallW.compute(table: [1, 2, 3], units: 1, raters: 3).reason == "needs at least 2 units (found 1)")
    }

    @Test("zero variance: every rater ties every unit, undefined")
    func zeroVariance() {
        let result = KendallW.compute(table: Array(repeating: 5, count: 12), units: 4, raters: 3)
        #expect(result.reason == "every rater gave every unit the same rating: there is no ranking to agree on")
    }

    @Test("all missing: no ratings, so no complete block")
    func allMissing() throws {
        let ratings = try Ratings(unitCount: 3, raterCount: 3, unit: [], rater: [], value: [])
        #expect(KendallW.compute(ratings).reason?.hasPrefix("no complete block") == true)
    }
}

import Testing
import Foundation
@testable import JuryEngine

@Suite("Intraclass correlation")
struct IntraclassCorrelationTests {
    /// (value, lower, upper, F, df1, df2, p) of pingouin 0.7.0,
    /// `pingouin.intraclass_corr(data, targets, raters, ratings)` with
    /// `pingouin.options['round.column.CI95'] = None` (SciPy 1.17.1, pandas
    /// 3.1.1), on the long form of the table; printed with `repr`.
    typealias Reference = (value: Double, lower: Double, upper: Double, f: Double, df1: Int, df2: Int, p: Double)

    static let shroutFleiss: [ICCForm: Reference] = [
        .icc1: (0.1657417684054755, -0.13293232487475096, 0.722560062328121, 1.7946784922394683, 5, 18, 0.16476880834463953),
        .icc2: (0.28976377952755916, 0.018786513374712058, 0.7610843696489527, 11.027247956403299, 5, 15, 0.000134566516484335),
        .icc3: (0.7148407148407154, 0.34246476503392614, 0.9458582599553597, 11.027247956403299, 5, 15, 0.000134566516484335),
        .icc1k: (0.44279713367926876, -0.8844421552381196, 0.9124154203407755, 1.7946784922394683, 5, 18, 0.16476880834463953),
        .icc2k: (0.6200505475989893, 0.07113681530250353, 0.9272320401677219, 11.027247956403299, 5, 15, 0.000134566516484335),
        .icc3k: (0.9093155423770697, 0.6756747138163055, 0.9858916781690623, 11.027247956403299, 5, 15, 0.000134566516484335),
    ]

    /// Relative tolerance against pingouin. Measured agreement: 1e-14 at
    /// worst (the p-values; the sums of squares are summed in another order
    /// and the F quantiles come from Boost rather than our inverse).
    static let tolerance = 1e-12

    func expectMatches(_ icc: IntraclassCorrelation, _ reference: [ICCForm: Reference],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        for form in ICCForm.allCases {
            let r = reference[form]!
            guard let e = icc[form].value else {
                Issue.record("\(form.rawValue) undefined: \(icc[form].reason ?? "")", sourceLocation: sourceLocation)
                continue
            }
            expectClose(e.value, r.value, relative: Self.tolerance, "\(form.rawValue) value", sourceLocation: sourceLocation)
            expectClose(e.ci95Lower, r.lower, relative: Self.tolerance, "\(form.rawValue) lower", sourceLocation: sourceLocation)
            expectClose(e.ci95Upper, r.upper, relative: Self.tolerance, "\(form.rawValue) upper", sourceLocation: sourceLocation)
            expectClose(e.f, r.f, relative: Self.tolerance, "\(form.rawValue) F", sourceLocation: sourceLocation)
            #expect(e.df1 == r.df1 && e.df2 == r.df2, "\(form.rawValue) df", sourceLocation: sourceLocation)
            expectClose(e.p, r.p, relative: Self.tolerance, "\(form.rawValue) p", sourceLocation: sourceLocation)
        }
    }

    @Test("Shrout & Fleiss (1979) Table 2: all six forms agree with pingouin")
    func shroutFleissTable() {
        let table = ReferenceData.shroutFleiss
        let icc = IntraclassCorrelation(table: table.flatMap { $0 }, units: 6, raters: 4)
        expectMatches(icc, Self.shroutFleiss)
        // The two decimals printed in the paper's Table 4.
        let printed: [ICCForm: Double] = [.icc1: 0.17, .icc2: 0.29, .icc3: 0.71, .icc1k: 0.44, .icc2k: 0.62, .icc3k: 0.91]
        for (form, value) in printed {
            expectNear(icc[form].value!.value, value, absolute: 0.005, "\(form.rawValue) as printed")
        }
    }

    @Test("sparse ratings of a complete design give the table's forms and the whole design as block")
    func sparseCompleteDesign() {
        let icc = IntraclassCorrelation(ReferenceData.ratings(units: ReferenceData.shroutFleiss))
        expectMatches(icc, Self.shroutFleiss)
        let block = icc.completeBlock.value!
        #expect(block.isWholeDesign)
        #expect(block.units == [0, 1, 2, 3, 4, 5] && block.raters == [0, 1, 2, 3])
        #expect(icc.oneWay == OneWayDesign(units: 6, ratings: 24, averageRatersPerUnit: 4))
    }

    @Test("the order of the ratings does not change a bit of the result")
    func orderIndependence() throws {
        let sorted = ReferenceData.ratings(units: ReferenceData.shroutFleiss)
        let order = Array((0..<sorted.count).reversed())
        let shuffled = try Ratings(unitCount: 6, raterCount: 4, unit: order.map { sorted.unit[$0] },
                                   rater: order.map { sorted.rater[$0] }, value: order.map { sorted.value[$0] })
        #expect(IntraclassCorrelation(shuffled) == IntraclassCorrelation(sorted))
    }

    @Test("the Wine data of pingouin (real-statistics.com): all six forms agree with pingouin")
    func wine() {
        // pingouin 0.7.0 `read_dataset("icc")`, 8 wines × 4 judges; same call as above.
        let table: [Double] = [1, 2, 0, 1, 1, 3, 3, 2, 3, 8, 1, 4, 6, 4, 3, 3, 6, 5, 5, 6, 7, 5, 6, 2, 8, 7, 7, 9, 9, 9, 9, 8]
        let reference: [ICCForm: Reference] = [
            .icc1: (0.727520915896081, 0.43377283327098887, 0.9266960292566442, 11.680025856496444, 7, 24, 2.1813509548618443e-06),
            .icc2: (0.7276887871853546, 0.4344896578911301, 0.9267086063159158, 11.7866927592955, 7, 21, 5.0257154640603615e-06),
            .icc3: (0.7294865007940708, 0.42614603012923313, 0.9278952614727314, 11.7866927592955, 7, 21, 5.0257154640603615e-06),
            .icc1k: (0.9143837511760474, 0.7539553231006357, 0.9806078670546005, 11.680025856496444, 7, 24, 2.1813509548618443e-06),
            .icc2k: (0.9144500359453631, 0.7544962191493993, 0.9806113877700278, 11.7866927592955, 7, 21, 5.0257154640603615e-06),
            .icc3k: (0.9151585588577121, 0.7481371241589805, 0.9809432541084128, 11.7866927592955, 7, 21, 5.0257154640603615e-06),
        ]
        expectMatches(IntraclassCorrelation(table: table, units: 8, raters: 4), reference)
    }

    @Test("unbalanced one-way ICC(1,1) and ICC(1,k) agree with a direct computation")
    func unbalancedOneWay() {
        // Shrout & Fleiss' table with 6 cells removed: group sizes 3, 3, 3, 2, 4, 3.
        // Reference: NumPy 2.4.6 + SciPy 1.17.1 by hand, from the formulas of
        // `OneWayANOVA` (Searle 1971 §11.5; Donner 1986 eq. 2.3):
        // n0 = (N − Σm²/N)/(g − 1) = 2.977777777777778, MSB = 9.855555555555556,
        // MSW = 6.416666666666668, F = MSB/MSW, p = f.sf(F, 5, 12),
        // limits with f.ppf(0.975, ·, ·) and k = n0.
        var table = ReferenceData.shroutFleiss.map { $0.map(Optional.some) }
        for (i, j) in [(0, 1), (1, 3), (2, 0), (3, 2), (3, 3), (5, 0)] { table[i][j] = nil }
        let icc = IntraclassCorrelation(ReferenceData.ratings(units: table))
        expectClose(icc.oneWay.averageRatersPerUnit, 2.977777777777778, relative: 1e-14)
        #expect(icc.oneWay.units == 6 && icc.oneWay.ratings == 18)
        let reference: [(ICCForm, Reference)] = [
            (.icc1, (0.15252566735112932, -0.255120488045371, 0.7518318631629705, 1.5359307359307357, 5, 12, 0.2508361700554183)),
            (.icc1k, (0.3489289740698984, -1.5334045623772603, 0.9002121059830954, 1.5359307359307357, 5, 12, 0.2508361700554183)),
        ]
        for (form, r) in reference {
            let e = icc[form].value!
            expectClose(e.value, r.value, relative: Self.tolerance, "\(form.rawValue)")
            expectClose(e.ci95Lower, r.lower, relative: Self.tolerance, "\(form.rawValue) lower")
            expectClose(e.ci95Upper, r.upper, relative: Self.tolerance, "\(form.rawValue) upper")
            expectClose(e.f, r.f, relative: Self.tolerance, "\(form.rawValue) F")
            #expect(e.df1 == r.df1 && e.df2 == r.df2)
            expectClose(e.p, r.p, relative: Self.tolerance, "\(form.rawValue) p")
        }
    }

    @Test("an incomplete design computes the two-way forms on the complete block, and says which")
    func incompleteDesignUsesBlock() {
        // Shrout & Fleiss' 6 × 4 table plus unit 6 rated by judges 0 and 1 and unit 7 by judge 2 only.
        var table = ReferenceData.shroutFleiss.map { $0.map(Optional.some) }
        table.append([3, 4, nil, nil])
        table.append([nil, nil, 5, nil])
        let icc = IntraclassCorrelation(ReferenceData.ratings(units: table))
        let block = icc.completeBlock.value!
        #expect(!block.isWholeDesign)
        #expect(block.units == [0, 1, 2, 3, 4, 5] && block.raters == [0, 1, 2, 3])
        for form in [ICCForm.icc2, .icc3, .icc2k, .icc3k] {
            expectClose(icc[form].value!.value, Self.shroutFleiss[form]!.value, relative: Self.tolerance)
            expectClose(icc[form].value!.ci95Lower, Self.shroutFleiss[form]!.lower, relative: Self.tolerance)
        }
        // The one-way forms use all 27 ratings of the 8 units.
        #expect(icc.oneWay.units == 8 && icc.oneWay.ratings == 27)
    }

    @Test("one rater: no unit has two ratings, every form undefined with a reason")
    func oneRater() throws {
        let ratings = try Ratings(unitCount: 4, raterCount: 1, unit: [0, 1, 2, 3], rater: [0, 0, 0, 0], value: [1, 2, 3, 4])
        let icc = IntraclassCorrelation(ratings)
        #expect(icc.icc1.reason == "no unit has two or more ratings")
        #expect(icc.icc1k.reason == "no unit has two or more ratings")
        #expect(icc.icc2.reason?.hasPrefix("no complete block of at least 2 raters × 3 units") == true)
        #expect(icc.icc3k.reason == icc.icc2.reason)
    }

    @Test("one unit: fewer than two rated units, every form undefined")
    func oneUnit() throws {
        let ratings = try Ratings(unitCount: 3, raterCount: 3, unit: [1, 1, 1], rater: [0, 1, 2], value: [5, 6, 7])
        let icc = IntraclassCorrelation(ratings)
        #expect(icc.icc1.reason == "needs at least 2 rated units (found 1)")
        #expect(icc.icc2.value == nil && icc.icc3.value == nil)
        let table = IntraclassCorrelation(table: [5, 6, 7], units: 1, raters: 3)
        #expect(table.icc3.reason == "needs at least 2 units (found 1)")
    }

    @Test("zero variance: every rating the same, every form undefined")
    func zeroVariance() {
        let icc = IntraclassCorrelation(table: Array(repeating: 7, count: 12), units: 4, raters: 3)
        for form in ICCForm.allCases {
            #expect(icc[form].reason == IntraclassCorrelation.zeroVariance, "\(form.rawValue)")
        }
    }

    @Test("all missing: no ratings at all, every form undefined")
    func allMissing() throws {
        let icc = IntraclassCorrelation(try Ratings(unitCount: 5, raterCount: 3, unit: [], rater: [], value: []))
        #expect(icc.icc1.reason == "needs at least 2 rated units (found 0)")
        #expect(icc.icc2.value == nil)
        #expect(icc.completeBlock.value == nil)
    }

    @Test("perfect agreement: value 1, F = +∞, p = 0, interval [1, 1]")
    func perfectAgreement() {
        let icc = IntraclassCorrelation(table: [1, 1, 1, 4, 4, 4, 6, 6, 6], units: 3, raters: 3)
        for form in [ICCForm.icc1, .icc1k, .icc3, .icc3k, .icc2, .icc2k] {
            let e = icc[form].value!
            #expect(e.value == 1 && e.f == .infinity && e.p == 0, "\(form.rawValue)")
        }
        #expect(icc.icc1.value!.ci95Lower == 1 && icc.icc3k.value!.ci95Upper == 1)
    }

    @Test("equal unit means: ICC(1,1) is −1/(k − 1) and ICC(1,k) undefined")
    func equalUnitMeans() {
        let icc = IntraclassCorrelation(table: [1, 2, 3, 3, 2, 1, 2, 1, 3], units: 3, raters: 3)
        expectClose(icc.icc1.value!.value, -0.5, relative: 1e-15)
        #expect(icc.icc1.value!.p == 1)
        #expect(icc.icc1k.value == nil)
    }

    @Test("an infinite F is encoded as null and decoded back as +∞")
    func codableInfinity() throws {
        let e = ICCEstimate(value: 1, ci95Lower: 1, ci95Upper: 1, f: .infinity, df1: 2, df2: 6, p: 0)
        let data = try JSONEncoder().encode(e)
        #expect(String(decoding: data, as: UTF8.self).contains("\"f\":null"))
        #expect(try JSONDecoder().decode(ICCEstimate.self, from: data) == e)
    }
}

import Testing
@testable import JuryEngine

@Suite("Cronbach's alpha")
struct CronbachAlphaTests {
    /// pingouin 0.7.0 `read_dataset("cronbach_alpha")`, "Questionnaire ratings",
    /// whose source pingouin lists as www.real-statistics.com (Zaiontz, Real
    /// Statistics Using Excel): 15 subjects × 10 questions, pivoted to wide
    /// form with the columns in the order Q1 … Q10.
    static let questionnaire: [UInt8] = [
        3, 2, 4, 1, 4, 5, 1, 4, 3, 2,
        5, 4, 6, 3, 5, 1, 2, 5, 5, 5,
        7, 3, 5, 5, 6, 4, 3, 3, 6, 5,
        2, 4, 3, 3, 2, 2, 2, 6, 6, 3,
        6, 5, 6, 5, 4, 4, 4, 6, 7, 5,
        1, 2, 3, 4, 2, 5, 2, 3, 5, 2,
        4, 3, 5, 3, 5, 2, 1, 2, 4, 3,
        2, 4, 4, 3, 7, 2, 2, 4, 6, 5,
        6, 5, 5, 5, 1, 6, 5, 2, 3, 2,
        5, 4, 6, 4, 3, 5, 3, 1, 7, 2,
        4, 3, 5, 2, 5, 3, 2, 3, 4, 1,
        4, 2, 3, 2, 5, 3, 4, 2, 3, 4,
        5, 5, 6, 2, 3, 3, 2, 4, 4, 5,
        6, 5, 5, 4, 2, 2, 1, 4, 6, 5,
        4, 3, 5, 5, 3, 1, 3, 2, 3, 4,
    ]

    @Test("the Real Statistics questionnaire agrees with pingouin's cronbach_alpha")
    func questionnaireData() {
        // pingouin 0.7.0 `cronbach_alpha(data, items="Items", scores="Scores", subject="Subj")`
        // returns 0.5917188485995826 and the interval rounded to [0.195, 0.84]; the
        // unrounded limits come from its own formula with SciPy 1.17.1:
        // 1 − (1 − α) · f.isf(0.025 | 0.975, 14, 126).
        let alpha = CronbachAlpha.compute(scores: Self.questionnaire, items: 10).value!
        expectClose(alpha.value, 0.5917188485995826, relative: 1e-13)
        expectClose(alpha.ci95Lower, 0.19492139066312175, relative: 1e-11)
        expectClose(alpha.ci95Upper, 0.8398208146275432, relative: 1e-11)
        #expect(alpha.items == 10 && alpha.observations == 15)
    }

    @Test("Shrout & Fleiss (1979) judges as items: alpha equals ICC(3,k) and pingouin")
    func equalsICC3k() {
        // pingouin 0.7.0 `cronbach_alpha(DataFrame(table))` = 0.9093155423770694;
        // limits by the same formula as above (F(5, 15)).
        let table = ReferenceData.shroutFleiss.flatMap { $0 }
        let alpha = CronbachAlpha.compute(values: table, items: 4).value!
        expectClose(alpha.value, 0.9093155423770694, relative: 1e-13)
        expectClose(alpha.ci95Lower, 0.6756747138163043, relative: 1e-11)
        expectClose(alpha.ci95Upper, 0.9858916781690623, relative: 1e-11)
        let icc3k = IntraclassCorrelation(table: table, units: 6, raters: 4).icc3k.value!
        expectClose(alpha.value, icc3k.value, relative: 1e-13)
    }

    @Test("the integer and real entry points agree, also on a slice of a larger matrix")
    func integerAndRealAgree() {
        let padded = [UInt8](repeating: 9, count: 20) + Self.questionnaire
        let slice = padded[20...]
        let fromSlice = CronbachAlpha.compute(scores: slice, items: 10).value!
        let fromDoubles = CronbachAlpha.compute(values: Self.questionnaire.map(Double.init), items: 10).value!
        #expect(fromSlice == fromDoubles)
    }

    @Test("one item (one rater's column): undefined")
    func oneItem() {
        #expect(CronbachAlpha.compute(values: [1, 2, 3], items: 1).reason == "needs at least 2 items (found 1)")
    }

    @Test("one observation (one unit): undefined")
    func oneObservation() {
        #expect(CronbachAlpha.compute(values: [1, 2, 3], items: 3).reason == "needs at least 2 observations (found 1)")
    }

    @Test("zero variance: every sheet with the same scores, undefined")
    func zeroVariance() {
        let result = CronbachAlpha.compute(scores: [UInt8](repeating: 4, count: 21), items: 7)
        #expect(result.reason == "the total score has zero variance")
    }

    @Test("all missing: an empty matrix, undefined")
    func allMissing() {
        #expect(CronbachAlpha.compute(values: [], items: 7).reason == "needs at least 2 observations (found 0)")
    }
}

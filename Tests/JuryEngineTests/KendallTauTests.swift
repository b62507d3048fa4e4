import Testing
@testable import JuryEngine

@Suite("KendallTau")
struct KendallTauTests {
    /// Reference values: scipy 1.17.1, `scipy.stats.kendalltau(x, y).statistic` (variant b).
    static let tolerance = 1e-12

    @Test("scipy's documented example with ties in x and y: −0.4714045207910316")
    func scipyDocumentedExample() throws {
        let tau = KendallTau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])
        // Counted by hand: 10 pairs, 2 tied in x, 1 in y, 1 in both, 2 concordant, 6 discordant.
        #expect(tau.pairs == 10)
        #expect(tau.tiedX == 2)
        #expect(tau.tiedY == 1)
        #expect(tau.tiedBoth == 1)
        #expect(tau.concordant == 2)
        #expect(tau.discordant == 6)
        let value = try #require(tau.tauB)
        #expect(abs(value - -0.4714045207910316) < Self.tolerance)
    }

    @Test("ties in both vectors agree with scipy: 0.8406728074767076")
    func tiesInBoth() throws {
        let tau = KendallTau([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 6])
        #expect(abs(try #require(tau.tauB) - 0.8406728074767076) < Self.tolerance)
    }

    @Test("fractional scores with ties agree with scipy: 0.7412493166611013")
    func fractionalScores() throws {
        let tau = KendallTau([1.0, 2.5, 2.5, 4.0, 7.25, 7.25], [10, 30, 20, 20, 50, 40])
        #expect(abs(try #require(tau.tauB) - 0.7412493166611013) < Self.tolerance)
    }

    @Test("300 entries with heavy ties agree with scipy (0.2069804246923301) and with pair counting")
    func largeAgainstScipyAndBruteForce() throws {
        // x_i = (37 i + 11) mod 13,  y_i = (7 i² + 3) mod 11 + ⌊x_i / 4⌋, i = 0 … 299.
        let xs: [Int] = (0..<300).map { i in (37 * i + 11) % 13 }
        let ys: [Int] = (0..<300).map { i in (7 * i * i + 3) % 11 + xs[i] / 4 }
        let x = xs.map(Double.init), y = ys.map(Double.init)
        let tau = KendallTau(x, y)
        #expect(abs(try #require(tau.tauB) - 0.2069804246923301) < Self.tolerance)
        var concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedBoth = 0
        for i in 0..<300 {
            for j in (i + 1)..<300 {
                let s = (x[i] - x[j]) * (y[i] - y[j])
                if s > 0 { concordant += 1 } else if s < 0 { discordant += 1 }
                if x[i] == x[j] { tiedX += 1 }
                if y[i] == y[j] { tiedY += 1 }
                if x[i] == x[j] && y[i] == y[j] { tiedBoth += 1 }
            }
        }
        #expect(tau.concordant == concordant)
        #expect(tau.discordant == discordant)
        #expect(tau.tiedX == tiedX)
        #expect(tau.tiedY == tiedY)
        #expect(tau.tiedBoth == tiedBoth)
    }

    @Test("the same order with ties gives 1, the reversed order −1")
    func perfectAgreementAndReversal() {
        #expect(KendallTau([3.5, 1, 2, 2], [0.5, -1, 0, 0]).tauB == 1)
        #expect(KendallTau([1, 2, 3], [3, 2, 1]).tauB == -1)
    }

    @Test("pooled counts give the tau-b stratified by unit, with no pairs across units")
    func pooledIsStratified() throws {
        // Unit 1: 6 pairs, 5 concordant, 1 discordant (tau 2/3).
        // Unit 2: 3 pairs, one tied in x, one tied in y, 1 concordant (tau 1/2).
        // Pooled: (5 − 1 + 1) / sqrt((6 + 2) · (6 + 2)) = 5/8.
        let unit1 = KendallTau([1, 2, 3, 4], [1, 3, 2, 4])
        let unit2 = KendallTau([5, 5, 6], [1, 2, 2])
        #expect(abs(try #require(unit1.tauB) - 0.6666666666666669) < Self.tolerance)
        #expect(abs(try #require(unit2.tauB) - 0.49999999999999994) < Self.tolerance)
        let pooled = KendallTau.pooled([unit1, unit2])
        #expect(pooled.n == 7)
        #expect(pooled.pairs == 9)
        #expect(abs(try #require(pooled.tauB) - 0.625) < Self.tolerance)
    }

    @Test("a constant vector has no tau-b (scipy: NaN)")
    func constantVector() {
        #expect(KendallTau([1, 1, 1], [1, 2, 3]).tauB == nil)
        #expect(KendallTau([1, 2, 3], [4, 4, 4]).tauB == nil)
    }

    @Test("fewer than two entries have no pairs and no tau-b")
    func fewerThanTwoEntries() {
        #expect(KendallTau([], []).tauB == nil)
        let one = KendallTau([1], [2])
        #expect(one.pairs == 0)
        #expect(one.tauB == nil)
        #expect(KendallTau.pooled([]).tauB == nil)
    }
}

import Testing
@testable import JuryEngine

/// Reference values from SciPy 1.17.1 (NumPy 2.4.6), printed with `repr` from
/// `scipy.stats.f.cdf/sf/ppf/isf`, `scipy.stats.chi2.cdf/sf`,
/// `scipy.stats.t.cdf/ppf`, `scipy.special.ndtr/ndtri`,
/// `scipy.special.betainc/betaincc` and `scipy.special.gammainc/gammaincc`
/// (SciPy computes these with Boost.Math and Cephes). The F and chi-squared
/// rows include the statistics of the reference examples (Shrout & Fleiss
/// 1979; the anxiety data of Kendall's W) and degrees of freedom of the size
/// of a 10-million-sheet one-way ANOVA.
@Suite("Distributions")
struct DistributionTests {
    /// Relative tolerance of the whole suite: the contract is ~1e-10.
    static let tolerance = 1e-10

    @Test("F cdf and survival agree with scipy.stats.f, both tails")
    func fTails() {
        let cases: [(d1: Double, d2: Double, f: Double, cdf: Double, sf: Double)] = [
        (1.0, 1.0, 0.5, 0.39182655203060723, 0.6081734479693928),
        (5.0, 18.0, 1.7946784922394683, 0.8352311916553605, 0.16476880834463953),
        (5.0, 15.0, 11.027247956403299, 0.9998654334835155, 0.000134566516484335),
        (2.0, 3.0, 4.0, 0.8575728269453382, 0.14242717305466185),
        (0.5, 7.3, 2.0, 0.8223328598017914, 0.17766714019820848),
        (10.0, 1000000.0, 1.1, 0.6424807120740526, 0.3575192879259474),
        (1999999.0, 8000000.0, 1.001, 0.8144174273103048, 0.18558257268969525),
        (1999999.0, 8000000.0, 0.999, 0.18551081668550742, 0.8144891833144926),
        (5.0, 15.0, 1000.0, 1.0, 2.269152408040151e-18),
        (100.0, 100.0, 10.0, 1.0, 4.452739341551156e-26),
        (3.0, 2.0, 0.01, 0.0017965438636103376, 0.9982034561363896),
        (7.0, 21.0, 0.2, 0.018060249959570493, 0.9819397500404297),
        (1.0, 5.0, 1e-06, 0.0007592132278023495, 0.9992407867721976),
        (200.0, 3.0, 50.0, 0.9961474438072008, 0.003852556192799189),
        ]
        for c in cases {
            let dist = FDistribution(d1: c.d1, d2: c.d2)
            expectClose(dist.cdf(c.f), c.cdf, relative: Self.tolerance, "cdf \(c)")
            expectClose(dist.survival(c.f), c.sf, relative: Self.tolerance, "sf \(c)")
        }
    }

    @Test("F quantiles agree with scipy.stats.f.ppf and isf")
    func fQuantiles() {
        let cases: [(d1: Double, d2: Double, p: Double, ppf: Double, isf: Double)] = [
        (5.0, 18.0, 0.975, 3.381967805875243, 0.15718616136624458),
        (18.0, 5.0, 0.975, 6.361883204654352, 0.29568584250351937),
        (5.0, 15.0, 0.975, 3.5764153492790607, 0.15557596307848715),
        (15.0, 5.0, 0.975, 6.427728167078779, 0.2796095817566552),
        (5.0, 3.7215, 0.975, 10.376873779420698, 0.13377937818933372),
        (3.7215, 5.0, 0.975, 7.474993631565035, 0.0963681375775418),
        (1.0, 1.0, 0.5, 1.0, 1.0),
        // isf: closed form 1.5 (q^(−2/3) − 1) in mpmath 1.3.0 at 40 digits; SciPy 1.17.1 says 323163.70242223074 (3e-9 off).
        (2.0, 3.0, 1e-08, 1.0000000083333335e-08, 323163.70350478256),
        (10.0, 1000000.0, 0.025, 0.32469650637938263, 2.048330519867878),
        (1999999.0, 8000000.0, 0.975, 1.0021929781656178, 0.9978103632952517),
        (0.5, 0.5, 0.3, 0.09946612680588497, 10.053673869814677),
        // isf: closed form (2/y − 2)/100 with y = 1 − (1 − q)^(1/50), mpmath 1.3.0; SciPy 1.17.1 says 9999999172.08636 (8e-8 off).
        (100.0, 2.0, 1e-10, 0.03419427727623911, 9999999999.49),
        (7.0, 24.0, 0.975, 2.8738081880378883, 0.22650061421488363),
        (24.0, 7.0, 0.975, 4.414999065085488, 0.34797033572472236),
        ]
        for c in cases {
            let dist = FDistribution(d1: c.d1, d2: c.d2)
            expectClose(dist.quantile(c.p), c.ppf, relative: Self.tolerance, "ppf \(c)")
            expectClose(dist.survivalQuantile(c.p), c.isf, relative: Self.tolerance, "isf \(c)")
        }
    }

    @Test("chi-squared cdf and survival agree with scipy.stats.chi2")
    func chiSquared() {
        let cases: [(k: Double, x: Double, cdf: Double, sf: Double)] = [
        (1.0, 3.841458820694124, 0.9500000000000001, 0.04999999999999989),
        (19.0, 30.760441929399082, 0.9571165268730522, 0.04288347312694786),
        (7.0, 13.777777777777777, 0.9447220701084255, 0.0552779298915745),
        (0.5, 0.01, 0.2930808947210196, 0.7069191052789804),
        (100.0, 150.0, 0.9990960679576459, 0.0009039320423540184),
        (1000000.0, 1001000.0, 0.7603231951744785, 0.2396768048255214),
        (2.0, 1000.0, 1.0, 7.124576406741474e-218),
        (3.0, 0.001, 8.40791905804616e-06, 0.9999915920809419),
        (50.0, 20.0, 4.694938142679987e-05, 0.9999530506185732),
        ]
        for c in cases {
            let dist = ChiSquaredDistribution(k: c.k)
            expectClose(dist.cdf(c.x), c.cdf, relative: Self.tolerance, "cdf \(c)")
            expectClose(dist.survival(c.x), c.sf, relative: Self.tolerance, "sf \(c)")
        }
    }

    @Test("Student t cdf agrees with scipy.stats.t.cdf")
    func studentT() {
        let cases: [(nu: Double, t: Double, cdf: Double)] = [
        (1.0, -3.0, 0.10241638234956672),
        (5.0, -2.0, 0.050969739414929174),
        (10.0, 3.0, 0.9933281724887152),
        (2.5, 0.7, 0.728297528405226),
        (1000000.0, -1.96, 0.024998033792634926),
        (30.0, -10.0, 2.287625704114809e-11),
        (3.0, -10000.0, 1.102657751147905e-12),
        ]
        for c in cases {
            let dist = StudentTDistribution(nu: c.nu)
            expectClose(dist.cdf(c.t), c.cdf, relative: Self.tolerance, "cdf \(c)")
            expectClose(dist.survival(-c.t), c.cdf, relative: Self.tolerance, "sf \(c)")
        }
    }

    @Test("Student t quantile agrees with scipy.stats.t.ppf")
    func studentTQuantile() {
        let cases: [(nu: Double, p: Double, ppf: Double)] = [
        (1.0, 0.975, 12.706204736174694),
        (2.0, 0.975, 4.302652729749462),
        (5.0, 0.975, 2.5705818356363146),
        (30.0, 0.975, 2.0422724563012378),
        (1000000.0, 0.975, 1.959966356814107),
        (0.7, 0.9, 5.009947959646406),
        (3.0, 1e-10, -2225.769284683093),
        (14.0, 0.3, -0.5365521798074557),
        (120.0, 0.995, 2.6174211451068654),
        ]
        for c in cases {
            let dist = StudentTDistribution(nu: c.nu)
            expectClose(dist.quantile(c.p), c.ppf, relative: Self.tolerance, "ppf \(c)")
            if c.p >= 1e-3 {
                // 1 − p is rounded for tiny p, which moves a far quantile: check symmetry in the body only.
                expectClose(dist.quantile(1 - c.p), -c.ppf, relative: Self.tolerance, "symmetry \(c)")
            }
        }
        #expect(StudentTDistribution(nu: 4).quantile(0.5) == 0)
    }

    @Test("standard normal cdf and quantile agree with scipy.special.ndtr and ndtri")
    func normal() {
        let cdfs: [(z: Double, cdf: Double)] = [
        (-1.96, 0.024997895148220435),
        (-37.0, 5.7255712225239266e-300),
        (5.0, 0.9999997133484281),
        (0.0, 0.5),
        (0.3, 0.6179114221889526),
        (-8.5, 9.47953482220325e-18),
        (2.5, 0.9937903346742238),
        ]
        for c in cdfs {
            expectClose(NormalDistribution.cdf(c.z), c.cdf, relative: Self.tolerance, "cdf \(c)")
        }
        let quantiles: [(p: Double, ppf: Double)] = [
        (0.975, 1.959963984540054),
        (1e-300, -37.0470962993612),
        (0.3, -0.5244005127080409),
        (0.9999999999, 6.361340889697422),
        (0.5000001, 2.506628273311648e-07),
        (1e-05, -4.264890793922825),
        (0.9, 1.2815515655446004),
        ]
        for c in quantiles {
            // 0.5000001 and 1 − 1e-10 carry the rounding of p itself: the tolerance is on z.
            expectClose(NormalDistribution.quantile(c.p), c.ppf, relative: 1e-9, "ppf \(c)")
        }
    }

    @Test("regularized incomplete beta agrees with scipy.special.betainc, both tails")
    func incompleteBeta() {
        let cases: [(a: Double, b: Double, x: Double, lower: Double, upper: Double)] = [
        (0.5, 0.5, 0.3, 0.36901011956554536, 0.6309898804344546),
        (2.0, 3.0, 0.4, 0.5247999999999999, 0.47519999999999996),
        (100.0, 200.0, 0.3, 0.10884306564490986, 0.8911569343550902),
        (500000.0, 500000.0, 0.5005, 0.8413447460685569, 0.15865525393145347),
        (1.0, 10000000.0, 1e-07, 0.6321205772225305, 0.3678794227774695),
        (0.1, 10.0, 0.01, 0.8244896709066988, 0.17551032909330125),
        (30.0, 0.5, 0.999, 0.8072373061595369, 0.19276269384046296),
        (1000.0, 1000.0, 0.4, 8.231611354869135e-20, 1.0),
        ]
        for c in cases {
            let t = IncompleteBeta.tails(a: c.a, b: c.b, x: c.x, y: 1 - c.x)
            expectClose(t.lower, c.lower, relative: Self.tolerance, "lower \(c)")
            expectClose(t.upper, c.upper, relative: Self.tolerance, "upper \(c)")
        }
    }

    @Test("inverse incomplete beta returns the point it was given")
    func incompleteBetaRoundTrip() {
        for (a, b) in [(0.5, 0.5), (2.0, 3.0), (0.1, 10.0), (50.0, 0.5), (1e5, 3.0), (3.0, 1e5)] {
            for p in [1e-12, 0.01, 0.3, 0.5, 0.9, 0.999] {
                let (x, y) = IncompleteBeta.inverse(a: a, b: b, p: p, q: 1 - p)
                let t = IncompleteBeta.tails(a: a, b: b, x: x, y: y)
                expectClose(p < 0.5 ? t.lower : t.upper, p < 0.5 ? p : 1 - p, relative: 1e-11, "a \(a) b \(b) p \(p)")
                expectClose(x + y, 1, relative: 4 * Double.ulpOfOne)
            }
        }
    }

    @Test("regularized incomplete gamma agrees with scipy.special.gammainc, both tails")
    func incompleteGamma() {
        let cases: [(a: Double, x: Double, lower: Double, upper: Double)] = [
        (0.5, 0.01, 0.11246291601828491, 0.887537083981715),
        (3.0, 10.0, 0.9972306042844884, 0.0027693957155115775),
        (10000.0, 10050.0, 0.6923424407025657, 0.3076575592974344),
        (50.0, 5.0, 2.181059214078525e-32, 1.0),
        (1.0, 1.0, 0.6321205588285577, 0.36787944117144245),
        (0.5, 30.0, 0.9999999999999906, 9.485737571073857e-15),
        (1000000.0, 999000.0, 0.15865521357430365, 0.8413447864256963),
        ]
        for c in cases {
            let t = IncompleteGamma.tails(a: c.a, x: c.x)
            expectClose(t.lower, c.lower, relative: Self.tolerance, "P \(c)")
            expectClose(t.upper, c.upper, relative: Self.tolerance, "Q \(c)")
        }
    }

    @Test("edge arguments: zero, infinity and the ends of [0, 1]")
    func edges() {
        let f = FDistribution(d1: 3, d2: 7)
        #expect(f.cdf(0) == 0 && f.survival(0) == 1)
        #expect(f.cdf(-1) == 0)
        #expect(f.survival(.infinity) == 0)
        #expect(f.quantile(0) == 0 && f.quantile(1) == .infinity)
        #expect(ChiSquaredDistribution(k: 4).survival(0) == 1)
        #expect(NormalDistribution.quantile(0) == -.infinity && NormalDistribution.quantile(1) == .infinity)
        #expect(StudentTDistribution(nu: 3).cdf(0) == 0.5)
    }
}

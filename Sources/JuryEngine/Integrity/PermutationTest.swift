#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One-sided two-sample permutation test that a group of an expert's sheets
/// carries larger values than the rest.
///
/// Statistic: T, the sum of the n group values among all N values x. Under
/// the null hypothesis the group labels are exchangeable, so the group is a
/// uniform random n-subset S, and p = P(T* ≥ t) with T* = Σ_{i∈S} x_i. The
/// difference of means, T/n − (Σx − T)/(N − n), increases with T, so this is
/// also the test of the difference of means (Good 2005, "Permutation,
/// Parametric, and Bootstrap Tests of Hypotheses", 3rd ed., §3.7.2).
///
/// The p-value is computed one of five ways (`Method`):
/// - `exact`: when C(N, n) ≤ B, every subset is enumerated and
///   p = #{S : T_S ≥ t}/C(N, n) (the observed subset counts).
/// - `sequential`: random relabellings are drawn until h = 10 of them reach
///   t; after L draws, p = h/L (Besag & Clifford 1991, "Sequential Monte
///   Carlo p-values", Biometrika 78:301–304, doi:10.1093/biomet/78.2.301).
///   An unremarkable group stops after a few dozen draws: for a p-value
///   uniform under the null the expected number of draws is about
///   h(1 + ln(B/h)) ≈ 56 at B = 999, against B for a fixed-size test.
/// - `monteCarlo`: B draws gave b < h exceedances; p = (b + 1)/(B + 1), the
///   classical Monte Carlo p-value, valid for any B (Davison & Hinkley 1997,
///   "Bootstrap Methods and their Application", eq. 4.11).
/// - `tailCount` and `saddlepoint`: none of the B draws reached t, so the
///   tail is below what B draws can resolve. This matters because
///   Benjamini–Hochberg over m tests needs p ≤ α·k/m for k discoveries:
///   with m ≈ 8 000 tests, ten real findings need p ≤ 6e-5, which 999 draws
///   cannot show and a million draws per finding cost too much at 10 million
///   sheets. So the tail is computed rather than sampled. First the double
///   saddlepoint approximation p̂ (`saddlepointUpperTail`) estimates how
///   many subsets reach t; when that is at most `tailCountLimit`, they are
///   counted exactly by branch and bound (`tailCount`) and
///   p = count/C(N, n) exactly (`tailCount`). Otherwise — a large group,
///   where the count is astronomical but the saddlepoint is accurate —
///   p = max(1/C(N, n), min(1/(B + 1), p̂)) (`saddlepoint`); 1/C(N, n) is
///   the smallest p the exact test can give. The saddlepoint alone would not
///   do for small groups: on sheet excesses (a lattice of quarter points) it
///   under-states the exact tail of 3 to 5 of 50 sheets by up to half.
///   Either way only a test whose Monte Carlo p-value is already at its
///   floor is refined, so validity rests on the exact count or on the
///   approximation of an exact tail, never on chance.
///
/// Ties count as exceedances (within 1e-9 of the sum of |x|), so rounding in
/// the order of summation cannot make a tie look like an exceedance or not.
///
/// Complexity: O(draws · min(n, N − n)) for the Monte Carlo forms (a partial
/// Fisher–Yates shuffle per draw, on the smaller of group and complement),
/// O(C(N, n) · n) for the exact form, O(N) per Newton step (about ten) for
/// the saddlepoint, and at most `tailCountBudget` steps for the tail count.
public enum PermutationTest {
    /// How a p-value was obtained.
    public enum Method: String, Sendable, Hashable, Codable {
        case exact
        case sequential
        case monteCarlo = "monte_carlo"
        case tailCount = "tail_count"
        case saddlepoint
    }

    /// A p-value with how it was obtained.
    public struct Outcome: Sendable, Hashable, Codable {
        public var pValue: Double
        public var method: Method
        /// Relabellings enumerated or drawn.
        public var permutations: Int
        /// Of those, how many reached the observed sum.
        public var exceedances: Int

        enum CodingKeys: String, CodingKey {
            case pValue = "p_value"
            case method, permutations, exceedances
        }
    }

    /// h of Besag & Clifford: exceedances after which the sequential test
    /// stops. They suggest 10 to 20; with 10 the p-value of an unremarkable
    /// group is estimated to about ±30 %, which no decision near α depends on.
    public static let sequentialHits = 10

    /// Tails estimated to hold at most this many subsets are counted exactly.
    public static let tailCountLimit = 100_000

    /// Steps after which a tail count gives up (for the saddlepoint).
    public static let tailCountBudget = 2_000_000

    /// P(T* ≥ t) for the sum T* of a uniform random `groupSize`-subset of `values`.
    ///
    /// - Parameters:
    ///   - values: all N values, group and others (their order is irrelevant).
    ///   - groupSize: n, with 0 < n < N.
    ///   - observedSum: t, the sum of the group's values.
    ///   - maxDraws: B ≥ 1.
    ///   - seed: seeds the draws; the same arguments always give the same outcome.
    public static func upperTail(values: [Double], groupSize: Int, observedSum: Double, maxDraws: Int,
                                 seed: UInt64) -> Outcome {
        var scratch = values
        return values.withUnsafeBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { s in
                upperTail(values: x, groupSize: groupSize, observedSum: observedSum, maxDraws: maxDraws, seed: seed, scratch: s)
            }
        }
    }

    /// The kernel of `upperTail(values:groupSize:observedSum:maxDraws:seed:)`;
    /// `scratch` holds N doubles and is overwritten.
    static func upperTail(values x: UnsafeBufferPointer<Double>, groupSize n: Int, observedSum t: Double, maxDraws: Int,
                          seed: UInt64, scratch: UnsafeMutableBufferPointer<Double>) -> Outcome {
        let count = x.count
        precondition(n > 0 && n < count && maxDraws >= 1 && scratch.count >= count)
        var total = 0.0, mass = 1.0
        for v in x {
            total += v
            mass += abs(v)
        }
        let tolerance = 1e-9 * mass
        if let subsets = binomial(count, n, atMost: maxDraws) {
            let hits = exactExceedances(values: x, groupSize: n, threshold: t - tolerance)
            return Outcome(pValue: Double(hits) / Double(subsets), method: .exact, permutations: subsets, exceedances: hits)
        }
        // Draw the smaller side: the complement's sum u gives T* = total − u.
        let complement = n > count - n
        let k = complement ? count - n : n
        let bound = complement ? total - t + tolerance : t - tolerance
        for i in 0..<count { scratch[i] = x[i] }
        var rng = SeededGenerator(seed: seed)
        var hits = 0
        var draws = 0
        while draws < maxDraws {
            draws += 1
            var u = 0.0
            for i in 0..<k {
                // A swap that adds the drawn value from a register: reading it
                // back from scratch[i] would wait on the store just made.
                let j = i + Int(bounded(UInt64(count - i), &rng))
                let drawn = scratch[j]
                scratch[j] = scratch[i]
                scratch[i] = drawn
                u += drawn
            }
            if complement ? u <= bound : u >= bound {
                hits += 1
                if hits == sequentialHits {
                    return Outcome(pValue: Double(hits) / Double(draws), method: .sequential, permutations: draws, exceedances: hits)
                }
            }
        }
        let floor = 1 / Double(maxDraws + 1)
        if hits == 0, let tail = saddlepointUpperTail(values: x, groupSize: n, observedSum: t) {
            let logSubsets = logBinomial(count, n)
            if tail * exp(logSubsets) <= Double(tailCountLimit),
               let exact = tailCount(values: x, groupSize: n, threshold: t - tolerance, budget: tailCountBudget) {
                return Outcome(pValue: exp(log(exact) - logSubsets), method: .tailCount, permutations: draws, exceedances: 0)
            }
            return Outcome(pValue: max(exp(-logSubsets), min(floor, tail)), method: .saddlepoint, permutations: draws, exceedances: 0)
        }
        return Outcome(pValue: Double(hits + 1) * floor, method: .monteCarlo, permutations: draws, exceedances: hits)
    }

    /// The number of n-subsets of `values` whose sum is at least `threshold`,
    /// by branch and bound over the values sorted in descending order: a
    /// subset is built from its largest member down, a branch is cut when even
    /// its largest completion falls short, and counted whole, C(rest, k), when
    /// even its smallest completion reaches the threshold. The cost follows
    /// the number of subsets near the threshold, so a far tail is cheap. The
    /// smaller of group and complement is counted (k-subsets of the negated
    /// values for the complement), which keeps the recursion k deep.
    ///
    /// - Returns: nil when more than `budget` steps would be needed.
    static func tailCount(values x: UnsafeBufferPointer<Double>, groupSize n: Int, threshold: Double, budget: Int) -> Double? {
        let count = x.count
        var total = 0.0
        for v in x { total += v }
        let complement = n > count - n
        let size = complement ? count - n : n
        let v = x.map { complement ? -$0 : $0 }.sorted(by: >)
        var prefix = [Double](repeating: 0, count: count + 1)
        for i in 0..<count { prefix[i + 1] = prefix[i] + v[i] }
        var steps = 0
        // k-subsets of v[start...] with sum ≥ need, by their largest member v[i].
        func subsets(from start: Int, _ k: Int, _ need: Double) -> Double? {
            if k == 0 { return need <= 0 ? 1 : 0 }
            var found = 0.0
            var i = start
            while i <= count - k {
                steps += 1
                if steps > budget { return nil }
                if prefix[i + k] - prefix[i] < need { break }
                if prefix[count] - prefix[count - k] >= need {
                    found += exp(logBinomial(count - i, k)).rounded()
                    break
                }
                guard let rest = subsets(from: i + 1, k - 1, need - v[i]) else { return nil }
                found += rest
                i += 1
            }
            return found
        }
        return subsets(from: 0, size, complement ? threshold - total : threshold)
    }

    /// C(n, k) when it is at most `limit`, else nil.
    static func binomial(_ n: Int, _ k: Int, atMost limit: Int) -> Int? {
        let k = min(k, n - k)
        var c = 1
        for i in 0..<k {
            // c · (n − i) / (i + 1) is exact: c · (n − i) is divisible by i + 1.
            let (product, overflow) = c.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            c = product / (i + 1)
            if c > limit { return nil }
        }
        return c
    }

    /// 1/C(N, n), the smallest exact permutation p-value.
    static func exactMinimum(_ count: Int, _ n: Int) -> Double {
        exp(-logBinomial(count, n))
    }

    /// Number of n-subsets whose sum is at least `threshold`, by enumeration
    /// in lexicographic order.
    static func exactExceedances(values x: UnsafeBufferPointer<Double>, groupSize n: Int, threshold: Double) -> Int {
        let count = x.count
        var index = Array(0..<n)
        var hits = 0
        while true {
            var sum = 0.0
            for i in index { sum += x[i] }
            if sum >= threshold { hits += 1 }
            // Advance the rightmost index that can move.
            var i = n - 1
            while i >= 0 && index[i] == count - n + i { i -= 1 }
            if i < 0 { return hits }
            index[i] += 1
            for j in (i + 1)..<n { index[j] = index[j - 1] + 1 }
        }
    }
}

extension PermutationTest {
    /// A uniform integer in 0 ..< range without modulo bias (Lemire 2019,
    /// "Fast random integer generation in an interval", ACM TOMACS 29(1):3,
    /// doi:10.1145/3230636).
    @inline(__always)
    static func bounded(_ range: UInt64, _ rng: inout SeededGenerator) -> UInt64 {
        var m = rng.next().multipliedFullWidth(by: range)
        if m.low < range {
            let threshold = (0 &- range) % range
            while m.low < threshold { m = rng.next().multipliedFullWidth(by: range) }
        }
        return m.high
    }

    /// A seed for one test from the competition's seed and a key that names
    /// the test, so that a result does not depend on the order in which tests
    /// run: SplitMix64's finaliser (Steele, Lea & Flood 2014, "Fast splittable
    /// pseudorandom number generators", doi:10.1145/2660193.2660195) applied
    /// to the seed and to each key part in turn.
    static func seed(_ base: UInt64, _ parts: UInt64...) -> UInt64 {
        var h = mix(base)
        for p in parts { h = mix(h ^ p) }
        return h
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a 64 of a string's UTF-8 bytes: a stable hash (Swift's `Hasher`
    /// is seeded per process), so a test's seed follows from the ids alone.
    static func stableHash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { stableHash(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `stableHash` of a row of a text column, without making the `String`.
    static func stableHash(utf8: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}

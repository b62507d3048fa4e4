import Foundation
import JuryEngine

/// The independent random streams of a synthetic data set. Each part of the
/// generator draws from its own stream (and the sheets from one stream per
/// block of courses), so a part's draws do not depend on how many draws
/// another part made, nor on how many threads write the sheets. Streams
/// marked "per year" are keyed by the year's index as well; the others are
/// the same every year (the institution, its experts and their marks).
enum RandomStream: UInt64 {
    /// Departments, experts, criterion offsets.
    case institution = 1
    /// Severe, lenient and favouring experts.
    case marks
    /// Expert names.
    case experts
    /// Per year: the courses' departments, qualities and author counts.
    case cohort
    /// Per year: the yearly step of each expert's severity.
    case drift
    /// Per year: where the anomalies go.
    case planting
    /// Per year and block: assignments and scores.
    case sheets
    /// Per year and block: author names.
    case authors
    /// Per year and block: `moocs.csv` values.
    case courses
    /// Per year: ballots.
    case votes
}

extension SeededGenerator {
    /// The generator of stream `stream`, year `year` (an index from 0) and
    /// block `index`, for seed `seed`.
    ///
    /// The inputs are mixed with the SplitMix64 finaliser (Steele, Lea &
    /// Flood 2014, doi:10.1145/2714064.2660195) before they seed xoshiro256**:
    /// feeding `seed + k` directly would make neighbouring streams share state
    /// words, since `SeededGenerator(seed:)` itself steps a SplitMix64 sequence.
    init(seed: UInt64, stream: RandomStream, year: Int = 0, index: Int = 0) {
        func mix(_ value: UInt64) -> UInt64 {
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let key = mix(mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(year)) &+ UInt64(index))
        self.init(seed: mix(seed ^ key) ^ key)
    }

    /// A uniform integer in `0 ..< n` (n ≥ 1) by the multiply-high mapping
    /// (Lemire 2019, doi:10.1145/3230636, without its rejection step): the
    /// bias is below n / 2^64, and the result depends on nothing but the
    /// generator, unlike the standard library's `Int.random(in:using:)`.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        assert(n >= 1)
        return Int(truncatingIfNeeded: UInt64(n).multipliedFullWidth(by: next()).high)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }
}

/// Standard normal draws by the polar method (Marsaglia & Bray 1964, "A
/// convenient method for generating normal variables", SIAM Review 6(3),
/// doi:10.1137/1006063): draw (u, v) uniform on the square [−1, 1)², keep it
/// when 0 < s = u² + v² < 1 (probability π/4), and return u·f and then v·f
/// with f = √(−2 ln s / s). Exact in distribution, unlike sums of uniforms;
/// it needs `log`, the only libm call in the generator. The same seed gives
/// the same bytes on one platform; across platforms only where `log` returns
/// the same doubles (it need not be correctly rounded; untested off Linux).
struct NormalSampler {
    var generator: SeededGenerator
    private var spare = 0.0
    private var hasSpare = false

    init(_ generator: SeededGenerator) {
        self.generator = generator
    }

    @inline(__always)
    mutating func next() -> Double {
        if hasSpare {
            hasSpare = false
            return spare
        }
        while true {
            let u = 2 * generator.nextUnit() - 1
            let v = 2 * generator.nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let f = (-2 * Foundation.log(s) / s).squareRoot()
                spare = v * f
                hasSpare = true
                return u * f
            }
        }
    }
}

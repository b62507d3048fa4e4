import Foundation
import JuryEngine

/// The independent random streams of one bundle. Each part of the generator
/// draws from its own stream (and the sheets from one stream per block of
/// courses), so a part's draws do not depend on how many draws another part
/// made, nor on how many threads write the sheets.
enum RandomStream: UInt64 {
    case structure = 1
    case planting
    case sheets
    case people
    case courses
    case votes
}

extension SeededGenerator {
    /// The generator of stream `stream`, block `index`, for bundle seed `seed`.
    ///
    /// The three inputs are mixed with the SplitMix64 finaliser (Steele, Lea &
    /// Flood 2014, doi:10.1145/2714064.2660195) before they seed xoshiro256**:
    /// feeding `seed + k` directly would make neighbouring streams share state
    /// words, since `SeededGenerator(seed:)` itself steps a SplitMix64 sequence.
    init(seed: UInt64, stream: RandomStream, index: Int = 0) {
        func mix(_ value: UInt64) -> UInt64 {
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let streamKey = mix(stream.rawValue &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        self.init(seed: mix(seed ^ streamKey) ^ streamKey)
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

import Benchmark
import JuryBenchmarkSupport
import JuryEngine

/// `StagePipeline(competition:)`: what `jury stages` computes after reading:
/// eligibility of every course and the department → faculty → commission
/// funnel. The bundles here are the sizes' bundles with department ballots
/// (`jury synth --votes`): synthetic bundles have sheets at the commission
/// stage only, so the funnel decides the department stage by approval votes
/// and stops at the faculty stage (no faculty-stage sheets); without ballots
/// it would stop at once and measure eligibility alone. The bundle is read in
/// `setup`, outside the measurement.
let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.selected {
        Benchmark("StagePipeline \(size.label) +votes",
                  configuration: JuryBenchmarkConfiguration.configuration(size)) { benchmark, competition in
            for _ in benchmark.scaledIterations {
                blackHole(StagePipeline(competition: competition))
            }
        } setup: {
            try BundleCache.competition(size, votes: true)
        }
    }
}

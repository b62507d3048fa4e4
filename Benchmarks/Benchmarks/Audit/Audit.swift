import Benchmark
import JuryBenchmarkSupport
import JuryEngine

/// `Analysis(competition:, includeAudit: true)`: what `jury audit` computes
/// after reading: the ranking plus reliability (ICC, Krippendorff's alpha,
/// Kendall's W, Cronbach's alpha) and rater effects. The bundle is read in
/// `setup`, outside the measurement.
let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.selected {
        Benchmark("Analysis+audit \(size.label)",
                  configuration: JuryBenchmarkConfiguration.configuration(size)) { benchmark, competition in
            for _ in benchmark.scaledIterations {
                blackHole(Analysis(competition: competition, includeAudit: true))
            }
        } setup: {
            try BundleCache.competition(size)
        }
    }
}

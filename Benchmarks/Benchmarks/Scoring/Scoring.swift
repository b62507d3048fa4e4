import Benchmark
import JuryBenchmarkSupport
import JuryEngine

/// `Analysis(competition:)`: what `jury rank` computes after reading, for the
/// last stage with sheets (commission): structural conflicts and recusals,
/// rating scores, criterion means and the ranking with its tie-break chain
/// (the outlier assessment only when `scoring.exclude_outliers` asks for it;
/// the synthetic bundles do not). The bundle is read in `setup`, outside the measurement.
let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.selected {
        Benchmark("Analysis \(size.label)",
                  configuration: JuryBenchmarkConfiguration.configuration(size)) { benchmark, competition in
            for _ in benchmark.scaledIterations {
                blackHole(Analysis(competition: competition))
            }
        } setup: {
            try BundleCache.competition(size)
        }
    }
}

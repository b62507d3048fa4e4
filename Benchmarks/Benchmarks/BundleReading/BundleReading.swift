import Benchmark
import JuryBenchmarkSupport
import JuryIO

/// `BundleReader.read`: reading and validating a whole bundle (competition.json,
/// people.csv, moocs.csv, sheets.csv) into a `Competition`, as every command
/// does first. The page cache is warm after the first iteration.
let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.selected {
        Benchmark("BundleReader.read \(size.label)",
                  configuration: JuryBenchmarkConfiguration.configuration(size)) { benchmark, folder in
            for _ in benchmark.scaledIterations {
                let outcome = BundleReader.read(folder)
                precondition(outcome.competition != nil, "\(folder): \(outcome.log.errorCount) errors")
                blackHole(outcome)
            }
        } setup: {
            try BundleCache.bundle(size)
        }
    }
}

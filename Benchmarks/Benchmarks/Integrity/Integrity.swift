import Benchmark
import JuryBenchmarkSupport
import JuryEngine

/// `IntegrityAnalysis(competition:view:consensus:)`: the integrity detectors
/// that `jury audit` runs with the audit (structural and declared conflicts,
/// favouritism tests, reciprocity and rings, self-votes) on the last stage
/// with sheets, including finding the structural conflicts (which `Analysis`
/// hands in from its own). The bundles have no planted anomaly, so the
/// favouritism tests stop early, as they do on honest data. The bundle is
/// read and the stage view and leave-one-out consensus are made in `setup`,
/// outside the measurement.
let benchmarks: @Sendable () -> Void = {
    for size in BenchmarkSize.selected {
        Benchmark("IntegrityAnalysis \(size.label)",
                  configuration: JuryBenchmarkConfiguration.configuration(size)) { (benchmark: Benchmark, input: IntegrityInput) in
            for _ in benchmark.scaledIterations {
                blackHole(IntegrityAnalysis(competition: input.competition, view: input.view,
                                            consensus: input.consensus))
            }
        } setup: {
            let competition = try BundleCache.competition(size)
            let view = competition.stageSheets(competition.sheets.lastStageWithSheets ?? .department)
            return IntegrityInput(competition: competition, view: view,
                                  consensus: Consensus(table: competition.sheets, view: view))
        }
    }
}

struct IntegrityInput {
    var competition: Competition
    var view: StageSheets
    var consensus: Consensus
}

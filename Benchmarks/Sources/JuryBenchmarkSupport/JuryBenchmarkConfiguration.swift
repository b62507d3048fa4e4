import Benchmark

/// The metrics and regression thresholds every Jury benchmark uses.
///
/// Metrics: wall clock, CPU (user + system), malloc calls, peak resident
/// memory of the benchmark process (it includes what `setup` loaded, e.g. the
/// competition for the scoring benchmarks) and its growth during the
/// measurement (`peakMemoryResidentDelta`).
///
/// Thresholds, on the median (p50) only, for `swift package benchmark
/// baseline check main`: the machine the baseline was taken on is shared and
/// noisy (2 cores, other builds running), so times get a wide band; malloc
/// counts are nearly exact from run to run, so a small band catches a real
/// change in allocation behaviour; peak memory sits in between (sampled).
/// An unmeasured compromise: tighten them on a quiet, dedicated machine.
public enum JuryBenchmarkConfiguration {
    public static let metrics: [BenchmarkMetric] = [
        .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .peakMemoryResidentDelta,
    ]

    /// Allowed deviation of the median, in percent.
    public static let timeTolerance = 35.0
    public static let mallocTolerance = 5.0
    public static let memoryTolerance = 15.0
    public static let deltaTolerance = 50.0

    public static var thresholds: [BenchmarkMetric: BenchmarkThresholds] {
        let time = BenchmarkThresholds(relative: [.p50: timeTolerance])
        let memory = BenchmarkThresholds(relative: [.p50: memoryTolerance])
        return [
            .wallClock: time,
            .cpuTotal: time,
            .mallocCountTotal: BenchmarkThresholds(relative: [.p50: mallocTolerance]),
            .peakMemoryResident: memory,
            // Growth during the measurement: a few MB at S, where page-granular
            // sampling noise is a large share of it.
            .peakMemoryResidentDelta: BenchmarkThresholds(relative: [.p50: deltaTolerance]),
        ]
    }

    /// The configuration of one benchmark on `size`.
    public static func configuration(_ size: BenchmarkSize) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
              maxDuration: size.maxDuration, maxIterations: size.maxIterations, thresholds: thresholds)
    }
}

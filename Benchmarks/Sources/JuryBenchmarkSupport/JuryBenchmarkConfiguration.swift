import Benchmark

/// The metrics and regression thresholds every Jury benchmark uses.
///
/// Metrics: wall clock, CPU (user + system), malloc calls, peak resident
/// memory of the benchmark process (it includes what `setup` loaded, e.g. the
/// competition for the scoring benchmarks) and its growth during the
/// measurement (`peakMemoryResidentDelta`).
///
/// Thresholds, on the median (p50) only, for `swift package benchmark
/// baseline check main`. A deviation beyond any one of a metric's thresholds
/// (relative or absolute) fails the check. The baseline machine is shared and
/// noisy (2 cores, other builds running), so:
/// - wall clock: ±35 % at M and L; at S only ±15 ms absolute (S runs take
///   3–30 ms, where one scheduling hiccup is 50 %: seen, 7 → 10 ms with no
///   change; S is there to catch blow-ups, M to catch regressions);
/// - CPU time: ±35 % at M and L; at S only ±20 ms absolute, because the
///   kernel accounts CPU time in 10 ms ticks and S runs take 0–30 ms;
/// - malloc calls: ±5 % (the same from run to run within a few calls: a change
///   here is a change in the code's allocation behaviour);
/// - peak resident memory: ±15 %;
/// - its growth during the measurement (`peakMemoryResidentDelta`): absolute,
///   ±4 MB at S, ±10 MB at M, ±100 MB at L (from a few hundred kB to tens of
///   MB between benchmarks of one size, so no one relative band fits).
/// These are a compromise that has not been measured against the false alarm
/// rate; tighten them on a quiet, dedicated machine.
public enum JuryBenchmarkConfiguration {
    public static let metrics: [BenchmarkMetric] = [
        .wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .peakMemoryResidentDelta,
    ]

    public static func thresholds(_ size: BenchmarkSize) -> [BenchmarkMetric: BenchmarkThresholds] {
        let small = size == .s
        return [
            .wallClock: small ? BenchmarkThresholds(absolute: [.p50: .milliseconds(15)])
                : BenchmarkThresholds(relative: [.p50: 35]),
            .cpuTotal: small ? BenchmarkThresholds(absolute: [.p50: .milliseconds(20)])
                : BenchmarkThresholds(relative: [.p50: 35]),
            .mallocCountTotal: BenchmarkThresholds(relative: [.p50: 5]),
            .peakMemoryResident: BenchmarkThresholds(relative: [.p50: 15]),
            .peakMemoryResidentDelta: BenchmarkThresholds(absolute: [.p50: .mega(size == .s ? 4 : size == .m ? 10 : 100)]),
        ]
    }

    /// The configuration of one benchmark on `size`.
    public static func configuration(_ size: BenchmarkSize) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
              maxDuration: size.maxDuration, maxIterations: size.maxIterations, thresholds: thresholds(size))
    }
}

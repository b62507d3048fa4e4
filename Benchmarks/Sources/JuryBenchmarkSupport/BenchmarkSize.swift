import Foundation
import JurySynth

/// The bundle sizes every benchmark runs on: `jury synth` bundles with five
/// experts per course and seed 1.
///
/// | size | courses | experts | sheets |
/// |---|---:|---:|---:|
/// | S | 1,000 | 100 | 5,000 |
/// | M | 100,000 | 5,000 | 500,000 |
/// | L | 2,000,000 | 50,000 | 10,000,000 |
///
/// L (about 1 GB of CSV, minutes per benchmark) runs only when the
/// environment variable `JURY_BENCH_LARGE` is `1`; a default run (S and M)
/// stays short, and the committed baseline holds S and M only.
public enum BenchmarkSize: String, CaseIterable, Sendable {
    case s = "S", m = "M", l = "L"

    /// The sizes of this run: S and M, and L when `JURY_BENCH_LARGE=1`.
    public static var selected: [BenchmarkSize] {
        ProcessInfo.processInfo.environment["JURY_BENCH_LARGE"] == "1" ? [.s, .m, .l] : [.s, .m]
    }

    public var courses: Int {
        switch self {
        case .s: 1000
        case .m: 100_000
        case .l: 2_000_000
        }
    }

    public var experts: Int {
        switch self {
        case .s: 100
        case .m: 5000
        case .l: 50000
        }
    }

    public static let perCourse = 5
    public static let seed: UInt64 = 1

    public var sheets: Int { courses * Self.perCourse }

    /// "S 5k sheets", the prefix of every benchmark name.
    public var label: String {
        let k = sheets / 1000
        return k >= 1000 ? "\(rawValue) \(k / 1000)M sheets" : "\(rawValue) \(k)k sheets"
    }

    /// The `jury synth` configuration of this size; with `votes`, the bundle
    /// also has department-stage ballots (`--votes`), so that the stage funnel
    /// has a stage to decide.
    public func synthConfig(votes: Bool = false) -> SynthConfig {
        var config = SynthConfig()
        config.courses = courses
        config.experts = experts
        config.perCourse = Self.perCourse
        config.seed = Self.seed
        config.votes = votes
        return config
    }

    /// The same bundle from the command line.
    public func synthCommand(votes: Bool = false) -> String {
        "jury synth --courses \(courses) --experts \(experts) --per-course \(Self.perCourse) --seed \(Self.seed)"
            + (votes ? " --votes" : "")
    }

    /// Iterations and time budget: enough samples for a median at S, a
    /// handful at M, a couple at L (one iteration takes minutes there).
    public var maxIterations: Int {
        switch self {
        case .s: 50
        case .m: 7
        case .l: 3
        }
    }

    public var maxDuration: Duration {
        switch self {
        case .s: .seconds(3)
        case .m: .seconds(20)
        case .l: .seconds(300)
        }
    }
}

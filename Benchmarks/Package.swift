// swift-tools-version: 6.1
// Jury's performance benchmarks (package-benchmark), kept apart from the main
// package so that the main package's build and CI never resolve
// package-benchmark. Run from this folder: `swift package benchmark`
// (see README.md here for sizes, baselines and thresholds).
import Foundation
import PackageDescription

// The identity of a package added by path is its folder's name, which is the
// clone's name ("main", "Jury", a worktree's …), not the manifest's "Jury".
let jury = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .standardizedFileURL.lastPathComponent

let package = Package(
    name: "JuryBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Only the MallocInterposer trait: the default traits also add, on
        // Linux with Swift 6.3, ordo-one/swift-runtime-interposer (for ARC
        // counters), which the package mirror here does not have, and the
        // package would not resolve. Malloc counts come from
        // ordo-one/malloc-interposer (Swift 6.3+): no jemalloc to install.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
    ],
    targets: [
        // Bundle sizes, the on-disk bundle cache and loaded competitions.
        .target(
            name: "JuryBenchmarkSupport",
            dependencies: [
                .product(name: "JuryEngine", package: jury),
                .product(name: "JuryIO", package: jury),
                .product(name: "JurySynth", package: jury),
                .product(name: "Benchmark", package: "benchmark"),
            ]
        ),
    ]
)

// One executable target per measured area: Benchmarks/<Name>/<Name>.swift.
for name in ["BundleReading", "Scoring", "Audit", "Integrity", "Stages"] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [
                "JuryBenchmarkSupport",
                .product(name: "JuryEngine", package: jury),
                .product(name: "JuryIO", package: jury),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jury",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jury", targets: ["jury"]),
        .library(name: "JuryEngine", targets: ["JuryEngine"]),
        .library(name: "JuryIO", targets: ["JuryIO"]),
        .library(name: "JurySynth", targets: ["JurySynth"]),
        .library(name: "JuryStore", targets: ["JuryStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Pure core: model, columnar tables, scoring, ranking, statistics. No I/O.
        .target(name: "JuryEngine", dependencies: ["MemoryHints"]),
        // Cache prefetch hints for Swift (a C header of static inline functions).
        .target(name: "MemoryHints"),
        // Bundle reader/writer, CSV, JSON, diagnostics with file:line:column.
        .target(name: "JuryIO", dependencies: ["JuryEngine"]),
        // Synthetic bundles with planted anomalies and their truth.
        .target(name: "JurySynth", dependencies: ["JuryEngine"]),
        // SQLite archive of many years: bundles byte for byte, rows and analyses.
        .target(name: "JuryStore", dependencies: ["JuryEngine", "JuryIO", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Static HTML report with gnuplot charts from an Analysis (and the trends page from
        // the archive's Trends); templates are resources.
        .target(name: "JuryReport", dependencies: ["JuryEngine", "JuryIO", "JuryStore", .product(name: "Mustache", package: "swift-mustache")],
                resources: [.copy("Templates")]),
        // The command-line interface: parse flags, call the layers below, print.
        .executableTarget(
            name: "jury",
            dependencies: [
                "JuryEngine", "JuryIO", "JurySynth", "JuryStore", "JuryReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JuryEngineTests", dependencies: ["JuryEngine"]),
        .testTarget(name: "JuryIOTests", dependencies: ["JuryIO", "JuryEngine"]),
        .testTarget(name: "JurySynthTests", dependencies: ["JurySynth", "JuryIO", "JuryEngine"]),
        .testTarget(name: "JuryStoreTests", dependencies: ["JuryStore", "JuryIO", "JuryEngine", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "JuryReportTests", dependencies: ["JuryReport", "JuryIO", "JuryEngine", "jury"], resources: [.copy("Fixtures")]),
        // Runs the built `jury` binary on real bundles.
        .testTarget(name: "EndToEndTests", dependencies: ["jury"]),
    ]
)

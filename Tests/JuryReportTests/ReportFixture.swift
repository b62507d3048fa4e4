import Foundation
import JuryEngine
import JuryIO
@testable import JuryReport

/// Bundles for the report tests and ways to render them: the small fixture
/// in `Fixtures/small`, and bundles written to a fresh temporary folder.
enum ReportFixture {
    static var smallBundle: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("small").path
    }

    /// The repository root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var gnuplot: Gnuplot? { Gnuplot.locate() }

    /// Reads a bundle that must be valid.
    static func load(_ path: String) throws -> Competition {
        let outcome = BundleReader.read(path)
        guard let competition = outcome.competition else {
            throw FixtureError.invalid(outcome.log.sorted.map(\.description).joined(separator: "\n"))
        }
        return competition
    }

    /// What `jury report` hands the report: the analysis, eligibility and the stage funnel.
    static func input(_ competition: Competition) -> ReportInput {
        let stages = StagePipeline(competition: competition)
        return ReportInput(competition: competition, analysis: Analysis(competition: competition, includeAudit: true),
                           eligibility: stages.eligibility, stages: stages)
    }

    /// Renders a bundle's report in memory; charts only when gnuplot is here.
    static func render(_ path: String, language: ReportLanguage = .en, publicOnly: Bool = false,
                       charts: Bool? = nil) throws -> [String: [UInt8]] {
        let drawCharts = charts ?? (gnuplot != nil)
        let files = try Report.render(input(try load(path)),
                                      options: ReportOptions(language: language, charts: drawCharts, publicOnly: publicOnly),
                                      gnuplot: drawCharts ? gnuplot : nil)
        var out: [String: [UInt8]] = [:]
        for f in files { out[f.path] = f.bytes }
        return out
    }

    static func text(_ files: [String: [UInt8]], _ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder(_ tag: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-report-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `files` (name → text) as a bundle folder named `name` in a fresh temporary folder.
    static func writeBundle(_ files: [String: String], name: String = "bundle") throws -> URL {
        let dir = try temporaryFolder("bundle").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(file)) }
        return dir
    }

    /// Every regular file under `folder`, by relative path.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in e {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return out
    }

    enum FixtureError: Error { case invalid(String) }
}

/// Runs the built `jury` binary with a chosen environment.
struct JuryRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["JURY_BIN"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = runner.deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("jury").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("jury")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> JuryRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        if let environment { p.environment = environment }
        // Output goes to files, so a large output can never block the child.
        let dir = try ReportFixture.temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return JuryRun(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}

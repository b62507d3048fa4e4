import Foundation
import Testing

/// Runs the built `jury synth` binary.
@Suite("jury synth (binary)")
struct SynthCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `jury` executable next to the test bundle, or in the package's `.build/debug`.
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jury")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/jury")
    }

    static func jury(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jury-synth-e2e-\(UUID().uuidString)").path
    }

    @Test("writes the bundle, prints one summary line on stderr and nothing on stdout, exits 0")
    func writesBundle() throws {
        let parent = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/bundle"
        let run = try Self.jury(["synth", "--courses", "120", "--experts", "30", "--seed", "5", "--outlier-sheets", "2",
                                 "--votes", "--self-votes", "1", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "synth: 120 courses, 30 experts, \(try authors(out)) authors, 600 sheets, "
            + "\(try lines(out + "/votes.csv") - 1) ballot rows, 3 planted anomalies, seed 5 -> \(out)\n")
        for name in ["competition.json", "people.csv", "moocs.csv", "sheets.csv", "votes.csv", "truth.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        #expect(try lines(out + "/sheets.csv") == 601)
    }

    @Test("refuses a non-empty folder with exit 2 unless --force")
    func refusesNonEmptyFolder() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        let refused = try Self.jury(["synth", "--courses", "50", "--experts", "20", "--out", out])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty"))
        #expect(!FileManager.default.fileExists(atPath: out + "/sheets.csv"))
        let forced = try Self.jury(["synth", "--courses", "50", "--experts", "20", "--out", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/sheets.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"))
    }

    @Test("usage errors exit 2 with the message on stderr", arguments: [
        ["synth", "--courses", "10"],
        ["synth", "--courses", "0", "--out", "/tmp/never-written"],
        ["synth", "--self-votes", "1", "--out", "/tmp/never-written"],
        ["synth", "--departments", "2", "--faculties", "2", "--rings", "1", "--out", "/tmp/never-written-ring"],
    ])
    func usageErrors(arguments: [String]) throws {
        let run = try Self.jury(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Error: "))
    }

    @Test("the same seed gives the same bytes through the binary")
    func deterministic() throws {
        let parent = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for name in ["a", "b"] {
            let run = try Self.jury(["synth", "--courses", "300", "--experts", "40", "--severe-experts", "2",
                                     "--reciprocal-pairs", "1", "--out", parent + "/" + name])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for file in ["people.csv", "moocs.csv", "sheets.csv", "truth.json", "competition.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: parent + "/a/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: parent + "/b/" + file))
            #expect(a == b, "\(file)")
        }
    }

    private func lines(_ path: String) throws -> Int {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
    }

    private func authors(_ bundle: String) throws -> Int {
        try String(contentsOfFile: bundle + "/people.csv", encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("A") }.count
    }
}

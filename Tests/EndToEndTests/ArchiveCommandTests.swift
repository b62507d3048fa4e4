import Foundation
import Testing

/// `jury archive` and `jury trends` run as a user runs them: the real binary,
/// real bundle folders, exit statuses and the bytes printed.
@Suite struct ArchiveCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `jury` binary built next to the test bundle.
    static var jury: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("jury").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("jury")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = jury
        p.arguments = arguments
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["JURY_ARCHIVE"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let people = """
        person_id,full_name,faculty,department,roles
        P1,Әсем Қасымова,F1,D1,author
        E1,Expert One,F2,D3,expert
        E2,Expert Two,F2,D4,expert

        """
    static let moocs = "mooc_id,title,authors,faculty,department\nM1,Қазақ тілі,P1,F1,D1\nM2,Physics,P1,F1,D1\n"
    static let sheets = """
        stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression
        commission,E1,M1,8,8,8,8,8,8,8
        commission,E2,M1,7,7,7,7,7,7,7
        commission,E1,M2,6,6,6,6,6,6,6
        commission,E2,M2,5,5,5,5,5,5,5

        """

    func bundle(in dir: URL, name: String, year: Int, id: String = "atu", sheets: String = sheets) throws {
        let folder = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = ["competition.json": #"{"id": "\#(id)", "year": \#(year), "stages": {"commission": {"prizes": 1}}}"#, "people.csv": Self.people,
                     "moocs.csv": Self.moocs, "sheets.csv": sheets]
        for (n, t) in files { try Data(t.utf8).write(to: folder.appendingPathComponent(n)) }
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-archive-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func addListAndTrendsWithTheDefaultPath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundle(in: dir, name: "b", year: 2025)
        let add = try Self.run(["archive", "add", "b"], in: dir)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.hasPrefix("archived atu (2025) as version 1: 2 courses, 4 sheets, 4 files, digest "))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("jury-archive.sqlite").path))
        let again = try Self.run(["archive", "add", "b"], in: dir)
        #expect(again.status == 0 && again.stdout.hasPrefix("already archived: atu (2025) version 1"))
        let list = try Self.run(["archive", "list", "--format", "json"], in: dir)
        #expect(list.status == 0 && list.stdout.contains("\"schema\": \"jury/archive/v1\"") && !list.stdout.contains("added_at"))
        let trends1 = try Self.run(["trends", "--format", "json", "--out", "data"], in: dir)
        let trends2 = try Self.run(["trends", "--format", "json"], in: dir)
        #expect(trends1.status == 0 && trends1.stdout == trends2.stdout)
        #expect(trends1.stdout.hasPrefix("{\n  \"schema\": \"jury/trends/v1\",\n  \"years\": [\n    {\n      \"year\": 2025,"))
        let page = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data").path).sorted()
        #expect(page == ["charts", "data", "index.html", "style.css"])
        // One competition: a count that reads right for any number.
        let html = try String(contentsOf: dir.appendingPathComponent("data/index.html"), encoding: .utf8)
        #expect(html.contains("Archived competitions: 1, oldest first"))
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data/data").path).sorted()
        #expect(written == ["excluded.csv", "experts.csv", "faculties.csv", "flags.csv", "reliability.csv", "repeated-favouritism.csv",
                            "trends.json", "years.csv"])
        #expect(try String(contentsOf: dir.appendingPathComponent("data/data/trends.json"), encoding: .utf8) == trends1.stdout)
    }

    @Test func aChangedBundleNeedsReplace() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundle(in: dir, name: "b1", year: 2025)
        try bundle(in: dir, name: "b2", year: 2025, sheets: Self.sheets.replacingOccurrences(of: "5,5,5,5,5,5,5", with: "4,4,4,4,4,4,4"))
        #expect(try Self.run(["archive", "add", "b1", "--db", "a.sqlite"], in: dir).status == 0)
        let refused = try Self.run(["archive", "add", "b2", "--db", "a.sqlite"], in: dir)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("error: competition 'atu' is already archived (version 1") && refused.stderr.contains("--replace"))
        let replaced = try Self.run(["archive", "add", "b2", "--db", "a.sqlite", "--replace"], in: dir)
        #expect(replaced.status == 0 && replaced.stdout.contains("as version 2") && replaced.stdout.contains("version 1 kept in the history"))
        let list = try Self.run(["archive", "list", "--db", "a.sqlite"], in: dir)
        #expect(list.stdout.contains("atu  2025  atu           2        2"))
    }

    @Test func aBadBundlePrintsItsDiagnosticsAndLeavesNoArchive() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundle(in: dir, name: "b", year: 2025, sheets: Self.sheets + "commission,E9,M1,1,1,1,1,1,1,1\n")
        let run = try Self.run(["archive", "add", "b"], in: dir, environment: ["JURY_ARCHIVE": "env.sqlite"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.contains("sheets.csv:6:2: error: expert 'E9' is not in people.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("env.sqlite").path))
    }

    @Test func stagesBarsEarlierWinnersFromTheArchive() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bundle(in: dir, name: "b2024", year: 2024, id: "atu-2024")
        try bundle(in: dir, name: "b2025", year: 2025, id: "atu-2025")
        #expect(try Self.run(["archive", "add", "b2024", "--db", "a.sqlite"], in: dir).status == 0)
        #expect(try Self.run(["archive", "add", "b2025", "--db", "a.sqlite"], in: dir).status == 0)
        let with = try Self.run(["stages", "b2025", "--db", "a.sqlite"], in: dir)
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("M1: 9.10 previous_winner: course already won or took a prize (in 2024 according to the archive)"))
        #expect(!with.stdout.contains("M2: 9.10"))
        // The archive holds 2025 too, but a round is never barred by its own results.
        let without = try Self.run(["stages", "b2024", "--db", "a.sqlite"], in: dir)
        #expect(!without.stdout.contains("previous_winner"))
        let missing = try Self.run(["stages", "b2025", "--db", "none.sqlite"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("no archive here"))
    }

    @Test func readingAMissingArchiveIsAnError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Self.run(["trends", "--db", "none.sqlite"], in: dir)
        #expect(run.status == 1 && run.stderr.contains("none.sqlite: no archive here"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func helpNamesTheDefaultArchive() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let help = try Self.run(["archive", "add", "--help"], in: dir)
        #expect(help.status == 0)
        #expect(help.stdout.contains("$JURY_ARCHIVE, else") && help.stdout.contains("jury-archive.sqlite"))
        #expect(try Self.run(["archive", "list", "--format", "yaml"], in: dir).status == 2)
    }
}

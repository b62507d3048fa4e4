import Foundation
import GRDB
import JuryIO
@testable import JuryStore

/// Small bundles written to fresh temporary folders, and archives in
/// temporary files, for the archive's tests.
struct ArchiveFixture {
    /// The minimal valid bundle of `JuryIOTests.BundleFixture`, with a year,
    /// one prize, a co-authored course and a course of another faculty.
    static func bundle(id: String = "atu", year: Int, prizes: Int = 1, extraSheet: String? = nil,
                       previousAwardYear: Int? = nil) -> [String: String] {
        var files = [
            "competition.json": #"{"id": "\#(id)", "year": \#(year), "stages": {"commission": {"method": "score", "prizes": \#(prizes)}}}"# + "\n",
            "people.csv": """
                person_id,full_name,faculty,department,roles,teaching_staff
                P1,Әсем Қасымова,F1,D1,author,yes
                P2,Иван Петров,F1,D2,author;expert;voter,yes
                E1,Expert One,F2,D3,expert,yes
                E2,Expert Two,F2,D3,expert;voter,yes
                E3,Expert Three,F1,D1,expert;voter,yes

                """,
            "moocs.csv": """
                mooc_id,title,authors,faculty,department,previous_award_year
                M1,Қазақ тілі,P1;P2,F1,D1,\(previousAwardYear.map(String.init) ?? "")
                M2,"Физика, часть 1",P2,F1,D2,
                M3,English,P1,F2,D3,

                """,
            "sheets.csv": #"""
                stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression,total,comment
                commission,E1,M1,8,8,8,8,8,8,8,56,"Жақсы, бірақ ""қысқа"""
                commission,E2,M1,7,7,7,7,7,7,7,49,
                commission,E1,M2,9,9,9,9,9,9,9,63,
                commission,E2,M2,6,6,6,6,6,6,6,42,
                commission,E3,M3,5,5,5,5,5,5,5,35,
                commission,E1,M3,6,6,6,6,6,6,6,42,

                """#,
        ]
        if let extraSheet { files["sheets.csv"]! += extraSheet + "\n" }
        return files
    }

    /// A bundle with `courses` courses of `perCourse` commission sheets each
    /// (experts E0…E(experts−1)), deterministic.
    static func large(id: String, year: Int, courses: Int, perCourse: Int = 5, experts: Int = 40) -> [String: String] {
        var people = "person_id,full_name,faculty,department,roles\n"
        for a in 0..<20 { people += "A\(a),Author \(a),F\(a % 4),D\(a % 8),author\n" }
        for e in 0..<experts { people += "E\(e),Expert \(e),F\((e + 3) % 4),D\((e + 3) % 8),expert\n" }
        var moocs = "mooc_id,title,authors,faculty,department\n"
        for c in 0..<courses { moocs += "M\(c),Course \(c),A\(c % 20),F\(c % 20 % 4),D\(c % 20 % 8)\n" }
        var sheets = "stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression\n"
        for c in 0..<courses {
            for j in 0..<perCourse {
                let e = (c * 7 + j * 3) % experts
                let s = 1 + (c + j * e) % 10
                sheets += "commission,E\(e),M\(c)" + String(repeating: ",\(s)", count: 7) + "\n"
            }
        }
        return ["competition.json": #"{"id": "\#(id)", "year": \#(year)}"#, "people.csv": people, "moocs.csv": moocs, "sheets.csv": sheets]
    }

    /// A fresh temporary folder, removed by `cleanUp`.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jury-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    var databasePath: String { directory.appendingPathComponent("archive.sqlite").path }

    /// Writes `files` into the subfolder `name` and returns its path.
    @discardableResult
    func write(_ files: [String: String], as name: String) throws -> String {
        let folder = directory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(file)) }
        return folder.path
    }

    /// Reads the bundle at `folder` and prepares it for the archive.
    static func prepare(_ folder: String) throws -> ArchivableBundle {
        let outcome = BundleReader.read(folder)
        guard let competition = outcome.competition else {
            throw FixtureError.invalidBundle(outcome.log.sorted.map(\.description))
        }
        return try ArchivableBundle(folder: folder, competition: competition)
    }

    func add(_ files: [String: String], as name: String, to archive: Archive, replace: Bool = false) throws -> ArchiveAddOutcome {
        try archive.add(Self.prepare(write(files, as: name)), replace: replace)
    }

    enum FixtureError: Error { case invalidBundle([String]) }
}

/// The tables that hold data (every table but SQLite's and GRDB's own).
let dataTables = ["version", "file_content", "file_chunk", "bundle_file", "criterion", "person", "course", "course_author",
                  "sheet", "analysis_document", "ranking_entry", "exclusion_count", "expert_severity", "faculty_summary",
                  "year_summary", "audit_summary", "reliability_summary", "integrity_count", "favouritism_flag"]

/// The data tables of schema version 1 (before `v2-audit-summary`).
let version1Tables = Array(dataTables.prefix(15))

extension Archive {
    /// Row count of every data table.
    func rowCounts() throws -> [String: Int] {
        try read("counting") { db in
            var counts: [String: Int] = [:]
            for t in dataTables { counts[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") }
            return counts
        }
    }

    /// SHA-256 of the content of every data table (or of `tables`), rows in primary-key order.
    func contentDigest(of tables: [String] = dataTables) throws -> String {
        try read("hashing") { db in
            var hash = SHA256()
            for t in tables {
                let columns = try db.columns(in: t).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY \(order)") {
                    hash.update(Array((t + ":" + row.description + "\n").utf8))
                }
            }
            return hash.finalizeHex()
        }
    }
}

extension ArchiveFixture {
    /// Turns the archive at `databasePath` into one of schema version 1, as
    /// the Jury before `v2-audit-summary` left it: the audit tables dropped,
    /// the migration forgotten, `user_version` 1. Version 1's tables keep
    /// every row.
    func downgradeToSchemaVersion1() throws {
        try DatabaseQueue(path: databasePath).writeWithoutTransaction { db in
            try db.inTransaction {
                for table in ["favouritism_flag", "integrity_count", "reliability_summary", "audit_summary"] {
                    try db.execute(sql: "DROP TABLE \(table)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: ["v2-audit-summary"])
                return .commit
            }
            try db.execute(sql: "PRAGMA user_version = 1")
        }
    }
}

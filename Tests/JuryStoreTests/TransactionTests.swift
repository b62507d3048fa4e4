import Foundation
import GRDB
import Testing
@testable import JuryStore

/// An import lands whole or not at all: a failure anywhere in it leaves the
/// archive exactly as it was.
enum BundleFixtureText {
    static let sheetHeader = "stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression\n"
}

@Suite struct TransactionTests {
    /// The failure comes from SQLite at the very last insert (the year
    /// summary), after files, rows, sheets and rankings were written.
    @Test func aConstraintFailureAtTheLastStepLeavesTheArchiveAsItWas() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b2024", to: archive)
        try archive.write("injecting a failure") { db in
            try db.execute(sql: """
                CREATE TRIGGER injected_failure BEFORE INSERT ON year_summary
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let counts = try archive.rowCounts()
        let digest = try archive.contentDigest()
        // A new year, and a replacement (which also flips the current version).
        let newYear = ArchiveFixture.large(id: "atu-2025", year: 2025, courses: 200)
        let changed = ArchiveFixture.bundle(year: 2024, extraSheet: "commission,E3,M1,4,4,4,4,4,4,4,28,")
        for (files, replace) in [(newYear, false), (changed, true)] {
            #expect {
                _ = try f.add(files, as: "next", to: archive, replace: replace)
            } throws: { error in
                guard case ArchiveError.database(_, _, let e) = error else { return false }
                return e.message == "injected failure"
            }
            #expect(try archive.rowCounts() == counts)
            #expect(try archive.contentDigest() == digest)
        }
        #expect(try archive.listing().competitions.map(\.current.version.number) == [1])
    }

    /// The failure comes from Jury: a file that changes after it was hashed
    /// is noticed while its bytes are stored, and the import is undone.
    @Test func aFileChangedWhileArchivingUndoesTheImport() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(id: "atu-2023", year: 2023, previousAwardYear: 2020), as: "b2023", to: archive)
        let counts = try archive.rowCounts()
        let digest = try archive.contentDigest()
        // sheets.csv is stored last (files go by name) and its content is new to the archive.
        let folder = try f.write(ArchiveFixture.bundle(id: "atu-2024", year: 2024, extraSheet: "commission,E3,M1,4,4,4,4,4,4,4,28,"),
                                 as: "b2024")
        let bundle = try ArchiveFixture.prepare(folder)
        try Data(BundleFixtureText.sheetHeader.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("sheets.csv"))
        #expect {
            _ = try archive.add(bundle, replace: false)
        } throws: { error in
            guard case ArchiveError.bundleFile(let path, let problem) = error else { return false }
            return path.hasSuffix("sheets.csv") && problem.contains("changed")
        }
        #expect(try archive.rowCounts() == counts)
        #expect(try archive.contentDigest() == digest)
    }
}

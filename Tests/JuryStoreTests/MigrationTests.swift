import Foundation
import GRDB
import Testing
@testable import JuryStore

@Suite struct MigrationTests {
    @Test func anEmptyFileIsMigratedToTheCurrentSchema() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        #expect(FileManager.default.createFile(atPath: f.databasePath, contents: Data()))
        let archive = try Archive(path: f.databasePath, create: false)
        let (userVersion, applicationID, applied, journal) = try archive.read("reading the schema") { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try ArchiveSchema.migrator.appliedMigrations(db), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(userVersion == ArchiveSchema.version)
        #expect(applicationID == ArchiveSchema.applicationID)
        #expect(applied == ArchiveSchema.migrations.map(\.identifier))
        #expect(journal == "wal")
        #expect(try archive.rowCounts().values.allSatisfy { $0 == 0 })
        // Opening again migrates nothing and keeps the data.
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b", to: archive)
        #expect(try Archive(path: f.databasePath, create: false).listing().competitions.count == 1)
    }

    @Test func aNewArchiveHasLargePagesAndWAL() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        let (pageSize, journal) = try archive.read("reading the page size") { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(pageSize == Archive.pageSize && journal == "wal")
    }

    @Test func aMissingArchiveIsNotCreatedForReading() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        #expect {
            _ = try Archive(path: f.databasePath, create: false)
        } throws: { error in
            guard case ArchiveError.noArchive = error else { return false }
            return true
        }
        #expect(!FileManager.default.fileExists(atPath: f.databasePath))
    }

    @Test func anArchiveWithAHigherSchemaVersionIsRefusedUntouched() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b", to: Archive(path: f.databasePath, create: true))
        try DatabaseQueue(path: f.databasePath).write { db in
            try db.execute(sql: "PRAGMA user_version = \(ArchiveSchema.version + 1)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        #expect {
            _ = try Archive(path: f.databasePath, create: true)
        } throws: { error in
            guard case ArchiveError.newerSchema(_, let version, let known, let unknown) = error else { return false }
            return version == ArchiveSchema.version + 1 && known == ArchiveSchema.version && unknown.isEmpty
                && "\(error)".contains("written by a newer Jury") && "\(error)".contains("upgrade Jury")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.databasePath)) == before)
    }

    @Test func anArchiveWithAnUnknownMigrationIsRefused() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        _ = try Archive(path: f.databasePath, create: true)
        try DatabaseQueue(path: f.databasePath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["v9-from-the-future"])
        }
        #expect {
            _ = try Archive(path: f.databasePath, create: false)
        } throws: { error in
            guard case ArchiveError.newerSchema(_, _, _, let unknown) = error else { return false }
            return unknown == ["v9-from-the-future"] && "\(error)".contains("v9-from-the-future")
        }
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        try DatabaseQueue(path: f.databasePath).write { db in
            try db.execute(sql: "CREATE TABLE notes (text TEXT)")
        }
        #expect {
            _ = try Archive(path: f.databasePath, create: true)
        } throws: { error in
            guard case ArchiveError.notAnArchive = error else { return false }
            return true
        }
        let journal = try DatabaseQueue(path: f.databasePath).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "delete")
    }
}

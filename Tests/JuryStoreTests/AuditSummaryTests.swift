import Foundation
import GRDB
import JuryEngine
import Testing
@testable import JuryStore

/// The audit summary stored with each version (`AuditSummary`, migration
/// `v2-audit-summary`): written in the import's transaction, added to a
/// version archived under schema version 1 by adding the same bundle again.
@Suite struct AuditSummaryTests {
    @Test func anImportStoresTheAuditSummary() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.large(id: "atu-2024", year: 2024, courses: 200), as: "b", to: archive)
        let counts = try archive.rowCounts()
        #expect(counts["audit_summary"] == 1 && counts["reliability_summary"] == 1)
        let year = try #require(try archive.trends().years.first)
        let audit = try #require(year.audit)
        #expect(audit.reliability.map(\.stage) == [.commission])
        #expect(audit.reliability[0].alphaInterval != nil)
        // Reliability is on the counted sheets; every flag of the stage is counted under its kind.
        let bundle = try ArchiveFixture.prepare(f.write(ArchiveFixture.large(id: "atu-2024", year: 2024, courses: 200), as: "b"))
        let analysis = try #require(bundle.analyses.last)
        #expect(audit.reliability[0].sheets == 1000 - analysis.ranking.excluded.count)
        let flags = try #require(analysis.integrity?.flags)
        #expect(audit.flagCounts.reduce(0) { $0 + $1.flags } == flags.count)
        #expect(try archive.trends().repeatedFavouritism == [])
    }

    /// A failure at the audit summary's last table undoes the whole import.
    @Test func aFailureInTheAuditSummaryLeavesTheArchiveAsItWas() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(id: "atu-2023", year: 2023), as: "b2023", to: archive)
        try archive.write("injecting a failure") { db in
            try db.execute(sql: """
                CREATE TRIGGER injected_failure BEFORE INSERT ON integrity_count
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let counts = try archive.rowCounts()
        let digest = try archive.contentDigest()
        #expect {
            _ = try f.add(ArchiveFixture.bundle(id: "atu-2024", year: 2024), as: "b2024", to: archive)
        } throws: { error in
            guard case ArchiveError.database(_, _, let e) = error else { return false }
            return e.message == "injected failure"
        }
        #expect(try archive.rowCounts() == counts)
        #expect(try archive.contentDigest() == digest)
    }

    /// An archive written before `v2-audit-summary` opens, migrates forward
    /// keeping every row, shows its years without an audit, and gets each
    /// year's audit summary when the same bundle is added again — nothing
    /// else changes, and a third add writes nothing.
    @Test func aSchemaVersion1ArchiveIsMigratedAndBackfilled() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let files = ArchiveFixture.bundle(id: "atu-2024", year: 2024)
        do {
            let archive = try Archive(path: f.databasePath, create: true)
            _ = try f.add(files, as: "b", to: archive)
        }
        try f.downgradeToSchemaVersion1()
        let version = try DatabaseQueue(path: f.databasePath).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 1)

        let archive = try Archive(path: f.databasePath, create: false)
        let applied = try archive.read("reading migrations") { try ArchiveSchema.migrator.appliedMigrations($0) }
        #expect(applied == ["v1-archive", "v2-audit-summary"])
        let rows = try archive.contentDigest(of: version1Tables)
        let before = try archive.trends()
        #expect(before.years.count == 1 && before.years[0].audit == nil && before.repeatedFavouritism == nil)

        // A failing backfill leaves the archive as it was.
        try archive.write("injecting a failure") { db in
            try db.execute(sql: "CREATE TRIGGER injected_failure BEFORE INSERT ON integrity_count BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        }
        let counts = try archive.rowCounts()
        #expect(throws: ArchiveError.self) { _ = try f.add(files, as: "again", to: archive) }
        #expect(try archive.rowCounts() == counts)
        try archive.write("removing the failure") { try $0.execute(sql: "DROP TRIGGER injected_failure") }

        let again = try f.add(files, as: "again", to: archive)
        guard case .auditSummaryAdded(let v) = again else { Issue.record("\(again)"); return }
        #expect(v.number == 1)
        #expect(try archive.contentDigest(of: version1Tables) == rows)
        let after = try archive.trends()
        #expect(after.years[0].audit != nil && after.repeatedFavouritism == [])
        // Apart from the audit, trends reads the same.
        var unchanged = after
        unchanged.years[0].audit = nil
        unchanged.repeatedFavouritism = nil
        #expect(unchanged == before)

        let digest = try archive.contentDigest()
        guard case .alreadyArchived = try f.add(files, as: "third", to: archive) else { Issue.record("not idempotent"); return }
        #expect(try archive.contentDigest() == digest)
    }
}

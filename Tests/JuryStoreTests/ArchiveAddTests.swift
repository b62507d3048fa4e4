import Foundation
import GRDB
import Testing
@testable import JuryStore

@Suite struct ArchiveAddTests {
    @Test func storesEveryFileByteForByte() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        var files = ArchiveFixture.bundle(year: 2024)
        files["notes.txt"] = "unknown files are kept too\r\nwith CRLF\u{FEFF}"
        let outcome = try f.add(files, as: "b", to: archive)
        guard case .added(let version, replaced: nil) = outcome else { Issue.record("\(outcome)"); return }
        #expect(version.number == 1 && version.isCurrent && version.year == 2024)
        let stored = try archive.read("reading files") { db in
            try Row.fetchAll(db, sql: """
                SELECT f.name, group_concat(hex(c.bytes), '') AS bytes FROM bundle_file f
                JOIN (SELECT * FROM file_chunk ORDER BY sha256, seq) c ON c.sha256 = f.sha256
                GROUP BY f.name ORDER BY f.name
                """).map { ($0["name"] as String, $0["bytes"] as String) }
        }
        #expect(stored.map(\.0) == files.keys.sorted())
        for (name, hex) in stored {
            let expected = Array(files[name]!.utf8).map { String(format: "%02X", $0) }.joined()
            #expect(hex == expected, "\(name)")
        }
    }

    @Test func addingTheSameBundleTwiceChangesNothing() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        let files = ArchiveFixture.bundle(year: 2024)
        _ = try f.add(files, as: "b", to: archive)
        let counts = try archive.rowCounts()
        let digest = try archive.contentDigest()
        // Same bytes in another folder: the digest ignores the folder and timestamps.
        let again = try f.add(files, as: "copy", to: archive)
        guard case .alreadyArchived(let v) = again else { Issue.record("\(again)"); return }
        #expect(v.number == 1)
        #expect(try archive.rowCounts() == counts)
        #expect(try archive.contentDigest() == digest)
    }

    @Test func aChangedBundleIsRefusedWithoutReplace() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b", to: archive)
        let digest = try archive.contentDigest()
        let changed = ArchiveFixture.bundle(year: 2024, extraSheet: "commission,E3,M1,4,4,4,4,4,4,4,28,")
        #expect {
            _ = try f.add(changed, as: "b2", to: archive)
        } throws: { error in
            guard case ArchiveError.changedBundle(let id, let number, _, _) = error else { return false }
            return id == "atu" && number == 1 && "\(error)".contains("--replace")
        }
        #expect(try archive.contentDigest() == digest)
    }

    @Test func replaceKeepsTheHistory() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        let first = ArchiveFixture.bundle(year: 2024)
        let second = ArchiveFixture.bundle(year: 2024, extraSheet: "commission,E3,M1,4,4,4,4,4,4,4,28,")
        _ = try f.add(first, as: "b1", to: archive)
        let outcome = try f.add(second, as: "b2", to: archive, replace: true)
        guard case .added(let v2, replaced: let v1?) = outcome else { Issue.record("\(outcome)"); return }
        #expect(v2.number == 2 && v1.number == 1 && !v1.isCurrent)
        let listing = try archive.listing()
        #expect(listing.competitions.count == 1)
        let versions = listing.competitions[0].versions
        #expect(versions.map(\.version.number) == [1, 2])
        #expect(versions.map(\.version.isCurrent) == [false, true])
        #expect(versions.map(\.sheets) == [6, 7])
        // Both versions keep their rows; unchanged files are stored once.
        let counts = try archive.rowCounts()
        #expect(counts["sheet"] == 13)
        #expect(counts["bundle_file"] == 8)
        #expect(counts["file_content"] == 5)
        // The earlier bundle again, with --replace: current again, nothing stored twice.
        let back = try f.add(first, as: "b1", to: archive, replace: true)
        guard case .reinstated(let v, replaced: let r) = back else { Issue.record("\(back)"); return }
        #expect(v.number == 1 && r.number == 2)
        #expect(try archive.rowCounts() == counts)
        #expect(try archive.listing().competitions[0].current.version.number == 1)
    }

    @Test func aBundleWithoutYearIsRefusedBeforeTheArchiveIsOpened() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        var files = ArchiveFixture.bundle(year: 2024)
        files["competition.json"] = #"{"id": "atu"}"#
        #expect {
            _ = try ArchiveFixture.prepare(f.write(files, as: "b"))
        } throws: { error in
            guard case ArchiveError.missingYear(let id) = error else { return false }
            return id == "atu"
        }
    }

    @Test func storesTheRankingAndTheSummary() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b", to: archive)
        let (json, ranked, comment) = try archive.read("reading") { db in
            (try String.fetchOne(db, sql: "SELECT json FROM analysis_document WHERE kind = 'ranking' AND stage = 'commission'"),
             try String.fetchAll(db, sql: """
                 SELECT c.mooc_id FROM ranking_entry r JOIN course c ON c.version_id = r.version_id AND c.idx = r.course_idx
                 ORDER BY r.position
                 """),
             try String.fetchOne(db, sql: "SELECT comment FROM sheet WHERE comment IS NOT NULL"))
        }
        #expect(json?.hasPrefix("{\n  \"schema\": \"jury/ranking/v1\"") == true)
        // M3's sheet by E1 (same department D3) is recused: M3 = 35.
        #expect(ranked == ["M1", "M2", "M3"])
        #expect(comment == "Жақсы, бірақ \"қысқа\"")
        let year = try #require(try archive.trends().years.first)
        #expect(year.finalists == 3 && year.winners == 1 && year.courses == 3 && year.sheets == 6)
        #expect(year.exclusions.map(\.reason) == ["same_department"])
    }
}

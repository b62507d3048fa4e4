import Foundation
import GRDB
import JuryEngine

/// What `Archive.add` did.
public enum ArchiveAddOutcome: Sendable, Hashable {
    /// A new version was stored and is now current; `replaced` is the version
    /// it replaced, kept in the history.
    case added(ArchivedVersion, replaced: ArchivedVersion?)
    /// The same bundle is already the current version: nothing changed.
    case alreadyArchived(ArchivedVersion)
    /// The same bundle is already the current version, archived before the
    /// archive stored audits (schema version 1): its audit summary was added,
    /// and nothing else changed.
    case auditSummaryAdded(ArchivedVersion)
    /// The bundle is an earlier version of the competition, made current
    /// again with `replace`; nothing was stored twice.
    case reinstated(ArchivedVersion, replaced: ArchivedVersion)

    /// The version that is current after the call.
    public var version: ArchivedVersion {
        switch self {
        case .added(let v, _), .alreadyArchived(let v), .auditSummaryAdded(let v), .reinstated(let v, _): v
        }
    }
}

extension Archive {
    /// Stores a bundle in one transaction: its files byte for byte, its rows,
    /// its analyses and summary. The transaction commits whole or not at all.
    ///
    /// - The same bundle (same digest) as the current version: nothing is
    ///   written; `.alreadyArchived`. When that version has no audit summary
    ///   (it was archived under schema version 1), the summary computed from
    ///   this same bundle is added and nothing else changes;
    ///   `.auditSummaryAdded`. (An earlier version reinstated with `replace`
    ///   gets its missing summary the same way.)
    /// - A different bundle for a competition id already archived: refused
    ///   with `ArchiveError.changedBundle` unless `replace`; with `replace`
    ///   it becomes the current version and the earlier one stays.
    /// - Parameter addedAt: the instant recorded in `version.added_at`.
    /// - Complexity: O(sheets + bytes of the bundle); one prepared statement
    ///   per table, sheets bound through SQLite's C interface.
    public func add(_ bundle: ArchivableBundle, replace: Bool, addedAt: Date = Date()) throws -> ArchiveAddOutcome {
        let stamp = Self.timestamp(addedAt)
        return try write("archiving '\(bundle.competition.id)'") { db in
            let competition = bundle.competition
            let versions = try ArchivedVersion.all(of: competition.id, db)
            let current = versions.first(where: \.isCurrent)
            if let same = versions.first(where: { $0.digest == bundle.digest }), let sameID = same.id {
                let backfilled = try Self.insertAuditSummaryIfMissing(bundle.audit, versionID: sameID, db)
                if same.isCurrent { return backfilled ? .auditSummaryAdded(same) : .alreadyArchived(same) }
                guard replace, let current else {
                    throw ArchiveError.changedBundle(competitionID: competition.id, storedVersion: current?.number ?? same.number,
                                                     storedDigest: current?.digest ?? same.digest, newDigest: bundle.digest)
                }
                try Self.setCurrent(same, replacing: current, db)
                var now = same
                now.isCurrent = true
                return .reinstated(now, replaced: current)
            }
            if let current, !replace {
                throw ArchiveError.changedBundle(competitionID: competition.id, storedVersion: current.number,
                                                 storedDigest: current.digest, newDigest: bundle.digest)
            }
            if let current {
                try db.execute(sql: "UPDATE version SET is_current = 0 WHERE id = ?", arguments: [current.id])
            }
            var version = ArchivedVersion(id: nil, competitionId: competition.id, number: (versions.last?.number ?? 0) + 1,
                                          digest: bundle.digest, title: competition.title, year: bundle.year,
                                          semester: competition.semester, isCurrent: true, addedAt: stamp)
            try version.insert(db)
            let versionID = version.id!
            // A large page cache keeps a big import in memory until commit
            // instead of spilling pages to the WAL half-way (default: 2 MiB).
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            // The files' bytes go last: written once and never read back, they
            // would otherwise fill the WAL before the rows' indexes are built,
            // and every page the indexes read back is looked up in the WAL's
            // hash tables, whose cost grows with the WAL (measured at 10 M
            // sheets: a quarter of the import in `sqlite3WalFindFrame`).
            try Self.insertRows(competition, versionID: versionID, db)
            try SheetRows.insert(competition.sheets, versionID: versionID, db)
            try Self.insertResults(bundle, versionID: versionID, db)
            try Self.insertAuditSummary(bundle.audit, versionID: versionID, db)
            try Self.insertFiles(bundle.files, versionID: versionID, db)
            var replaced = current
            replaced?.isCurrent = false
            return .added(version, replaced: replaced)
        }
    }

    /// Page cache of the writer during an import, in KiB. (512 MiB was
    /// measured at 10 M sheets: no less CPU than 128 MiB, 450 MB more peak RSS.)
    static let importCacheKiB = 128 * 1024

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private static func setCurrent(_ version: ArchivedVersion, replacing current: ArchivedVersion, _ db: Database) throws {
        try db.execute(sql: "UPDATE version SET is_current = 0 WHERE id = ?", arguments: [current.id])
        try db.execute(sql: "UPDATE version SET is_current = 1 WHERE id = ?", arguments: [version.id])
    }

    /// Stores each file's content once (content-addressed by SHA-256) in
    /// chunks, and names it for this version. The bytes are hashed again as
    /// they are stored: a file changed since `BundleFiles` hashed it aborts
    /// the transaction.
    private static func insertFiles(_ files: BundleFiles, versionID: Int64, _ db: Database) throws {
        let chunk = try db.makeStatement(sql: "INSERT INTO file_chunk (sha256, seq, bytes) VALUES (?, ?, ?)")
        for file in files.files {
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM file_content WHERE sha256 = ?)",
                                          arguments: [file.sha256]) ?? false
            if !known {
                try db.execute(sql: "INSERT INTO file_content (sha256, size) VALUES (?, ?)", arguments: [file.sha256, file.size])
                let filePath = (files.folder as NSString).appendingPathComponent(file.name)
                var hash = SHA256()
                var seq = 0, size = 0
                try BundleFiles.forEachChunk(of: filePath) { bytes in
                    hash.update(bytes)
                    size += bytes.count
                    try chunk.execute(arguments: [file.sha256, seq, Data(bytes)])
                    seq += 1
                }
                guard hash.finalizeHex() == file.sha256, size == file.size else {
                    throw ArchiveError.bundleFile(path: filePath, problem: "changed while it was being archived; nothing was stored")
                }
            }
            try db.execute(sql: "INSERT INTO bundle_file (version_id, name, size, sha256) VALUES (?, ?, ?, ?)",
                           arguments: [versionID, file.name, file.size, file.sha256])
        }
    }

    private static func insertRows(_ competition: Competition, versionID: Int64, _ db: Database) throws {
        let rules = competition.rules
        let v = Int(versionID)
        try BulkInsert.run(db, table: "criterion", columns: ["version_id", "idx", "key", "title", "weight"],
                           count: rules.criteria.count) { b, i in
            b.int(v); b.int(i); b.text(rules.criteria[i].key); b.text(rules.criteria[i].title); b.double(rules.weights[i])
        }
        let people = competition.people
        try BulkInsert.run(db, table: "person", columns: ["version_id", "idx", "person_id", "full_name", "faculty", "department", "roles"],
                           count: people.count) { b, i in
            let p = people[i]
            b.int(v); b.int(i); b.text(p.id); b.text(p.fullName); b.text(p.faculty); b.text(p.department)
            b.text(p.roles.names.joined(separator: ";"))
        }
        let courses = competition.courses
        try BulkInsert.run(db, table: "course",
                           columns: ["version_id", "idx", "mooc_id", "title", "faculty", "department", "previous_award_year"],
                           count: courses.count) { b, i in
            let c = courses[i]
            b.int(v); b.int(i); b.text(c.id); b.text(c.title); b.text(c.faculty); b.text(c.department); b.int(c.previousAwardYear)
        }
        let authorship = courses.indices.flatMap { c in courses.authors(c).indices.map { (course: c, position: $0) } }
        try BulkInsert.run(db, table: "course_author", columns: ["version_id", "course_idx", "position", "person_idx"],
                           count: authorship.count) { b, i in
            let a = authorship[i]
            b.int(v); b.int(a.course); b.int(a.position); b.int(Int(courses.authors(a.course)[a.position]))
        }
    }

    private static func insertResults(_ bundle: ArchivableBundle, versionID: Int64, _ db: Database) throws {
        let document = try db.makeStatement(sql: "INSERT INTO analysis_document (version_id, kind, stage, schema, json) VALUES (?, ?, ?, ?, ?)")
        for d in bundle.documents {
            try document.execute(arguments: [versionID, d.kind, d.stage.name, d.schema, d.json])
        }
        for a in bundle.analyses {
            let rows = a.ranking.rows
            try BulkInsert.run(db, table: "ranking_entry",
                               columns: ["version_id", "stage", "position", "course_idx", "rank", "score", "sheets", "tie_break"],
                               count: rows.count) { b, i in
                let row = rows[i]
                b.int(Int(versionID)); b.text(a.stage.name); b.int(i); b.int(Int(row.entry.course)); b.int(row.entry.rank)
                b.double(row.score.score); b.int(row.score.sheets); b.text(row.entry.tieBreak)
            }
        }
        let s = bundle.summary
        let exclusion = try db.makeStatement(sql: "INSERT INTO exclusion_count (version_id, stage, reason, sheets) VALUES (?, ?, ?, ?)")
        for x in s.exclusions { try exclusion.execute(arguments: [versionID, x.stage.name, x.reason, x.sheets]) }
        let severity = try db.makeStatement(sql: "INSERT INTO expert_severity (version_id, stage, expert_idx, sheets, severity) VALUES (?, ?, ?, ?, ?)")
        for x in s.severities { try severity.execute(arguments: [versionID, x.stage.name, Int(x.expert), x.sheets, x.severity]) }
        let faculty = try db.makeStatement(sql: "INSERT INTO faculty_summary (version_id, faculty, submissions, finalists, winners) VALUES (?, ?, ?, ?, ?)")
        for f in s.faculties { try faculty.execute(arguments: [versionID, f.faculty, f.submissions, f.finalists, f.winners]) }
        try db.execute(sql: """
            INSERT INTO year_summary (version_id, people, experts, authors, courses, sheets, department_sheets, faculty_sheets,
                commission_sheets, votes, declared_conflicts, decisions, prizes, finalists, winners, excluded_sheets,
                severity_experts, severity_sd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [versionID, s.people, s.experts, s.authors, s.courses, s.sheets, s.sheetsByStage[.department],
                             s.sheetsByStage[.faculty], s.sheetsByStage[.commission], s.votes, s.declaredConflicts, s.decisions,
                             s.prizes, s.finalists.count, s.winners.count, s.exclusions.reduce(0) { $0 + $1.sheets },
                             s.severityExperts, s.severitySD])
    }

    /// Adds the audit summary of a version stored without one; false when it has one.
    private static func insertAuditSummaryIfMissing(_ audit: AuditSummary, versionID: Int64, _ db: Database) throws -> Bool {
        let stored = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_summary WHERE version_id = ?)",
                                       arguments: [versionID]) ?? false
        if stored { return false }
        try insertAuditSummary(audit, versionID: versionID, db)
        return true
    }

    static func insertAuditSummary(_ audit: AuditSummary, versionID: Int64, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO audit_summary (version_id, stages, flags) VALUES (?, ?, ?)",
                       arguments: [versionID, audit.reliability.count, audit.flagCounts.reduce(0) { $0 + $1.flags }])
        let reliability = try db.makeStatement(sql: """
            INSERT INTO reliability_summary (version_id, stage, sheets, icc2k, icc2k_low, icc2k_high, icc2k_reason,
                alpha_interval, alpha_ordinal, alpha_reason, block_courses, block_experts, whole_design)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for r in audit.reliability {
            try reliability.execute(arguments: [versionID, r.stage.name, r.sheets, r.icc2k, r.icc2kLow, r.icc2kHigh, r.icc2kReason,
                                                r.alphaInterval, r.alphaOrdinal, r.alphaReason, r.blockCourses, r.blockExperts,
                                                r.wholeDesign])
        }
        let count = try db.makeStatement(sql: "INSERT INTO integrity_count (version_id, stage, kind, flags, recused) VALUES (?, ?, ?, ?, ?)")
        for c in audit.flagCounts {
            try count.execute(arguments: [versionID, c.stage.name, c.kind.rawValue, c.flags, c.recused])
        }
        let flags = audit.favouritism
        try BulkInsert.run(db, table: "favouritism_flag",
                           columns: ["version_id", "stage", "expert_idx", "target_kind", "target", "effect", "p_value", "q_value", "sheets"],
                           count: flags.count) { b, i in
            let f = flags[i]
            b.int(Int(versionID)); b.text(f.stage.name); b.int(Int(f.expert)); b.text(f.targetKind.rawValue); b.text(f.target)
            b.double(f.effect)
            if let p = f.pValue { b.double(p) } else { b.null() }
            if let q = f.qValue { b.double(q) } else { b.null() }
            b.int(f.sheets)
        }
    }
}

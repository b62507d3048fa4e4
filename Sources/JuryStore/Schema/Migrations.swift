import GRDB

/// The archive's schema: named, forward-only migrations, each in its own
/// transaction (GRDB's `DatabaseMigrator`).
///
/// Every migration ends by setting `PRAGMA user_version` to its number, so
/// that the version can be read without GRDB. A database that carries a
/// higher `user_version`, or a migration identifier this code does not know,
/// comes from a newer Jury and is refused before anything is written.
///
/// Tables (schema version 1); `version_id` is `version.id` everywhere, and
/// `*_idx` columns are 0-based positions in the bundle's own order (the
/// engine's indices), so that sheets can refer to courses and people with
/// two small integers:
///
/// | table | one row per | holds |
/// |---|---|---|
/// | `version` | archived bundle | competition id, number (1, 2, … per competition), digest, title, year, semester, `is_current`, `added_at` |
/// | `file_content` | distinct file content | sha256, size |
/// | `file_chunk` | MiB of a content | the bytes, in order (`seq`); content-addressed, so a file shared by two versions is stored once |
/// | `bundle_file` | file of a version | name, size, sha256 |
/// | `criterion` | criterion of a version | key, title, weight |
/// | `person` | row of people.csv | id, name, faculty, department, roles |
/// | `course` | row of moocs.csv | id, title, faculty, department, previous_award_year |
/// | `course_author` | author of a course | position (0 = lead), person |
/// | `sheet` | evaluation sheet | stage (0 department, 1 faculty, 2 commission), course, expert, the criterion scores as bytes, total, comment |
/// | `analysis_document` | output document | kind (`ranking`), stage, schema, the JSON as `jury rank --format json` prints it |
/// | `ranking_entry` | ranked course of a stage | position, rank, score, sheets, tie_break |
/// | `exclusion_count` | (stage, reason) | sheets that did not count |
/// | `expert_severity` | (stage, expert) | sheets with a consensus, mean (consensus − total) |
/// | `faculty_summary` | faculty | submissions, finalists, winners |
/// | `year_summary` | version | the counts and the severity spread of `jury trends` |
///
/// Schema version 2 (`v2-audit-summary`) adds the audit of every stage with
/// sheets (`AuditSummary`); a version archived under version 1 has no row in
/// them until the same bundle is added again (see `Archive.add`):
///
/// | table | one row per | holds |
/// |---|---|---|
/// | `audit_summary` | version whose audit is stored | the stages audited and the number of flags (its presence says the audit was computed) |
/// | `reliability_summary` | (version, stage) | counted sheets, ICC(2,k) with its 95 % interval or the reason it is null, Krippendorff's alpha (interval, ordinal), the complete block |
/// | `integrity_count` | (version, stage, kind) | flags of the kind, of which recused |
/// | `favouritism_flag` | favouritism flag | stage, expert, target kind (faculty, department, author) and target, effect, p, q, the group's sheets |
public enum ArchiveSchema {
    /// `PRAGMA application_id` of a Jury archive: "JURY" in ASCII.
    public static let applicationID: Int32 = 0x4A55_5259

    /// The schema version this code writes: the number of the last migration.
    public static var version: Int { migrations.count }

    /// The migrations in order; the identifier is what `grdb_migrations` records.
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1-archive", v1),
        ("v2-audit-summary", v2),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (number, m) in migrations.enumerated() {
            migrator.registerMigration(m.identifier) { db in
                try m.migrate(db)
                // PRAGMA takes no bound parameters; `number` is an integer constant of this code.
                try db.execute(sql: "PRAGMA user_version = \(number + 1)")
            }
        }
        return migrator
    }

    /// Refuses a database that is not an archive, or is one from a newer Jury.
    /// Reads only.
    static func checkCompatible(_ db: Database, path: String) throws {
        let storedID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let hasTables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0 > 0
        let applied = try migrator.appliedIdentifiers(db)
        // A new, empty file has id 0 and no tables; a half-created archive has
        // id 0 (set by the first migration) and nothing but GRDB's table.
        if storedID != applicationID && (storedID != 0 || (hasTables && applied.isEmpty)) {
            throw ArchiveError.notAnArchive(path: path, applicationID: storedID)
        }
        let known = Set(migrations.map(\.identifier))
        let unknown = applied.subtracting(known).sorted()
        if userVersion > version || !unknown.isEmpty {
            throw ArchiveError.newerSchema(path: path, schemaVersion: userVersion, knownVersion: version, unknownMigrations: unknown)
        }
    }

    // MARK: - Migrations

    static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: """
            CREATE TABLE version (
                id INTEGER PRIMARY KEY,
                competition_id TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                digest TEXT NOT NULL CHECK (length(digest) = 64),
                title TEXT NOT NULL,
                year INTEGER NOT NULL,
                semester TEXT,
                is_current INTEGER NOT NULL CHECK (is_current BETWEEN 0 AND 1),
                added_at TEXT NOT NULL,
                UNIQUE (competition_id, number),
                UNIQUE (competition_id, digest)
            );
            CREATE UNIQUE INDEX version_current ON version (competition_id) WHERE is_current = 1;
            CREATE INDEX version_year ON version (year) WHERE is_current = 1;

            CREATE TABLE file_content (
                sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
                size INTEGER NOT NULL CHECK (size >= 0)
            ) WITHOUT ROWID;
            CREATE TABLE file_chunk (
                sha256 TEXT NOT NULL REFERENCES file_content (sha256),
                seq INTEGER NOT NULL CHECK (seq >= 0),
                bytes BLOB NOT NULL,
                PRIMARY KEY (sha256, seq)
            );
            CREATE TABLE bundle_file (
                version_id INTEGER NOT NULL REFERENCES version (id),
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL REFERENCES file_content (sha256),
                PRIMARY KEY (version_id, name)
            ) WITHOUT ROWID;

            CREATE TABLE criterion (
                version_id INTEGER NOT NULL REFERENCES version (id),
                idx INTEGER NOT NULL,
                key TEXT NOT NULL,
                title TEXT NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (version_id, idx)
            ) WITHOUT ROWID;
            CREATE TABLE person (
                version_id INTEGER NOT NULL REFERENCES version (id),
                idx INTEGER NOT NULL,
                person_id TEXT NOT NULL,
                full_name TEXT NOT NULL,
                faculty TEXT NOT NULL,
                department TEXT NOT NULL,
                roles TEXT NOT NULL,
                PRIMARY KEY (version_id, idx),
                UNIQUE (version_id, person_id)
            );
            CREATE INDEX person_by_id ON person (person_id);
            CREATE TABLE course (
                version_id INTEGER NOT NULL REFERENCES version (id),
                idx INTEGER NOT NULL,
                mooc_id TEXT NOT NULL,
                title TEXT NOT NULL,
                faculty TEXT NOT NULL,
                department TEXT NOT NULL,
                previous_award_year INTEGER,
                PRIMARY KEY (version_id, idx),
                UNIQUE (version_id, mooc_id)
            );
            CREATE TABLE course_author (
                version_id INTEGER NOT NULL,
                course_idx INTEGER NOT NULL,
                position INTEGER NOT NULL,
                person_idx INTEGER NOT NULL,
                PRIMARY KEY (version_id, course_idx, position),
                FOREIGN KEY (version_id, course_idx) REFERENCES course (version_id, idx),
                FOREIGN KEY (version_id, person_idx) REFERENCES person (version_id, idx)
            ) WITHOUT ROWID;
            CREATE TABLE sheet (
                version_id INTEGER NOT NULL REFERENCES version (id),
                stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 2),
                course_idx INTEGER NOT NULL,
                expert_idx INTEGER NOT NULL,
                scores BLOB NOT NULL,
                total REAL NOT NULL,
                comment TEXT,
                PRIMARY KEY (version_id, stage, course_idx, expert_idx)
            ) WITHOUT ROWID;

            CREATE TABLE analysis_document (
                version_id INTEGER NOT NULL REFERENCES version (id),
                kind TEXT NOT NULL,
                stage TEXT NOT NULL,
                schema TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (version_id, kind, stage)
            );
            CREATE TABLE ranking_entry (
                version_id INTEGER NOT NULL REFERENCES version (id),
                stage TEXT NOT NULL,
                position INTEGER NOT NULL,
                course_idx INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                score REAL NOT NULL,
                sheets INTEGER NOT NULL,
                tie_break TEXT,
                PRIMARY KEY (version_id, stage, position),
                FOREIGN KEY (version_id, course_idx) REFERENCES course (version_id, idx)
            ) WITHOUT ROWID;
            CREATE TABLE exclusion_count (
                version_id INTEGER NOT NULL REFERENCES version (id),
                stage TEXT NOT NULL,
                reason TEXT NOT NULL,
                sheets INTEGER NOT NULL,
                PRIMARY KEY (version_id, stage, reason)
            ) WITHOUT ROWID;
            CREATE TABLE expert_severity (
                version_id INTEGER NOT NULL,
                stage TEXT NOT NULL,
                expert_idx INTEGER NOT NULL,
                sheets INTEGER NOT NULL CHECK (sheets >= 1),
                severity REAL NOT NULL,
                PRIMARY KEY (version_id, stage, expert_idx),
                FOREIGN KEY (version_id, expert_idx) REFERENCES person (version_id, idx)
            ) WITHOUT ROWID;
            CREATE TABLE faculty_summary (
                version_id INTEGER NOT NULL REFERENCES version (id),
                faculty TEXT NOT NULL,
                submissions INTEGER NOT NULL,
                finalists INTEGER NOT NULL,
                winners INTEGER NOT NULL,
                PRIMARY KEY (version_id, faculty)
            ) WITHOUT ROWID;
            CREATE TABLE year_summary (
                version_id INTEGER PRIMARY KEY REFERENCES version (id),
                people INTEGER NOT NULL,
                experts INTEGER NOT NULL,
                authors INTEGER NOT NULL,
                courses INTEGER NOT NULL,
                sheets INTEGER NOT NULL,
                department_sheets INTEGER NOT NULL,
                faculty_sheets INTEGER NOT NULL,
                commission_sheets INTEGER NOT NULL,
                votes INTEGER NOT NULL,
                declared_conflicts INTEGER NOT NULL,
                decisions INTEGER NOT NULL,
                prizes INTEGER,
                finalists INTEGER NOT NULL,
                winners INTEGER NOT NULL,
                excluded_sheets INTEGER NOT NULL,
                severity_experts INTEGER NOT NULL,
                severity_sd REAL
            );
            """)
    }

    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_summary (
                version_id INTEGER PRIMARY KEY REFERENCES version (id),
                stages INTEGER NOT NULL,
                flags INTEGER NOT NULL
            );
            CREATE TABLE reliability_summary (
                version_id INTEGER NOT NULL REFERENCES audit_summary (version_id),
                stage TEXT NOT NULL,
                sheets INTEGER NOT NULL,
                icc2k REAL,
                icc2k_low REAL,
                icc2k_high REAL,
                icc2k_reason TEXT,
                alpha_interval REAL,
                alpha_ordinal REAL,
                alpha_reason TEXT,
                block_courses INTEGER,
                block_experts INTEGER,
                whole_design INTEGER CHECK (whole_design BETWEEN 0 AND 1),
                PRIMARY KEY (version_id, stage)
            ) WITHOUT ROWID;
            CREATE TABLE integrity_count (
                version_id INTEGER NOT NULL REFERENCES audit_summary (version_id),
                stage TEXT NOT NULL,
                kind TEXT NOT NULL,
                flags INTEGER NOT NULL CHECK (flags >= 1),
                recused INTEGER NOT NULL,
                PRIMARY KEY (version_id, stage, kind)
            ) WITHOUT ROWID;
            CREATE TABLE favouritism_flag (
                version_id INTEGER NOT NULL REFERENCES audit_summary (version_id),
                stage TEXT NOT NULL,
                expert_idx INTEGER NOT NULL,
                target_kind TEXT NOT NULL,
                target TEXT NOT NULL,
                effect REAL NOT NULL,
                p_value REAL,
                q_value REAL,
                sheets INTEGER NOT NULL,
                PRIMARY KEY (version_id, stage, expert_idx, target_kind, target),
                FOREIGN KEY (version_id, expert_idx) REFERENCES person (version_id, idx)
            ) WITHOUT ROWID;
            """)
    }
}

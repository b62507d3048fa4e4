import Foundation
import GRDB

/// A multi-year archive of competitions: an SQLite file in WAL mode holding
/// every archived bundle byte for byte, the rows that cross-year queries need,
/// and the analysis results (`ArchiveSchema` lists the tables).
///
/// Readers never block the writer nor each other, and each read sees one
/// committed state: an archive being added is invisible until its transaction
/// commits, and then visible whole (SQLite's WAL snapshot isolation through
/// GRDB's `DatabasePool`). Several processes may open the same file; a writer
/// waits up to `busyTimeout` for another writer.
public final class Archive: Sendable {
    /// The path as given.
    public let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 30

    /// The archive path when `--db` is not given: `$JURY_ARCHIVE`, else
    /// `jury-archive.sqlite` in the current directory.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["JURY_ARCHIVE"], !path.isEmpty { return path }
        return "jury-archive.sqlite"
    }

    /// Opens the archive at `path`, migrating its schema forward.
    ///
    /// - Parameter create: create the file when it does not exist; when false,
    ///   a missing file is `ArchiveError.noArchive` and nothing is created.
    /// - Throws: `ArchiveError.notAnArchive` for another program's SQLite file,
    ///   `.newerSchema` for an archive from a newer Jury (left untouched).
    public init(path: String, create: Bool) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !create && !exists { throw ArchiveError.noArchive(path: path) }
        if exists {
            // Checked read-only first: opening a pool switches the file to WAL
            // mode, which must not happen to another program's database.
            var readOnly = Configuration()
            readOnly.readonly = true
            try ArchiveError.wrapping(path, "opening the archive") {
                try DatabaseQueue(path: path, configuration: readOnly).read { db in
                    try ArchiveSchema.checkCompatible(db, path: path)
                }
            }
        }
        if create && Self.isNewFile(path) {
            // The page size is fixed when the file is first written, and only
            // then (a WAL database cannot change it): set before WAL mode.
            try ArchiveError.wrapping(path, "creating the archive") {
                try DatabaseQueue(path: path).writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "jury-archive"
        pool = try ArchiveError.wrapping(path, "opening the archive") {
            try DatabasePool(path: path, configuration: configuration)
        }
        try ArchiveError.wrapping(path, "migrating the archive schema") {
            try ArchiveSchema.migrator.migrate(pool)
        }
    }

    /// The page size of a new archive, in bytes (SQLite's default is 4096).
    /// A large import stores about a gigabyte of bundle bytes and rows in one
    /// transaction; every page it touches is first looked up among the WAL's
    /// frames, a cost that grows with the WAL, so four times fewer (larger)
    /// pages cut that cost (measured at 10 M sheets; see `Guides/Archive.md`).
    /// Archives created with another page size keep theirs.
    static let pageSize = 16_384

    /// No file, or an empty one.
    static func isNewFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return true }
        return (attributes[.size] as? NSNumber)?.intValue == 0
    }

    /// Runs a read on one consistent snapshot of the archive.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws -> T {
        try ArchiveError.wrapping(path, operation) { try pool.read(body) }
    }

    /// Runs `body` in one write transaction: it commits whole or not at all.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) throws -> T {
        try ArchiveError.wrapping(path, operation) { try pool.write(body) }
    }
}

import GRDB

/// Every failure of the archive, with the context needed to act on it: the
/// archive's path, the competition, the digests or schema versions involved.
/// SQLite failures keep GRDB's error (result code, statement) but never the
/// statement's arguments, which may hold people's names.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    /// `list` or `trends` on a path where no archive exists.
    case noArchive(path: String)
    /// The file is an SQLite database of some other program.
    case notAnArchive(path: String, applicationID: Int32)
    /// The archive was written by a newer Jury: its schema version or applied
    /// migrations are unknown to this one.
    case newerSchema(path: String, schemaVersion: Int, knownVersion: Int, unknownMigrations: [String])
    /// The archive orders competitions by year; this bundle gives none.
    case missingYear(competitionID: String)
    /// A different bundle is already the current version of this competition.
    case changedBundle(competitionID: String, storedVersion: Int, storedDigest: String, newDigest: String)
    /// A file of the bundle could not be read, or changed while being archived.
    case bundleFile(path: String, problem: String)
    /// SQLite refused an operation.
    case database(path: String, operation: String, error: DatabaseError)

    public var description: String {
        switch self {
        case .noArchive(let path):
            return "\(path): no archive here (create one with `jury archive add <bundle> --db \(path)`)"
        case .notAnArchive(let path, let id):
            return "\(path): this SQLite database is not a Jury archive (application_id \(id)); give another --db file"
        case .newerSchema(let path, let version, let known, let unknown):
            var text = "\(path): this archive was written by a newer Jury (schema version \(version), this Jury knows up to \(known)"
            if !unknown.isEmpty { text += "; unknown migrations: \(unknown.joined(separator: ", "))" }
            return text + "); upgrade Jury to read it — the archive was not changed"
        case .missingYear(let id):
            return "competition '\(id)': competition.json gives no \"year\"; the archive orders competitions by year, so add one"
        case .changedBundle(let id, let number, let stored, let new):
            return "competition '\(id)' is already archived (version \(number), digest \(stored.prefix(12))) and this bundle differs (digest \(new.prefix(12))); " +
                "to store it as the new current version, keeping the earlier one in the history, add --replace"
        case .bundleFile(let path, let problem):
            return "\(path): \(problem)"
        case .database(let path, let operation, let error):
            var text = "\(path): \(operation) failed: SQLite error \(error.extendedResultCode.rawValue)"
            if let message = error.message { text += ": \(message)" }
            if let sql = error.sql { text += " — while executing `\(sql)`" }
            return text
        }
    }

    /// Runs `body`, turning GRDB's errors into `.database` with context.
    static func wrapping<T>(_ path: String, _ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw ArchiveError.database(path: path, operation: operation, error: error)
        }
    }
}

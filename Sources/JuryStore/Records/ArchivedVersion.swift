import GRDB

/// One archived bundle of a competition (a row of `version`). A competition
/// has one current version; earlier ones stay, replaced but never deleted.
public struct ArchivedVersion: Sendable, Hashable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "version"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Row id; nil before insertion.
    public var id: Int64?
    public var competitionId: String
    /// 1, 2, … per competition, in the order added.
    public var number: Int
    /// `BundleFiles.digest` of the bundle.
    public var digest: String
    public var title: String
    public var year: Int
    public var semester: String?
    public var isCurrent: Bool
    /// ISO 8601 instant (UTC) when the version was first added. Stored for the
    /// record; outputs print it only when asked, so they stay reproducible.
    public var addedAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Every version of a competition, oldest first.
    static func all(of competitionID: String, _ db: Database) throws -> [ArchivedVersion] {
        try ArchivedVersion.fetchAll(db, sql: "SELECT * FROM version WHERE competition_id = ? ORDER BY number",
                                     arguments: [competitionID])
    }
}

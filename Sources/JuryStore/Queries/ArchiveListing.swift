import GRDB

/// What an archive holds: every competition with every version, for
/// `jury archive list`.
public struct ArchiveListing: Sendable, Hashable {
    public struct Version: Sendable, Hashable {
        public var version: ArchivedVersion
        public var courses: Int
        public var sheets: Int
        public var files: Int
        /// Bytes of the bundle's files.
        public var bytes: Int
    }

    public struct Competition: Sendable, Hashable {
        public var id: String
        /// Oldest first.
        public var versions: [Version]
        public var current: Version { versions.first { $0.version.isCurrent }! }
    }

    /// By the current version's year, then id.
    public var competitions: [Competition]
}

extension Archive {
    public func listing() throws -> ArchiveListing {
        try read("listing the archive") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.*, y.courses AS listed_courses, y.sheets AS listed_sheets,
                       (SELECT count(*) FROM bundle_file f WHERE f.version_id = v.id) AS listed_files,
                       (SELECT coalesce(sum(f.size), 0) FROM bundle_file f WHERE f.version_id = v.id) AS listed_bytes
                FROM version v JOIN year_summary y ON y.version_id = v.id
                ORDER BY v.competition_id, v.number
                """)
            var byID: [String: [ArchiveListing.Version]] = [:]
            for row in rows {
                let version = try ArchivedVersion(row: row)
                byID[version.competitionId, default: []].append(ArchiveListing.Version(
                    version: version, courses: row["listed_courses"], sheets: row["listed_sheets"],
                    files: row["listed_files"], bytes: row["listed_bytes"]))
            }
            let competitions = byID.map { ArchiveListing.Competition(id: $0.key, versions: $0.value) }
            return ArchiveListing(competitions: competitions.sorted { a, b in
                let ya = a.current.version.year, yb = b.current.version.year
                return ya != yb ? ya < yb : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            })
        }
    }
}

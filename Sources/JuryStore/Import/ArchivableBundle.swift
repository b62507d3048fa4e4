import JuryEngine
import JuryIO

/// A valid bundle made ready for the archive: its files hashed, every stage
/// that has sheets analysed and audited, the year and audit summaries computed. Everything that can
/// fail or take time outside the database happens here, before the write
/// transaction opens.
public struct ArchivableBundle: Sendable {
    public let competition: Competition
    public let year: Int
    public let files: BundleFiles
    /// One per stage that has sheets, in stage order, each with its audit.
    public let analyses: [Analysis]
    public let summary: YearSummary
    public let audit: AuditSummary

    /// - Parameters:
    ///   - folder: the bundle folder, whose files are stored byte for byte.
    ///   - competition: the folder as `BundleReader` read it, without errors.
    /// - Throws: `ArchiveError.missingYear`, `.bundleFile`.
    public init(folder: String, competition: Competition) throws {
        guard let year = competition.year else { throw ArchiveError.missingYear(competitionID: competition.id) }
        self.competition = competition
        self.year = year
        files = try BundleFiles(folder: folder)
        analyses = Stage.allCases.filter { !competition.sheets.rows(in: $0).isEmpty }
            .map { Analysis(competition: competition, stage: $0, includeAudit: true) }
        summary = YearSummary(competition: competition, analyses: analyses)
        audit = AuditSummary(competition: competition, analyses: analyses)
        documents = analyses.map {
            Document(kind: "ranking", stage: $0.stage, schema: "jury/ranking/v1", json: RankingOutput.json($0, competition: competition))
        }
    }

    /// The bundle's identity in the archive (`BundleFiles.digest`).
    public var digest: String { files.digest }

    /// The documents stored with the version, rendered before the write
    /// transaction opens: one `jury/ranking/v1` per analysed stage.
    let documents: [Document]

    struct Document: Sendable {
        var kind: String
        var stage: Stage
        var schema: String
        var json: String
    }
}

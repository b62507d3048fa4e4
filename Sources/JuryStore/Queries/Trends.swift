import GRDB
import JuryEngine

/// Fairness across years (`jury trends`), read from the current version of
/// every archived competition, oldest year first (then by competition id).
///
/// Every number here was computed when the bundle was archived
/// (`YearSummary`); this only reads and lays them side by side.
public struct Trends: Sendable, Hashable {
    public struct Year: Sendable, Hashable {
        public var competitionID: String
        public var title: String
        public var year: Int
        public var semester: String?
        public var versionNumber: Int
        public var digest: String
        public var people: Int
        public var experts: Int
        public var authors: Int
        public var courses: Int
        public var sheets: Int
        public var sheetsByStage: [Stage: Int]
        public var votes: Int
        public var declaredConflicts: Int
        public var decisions: Int
        public var prizes: Int?
        public var finalists: Int
        public var winners: Int
        public var excludedSheets: Int
        /// Experts with a severity (at least one sheet with a consensus).
        public var severityExperts: Int
        /// Sample sd of the experts' severities (`ExpertSeverity.spread`).
        public var severitySD: Double?
        /// By faculty name.
        public var faculties: [FacultyShare]
        /// Sheets that did not count, by stage then reason.
        public var exclusions: [YearSummary.ExclusionCount]
        /// The stored audit; nil for a version archived before the archive
        /// stored audits (schema version 1) and not added again since.
        public var audit: Audit?
    }

    /// A year's audit, as `AuditSummary` stored it.
    public struct Audit: Sendable, Hashable {
        /// By stage.
        public var reliability: [AuditSummary.Reliability]
        /// By stage, then kind.
        public var flagCounts: [AuditSummary.FlagCount]

        /// Flags of each kind over the stages, in `IntegrityKind.allCases` order, kinds with a flag only.
        public var flagsByKind: [(kind: IntegrityKind, flags: Int)] {
            IntegrityKind.allCases.compactMap { kind in
                let n = flagCounts.filter { $0.kind == kind }.reduce(0) { $0 + $1.flags }
                return n > 0 ? (kind, n) : nil
            }
        }
    }

    /// The same expert flagged for favouring the same faculty, department or
    /// author in two or more archived years.
    public struct RepeatedFavouritism: Sendable, Hashable {
        public struct Entry: Sendable, Hashable {
            public var year: Int
            public var competitionID: String
            public var stage: Stage
            public var effect: Double
            public var pValue: Double?
            public var qValue: Double?
            public var sheets: Int
        }

        public var expertID: String
        public var targetKind: FavouredGroup.Kind
        /// The faculty or department name, or the author's `person_id`.
        public var target: String
        /// By year, competition id, then stage.
        public var entries: [Entry]
        /// Distinct years with a flag.
        public var years: [Int] { Array(Set(entries.map(\.year))).sorted() }
    }

    /// A faculty's part of the submissions, the finalists and the winners.
    public struct FacultyShare: Sendable, Hashable {
        public var faculty: String
        public var submissions: Int
        public var finalists: Int
        public var winners: Int
        public var submissionShare: Double
        /// Nil when the year has no finalist.
        public var finalistShare: Double?
        public var winnerShare: Double?

        /// Share of finalists ÷ share of submissions: 1 = represented in the
        /// final as in the submissions, above 1 = over-represented.
        public var finalistRepresentation: Double? { finalistShare.map { $0 / submissionShare } }
        public var winnerRepresentation: Double? { winnerShare.map { $0 / submissionShare } }
    }

    /// An expert who served in more than one archived year, with their
    /// severity each year (pooled over stages, weighted by sheets).
    public struct ExpertDrift: Sendable, Hashable {
        public struct Entry: Sendable, Hashable {
            public var year: Int
            public var competitionID: String
            public var sheets: Int
            public var severity: Double
        }

        public var expertID: String
        /// By year, then competition id.
        public var entries: [Entry]
    }

    public var years: [Year]
    /// By expert id.
    public var experts: [ExpertDrift]
    /// By expert id, target kind (faculty, department, author), then target;
    /// nil when no archived year has a stored audit.
    public var repeatedFavouritism: [RepeatedFavouritism]?
}

extension Archive {
    public func trends() throws -> Trends {
        try read("reading trends") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.id AS version_id, v.competition_id, v.title, v.year, v.semester, v.number, v.digest, y.*
                FROM version v JOIN year_summary y ON y.version_id = v.id
                WHERE v.is_current = 1
                ORDER BY v.year, v.competition_id
                """)
            var years: [Trends.Year] = []
            for row in rows {
                let versionID: Int64 = row["version_id"]
                var year = Trends.Year(
                    competitionID: row["competition_id"], title: row["title"], year: row["year"], semester: row["semester"],
                    versionNumber: row["number"], digest: row["digest"], people: row["people"], experts: row["experts"],
                    authors: row["authors"], courses: row["courses"], sheets: row["sheets"],
                    sheetsByStage: [.department: row["department_sheets"], .faculty: row["faculty_sheets"],
                                    .commission: row["commission_sheets"]],
                    votes: row["votes"], declaredConflicts: row["declared_conflicts"], decisions: row["decisions"],
                    prizes: row["prizes"], finalists: row["finalists"], winners: row["winners"],
                    excludedSheets: row["excluded_sheets"], severityExperts: row["severity_experts"],
                    severitySD: row["severity_sd"], faculties: [], exclusions: [], audit: nil)
                let faculties = try Row.fetchAll(db, sql: """
                    SELECT faculty, submissions, finalists, winners FROM faculty_summary WHERE version_id = ? ORDER BY faculty
                    """, arguments: [versionID])
                let totalSubmissions = faculties.reduce(0) { $0 + ($1["submissions"] as Int) }
                for f in faculties {
                    let submissions: Int = f["submissions"], finalists: Int = f["finalists"], winners: Int = f["winners"]
                    year.faculties.append(Trends.FacultyShare(
                        faculty: f["faculty"], submissions: submissions, finalists: finalists, winners: winners,
                        submissionShare: Double(submissions) / Double(totalSubmissions),
                        finalistShare: year.finalists > 0 ? Double(finalists) / Double(year.finalists) : nil,
                        winnerShare: year.winners > 0 ? Double(winners) / Double(year.winners) : nil))
                }
                year.faculties.sort { $0.faculty.utf8.lexicographicallyPrecedes($1.faculty.utf8) }
                let exclusions = try Row.fetchAll(db, sql: """
                    SELECT stage, reason, sheets FROM exclusion_count WHERE version_id = ?
                    """, arguments: [versionID])
                year.exclusions = exclusions.compactMap { x in
                    Stage(name: x["stage"]).map { YearSummary.ExclusionCount(stage: $0, reason: x["reason"], sheets: x["sheets"]) }
                }.sorted { a, b in a.stage != b.stage ? a.stage < b.stage : a.reason.utf8.lexicographicallyPrecedes(b.reason.utf8) }
                year.audit = try Self.audit(versionID: versionID, db)
                years.append(year)
            }
            let severities = try Row.fetchAll(db, sql: """
                SELECT p.person_id, v.year, v.competition_id, s.sheets, s.severity
                FROM expert_severity s
                JOIN version v ON v.id = s.version_id
                JOIN person p ON p.version_id = s.version_id AND p.idx = s.expert_idx
                WHERE v.is_current = 1
                ORDER BY p.person_id, v.year, v.competition_id, s.stage
                """)
            var pooled: [String: [Trends.ExpertDrift.Entry]] = [:]
            var sums: [String: [String: (year: Int, sum: Double, n: Int)]] = [:]
            for s in severities {
                let expert: String = s["person_id"], competition: String = s["competition_id"]
                let sheets: Int = s["sheets"], severity: Double = s["severity"]
                var entry = sums[expert, default: [:]][competition] ?? (s["year"], 0, 0)
                entry.sum += severity * Double(sheets)
                entry.n += sheets
                sums[expert, default: [:]][competition] = entry
            }
            for (expert, byCompetition) in sums {
                pooled[expert] = byCompetition.map {
                    Trends.ExpertDrift.Entry(year: $0.value.year, competitionID: $0.key, sheets: $0.value.n,
                                             severity: $0.value.sum / Double($0.value.n))
                }.sorted { a, b in a.year != b.year ? a.year < b.year : a.competitionID.utf8.lexicographicallyPrecedes(b.competitionID.utf8) }
            }
            let experts = pooled.filter { Set($0.value.map(\.year)).count > 1 }
                .map { Trends.ExpertDrift(expertID: $0.key, entries: $0.value) }
                .sorted { $0.expertID.utf8.lexicographicallyPrecedes($1.expertID.utf8) }
            let repeated = years.contains { $0.audit != nil } ? try Self.repeatedFavouritism(db) : nil
            return Trends(years: years, experts: experts, repeatedFavouritism: repeated)
        }
    }

    private static func audit(versionID: Int64, _ db: Database) throws -> Trends.Audit? {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_summary WHERE version_id = ?)",
                                arguments: [versionID]) ?? false else { return nil }
        let reliability = try Row.fetchAll(db, sql: "SELECT * FROM reliability_summary WHERE version_id = ?", arguments: [versionID])
            .compactMap { r -> AuditSummary.Reliability? in
                guard let stage = Stage(name: r["stage"]) else { return nil }
                return AuditSummary.Reliability(
                    stage: stage, sheets: r["sheets"], icc2k: r["icc2k"], icc2kLow: r["icc2k_low"], icc2kHigh: r["icc2k_high"],
                    icc2kReason: r["icc2k_reason"], alphaInterval: r["alpha_interval"], alphaOrdinal: r["alpha_ordinal"],
                    alphaReason: r["alpha_reason"], blockCourses: r["block_courses"], blockExperts: r["block_experts"],
                    wholeDesign: r["whole_design"])
            }.sorted { $0.stage < $1.stage }
        let kinds = IntegrityKind.allCases
        let counts = try Row.fetchAll(db, sql: "SELECT * FROM integrity_count WHERE version_id = ?", arguments: [versionID])
            .compactMap { r -> AuditSummary.FlagCount? in
                guard let stage = Stage(name: r["stage"]), let kind = IntegrityKind(rawValue: r["kind"]) else { return nil }
                return AuditSummary.FlagCount(stage: stage, kind: kind, flags: r["flags"], recused: r["recused"])
            }.sorted { a, b in
                a.stage != b.stage ? a.stage < b.stage : (kinds.firstIndex(of: a.kind) ?? 0) < (kinds.firstIndex(of: b.kind) ?? 0)
            }
        return Trends.Audit(reliability: reliability, flagCounts: counts)
    }

    /// Favouritism flags of the current versions, grouped by (expert id,
    /// target kind, target); the groups flagged in two or more years.
    private static func repeatedFavouritism(_ db: Database) throws -> [Trends.RepeatedFavouritism] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.person_id, f.target_kind, f.target, v.year, v.competition_id, f.stage, f.effect, f.p_value, f.q_value, f.sheets
            FROM favouritism_flag f
            JOIN version v ON v.id = f.version_id
            JOIN person p ON p.version_id = f.version_id AND p.idx = f.expert_idx
            WHERE v.is_current = 1
            """)
        struct Key: Hashable { var expert: String, kind: FavouredGroup.Kind, target: String }
        var groups: [Key: [Trends.RepeatedFavouritism.Entry]] = [:]
        for r in rows {
            guard let kind = FavouredGroup.Kind(rawValue: r["target_kind"]), let stage = Stage(name: r["stage"]) else { continue }
            groups[Key(expert: r["person_id"], kind: kind, target: r["target"]), default: []].append(
                Trends.RepeatedFavouritism.Entry(year: r["year"], competitionID: r["competition_id"], stage: stage,
                                                 effect: r["effect"], pValue: r["p_value"], qValue: r["q_value"], sheets: r["sheets"]))
        }
        let kinds = FavouredGroup.Kind.allCases
        return groups.filter { Set($0.value.map(\.year)).count > 1 }.map { key, entries in
            Trends.RepeatedFavouritism(expertID: key.expert, targetKind: key.kind, target: key.target, entries: entries.sorted { a, b in
                if a.year != b.year { return a.year < b.year }
                if a.competitionID != b.competitionID { return a.competitionID.utf8.lexicographicallyPrecedes(b.competitionID.utf8) }
                return a.stage < b.stage
            })
        }.sorted { a, b in
            if a.expertID != b.expertID { return a.expertID.utf8.lexicographicallyPrecedes(b.expertID.utf8) }
            if a.targetKind != b.targetKind { return (kinds.firstIndex(of: a.targetKind) ?? 0) < (kinds.firstIndex(of: b.targetKind) ?? 0) }
            return a.target.utf8.lexicographicallyPrecedes(b.target.utf8)
        }
    }
}

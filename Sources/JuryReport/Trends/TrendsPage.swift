import JuryEngine
import JuryStore

/// The view model of `trends.mustache` (see `PageFrame.swift` for how view
/// models work): strings already formatted, rows in the order of `Trends`.
struct TrendsPage {
    struct YearRow {
        var yearText: String
        var competitionIdText: String
        var competitionTitleText: String
        var coursesText: String
        var sheetsText: String
        var expertsText: String
        var finalistsText: String
        var winnersText: String
        var excludedText: String
        var severitySDText: String
        var icc2kText: String
        var alphaText: String
        var flagsText: String
    }

    struct ReliabilityRow {
        var relYear: String
        var relStage: String
        var relSheets: String
        var relICC: String
        var relInterval: String
        var relAlpha: String
        var relBlock: String
        var relNote: String
    }

    struct FlagRow {
        var flagYear: String
        var flagStage: String
        var flagKind: String
        var flagCount: String
        var flagRecused: String
    }

    struct FacultyRow {
        var facYear: String
        var facName: String
        var facSubmitted: String
        var facFinalists: String
        var facWinners: String
        var facRepresentation: String
    }

    struct DriftRow {
        var driftExpert: String
        var driftYears: String
        var driftSeverities: String
        var driftChange: String
    }

    struct RepeatedRow {
        var repExpert: String
        var repTarget: String
        var repYears: String
        var repEffects: String
        var repQ: String
    }

    var lang: String
    var pageTitle: String
    var l: [String: String]
    var trendsLead: String
    var years: [YearRow]
    var reliabilityChart: ChartRef?
    var hasReliability: Bool
    var reliability: [ReliabilityRow]
    var severityChart: ChartRef?
    var flagsChart: ChartRef?
    var hasFlags: Bool
    var flags: [FlagRow]
    var facultiesChart: ChartRef?
    var faculties: [FacultyRow]
    var driftChart: ChartRef?
    var hasDrift: Bool
    var driftLead: String
    var drift: [DriftRow]
    var repeatedKnown: Bool
    var hasRepeated: Bool
    var repeated: [RepeatedRow]
    var unauditedNote: String?
    var dataFiles: [String]

    init(trends: Trends, text t: ReportText, language: ReportLanguage, charts: [String: ChartJob], dataFiles: [String]) {
        func chart(_ path: String) -> ChartRef? {
            charts[path].map { ChartRef(chartPath: $0.path, chartAlt: $0.title, chartCaption: $0.caption,
                                        chartWidth: $0.width, chartHeight: $0.height) }
        }
        func count(_ n: Int) -> String { String(n) }
        func optional(_ x: Double?, decimals: Int = 2) -> String { x.map { t.number($0, decimals: decimals) } ?? "—" }
        lang = language.rawValue
        pageTitle = t["trends_title"]
        l = t.labels
        trendsLead = t.format("trends_lead", String(trends.years.count))
        years = trends.years.map { y in
            let last = y.audit?.reliability.last
            return YearRow(yearText: String(y.year), competitionIdText: y.competitionID, competitionTitleText: y.title,
                           coursesText: count(y.courses), sheetsText: count(y.sheets), expertsText: count(y.experts),
                           finalistsText: count(y.finalists), winnersText: count(y.winners), excludedText: count(y.excludedSheets),
                           severitySDText: optional(y.severitySD), icc2kText: optional(last?.icc2k),
                           alphaText: optional(last?.alphaInterval),
                           flagsText: y.audit.map { count($0.flagCounts.reduce(0) { $0 + $1.flags }) } ?? "—")
        }
        reliabilityChart = chart(TrendsCharts.reliabilityPath)
        reliability = trends.years.flatMap { y in
            (y.audit?.reliability ?? []).map { r in
                let interval = r.icc2kLow.flatMap { lo in r.icc2kHigh.map { "[\(t.number(lo)); \(t.number($0))]" } } ?? "—"
                let block = r.blockCourses.flatMap { c in r.blockExperts.map { e in
                    t.format(r.wholeDesign == true ? "trends_block_whole" : "trends_block_partial", String(c), String(e))
                } } ?? "—"
                return ReliabilityRow(relYear: String(y.year), relStage: t.stage(r.stage), relSheets: count(r.sheets),
                                      relICC: optional(r.icc2k), relInterval: interval, relAlpha: optional(r.alphaInterval),
                                      relBlock: block, relNote: [r.icc2kReason, r.alphaReason].compactMap { $0 }.joined(separator: "; "))
            }
        }
        hasReliability = !reliability.isEmpty
        severityChart = chart(TrendsCharts.severityPath)
        flagsChart = chart(TrendsCharts.flagsPath)
        flags = trends.years.flatMap { y in
            (y.audit?.flagCounts ?? []).map {
                FlagRow(flagYear: String(y.year), flagStage: t.stage($0.stage), flagKind: t.kind($0.kind.rawValue),
                        flagCount: count($0.flags), flagRecused: count($0.recused))
            }
        }
        hasFlags = !flags.isEmpty
        facultiesChart = chart(TrendsCharts.facultiesPath)
        faculties = trends.years.flatMap { y in
            y.faculties.map {
                FacultyRow(facYear: String(y.year), facName: $0.faculty, facSubmitted: count($0.submissions),
                           facFinalists: count($0.finalists), facWinners: count($0.winners),
                           facRepresentation: optional($0.finalistRepresentation))
            }
        }
        driftChart = chart(TrendsCharts.driftPath)
        let drifting = TrendsCharts.largestDrift(trends.experts)
        drift = drifting.map { e in
            DriftRow(driftExpert: e.expertID, driftYears: e.entries.map { String($0.year) }.joined(separator: ", "),
                     driftSeverities: e.entries.map { t.number($0.severity) }.joined(separator: ", "),
                     driftChange: t.number(TrendsCharts.drift(e)))
        }
        hasDrift = !drift.isEmpty
        driftLead = t.format("trends_drift_lead", String(drift.count), String(trends.experts.count))
        repeatedKnown = trends.repeatedFavouritism != nil
        repeated = (trends.repeatedFavouritism ?? []).map { r in
            RepeatedRow(repExpert: r.expertID, repTarget: t["target_" + r.targetKind.rawValue] + " " + r.target,
                        repYears: r.entries.map { String($0.year) }.joined(separator: ", "),
                        repEffects: r.entries.map { t.number($0.effect) }.joined(separator: ", "),
                        repQ: r.entries.map { $0.qValue.map { q in q < 0.001 ? "< " + t.number(0.001, decimals: 3) : t.number(q, decimals: 3) } ?? "—" }
                            .joined(separator: ", "))
        }
        hasRepeated = !repeated.isEmpty
        let unaudited = trends.years.filter { $0.audit == nil }
        unauditedNote = unaudited.isEmpty ? nil
            : t.format("trends_no_audit", unaudited.map { "\($0.competitionID) (\($0.year))" }.joined(separator: ", "))
        self.dataFiles = dataFiles
    }
}

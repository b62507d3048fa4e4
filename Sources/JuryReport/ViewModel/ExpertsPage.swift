import JuryEngine

/// `experts.html`: every expert's sheets of the analysed stage beside the
/// other experts' (the engine's outlier assessment), with what did not count.
///
/// With `Analysis.audit`, also the reliability of the judging and each
/// expert's rater effects (`audit`, a field here and a block in
/// `experts.mustache`, as `PageFrame.swift` describes).
struct ExpertsPage {
    var frame: PageFrame
    var expertsLead: String
    var chart: ChartRef?
    var audit: AuditModel?
    var hasExperts: Bool
    var experts: [ExpertModel]
}

struct ExpertModel {
    var anchor: String
    var expertName: String
    var expertId: String
    var positionText: String
    var unitText: String
    var sheetCount: String
    var recusedCount: String
    var outlierCount: String
    var otherStagesText: String
    var hasExpertSheets: Bool
    var expertSheets: [ExpertSheetRow]
}

struct ExpertSheetRow {
    var rowClass: String
    var courseRef: CourseRef
    var totalText: String
    var othersMedianText: String
    var robustZText: String
    var statusText: String
}

extension ReportContext {
    /// People who rated anything at any stage, or hold the expert role, in the order of `people.csv`.
    var expertIndices: [Int] {
        competition.people.indices.filter { p in
            competition.people.roles(p).contains(.expert) || stageSheets.contains { $0.sheetCount(ofExpert: p) > 0 }
        }
    }

    func expertsPage() -> ExpertsPage {
        let table = competition.sheets
        let experts = expertIndices.map { p -> ExpertModel in
            let person = competition.people[p]
            let rows = view.sheets(ofExpert: p)
            let sheets = rows.map { r -> ExpertSheetRow in
                let a = assessmentByRow[r]
                var status = self.status(row: r)
                let flagged = a.map(isOutlier) ?? false
                if let a, flagged { status += "; " + text.format("status_outlier", text.number(a.robustZ)) }
                return ExpertSheetRow(
                    rowClass: exclusionByRow[r] != nil ? "excluded" : flagged ? "flagged" : "",
                    courseRef: courseRef(table.course[Int(r)]),
                    totalText: text.total(table.total[Int(r)], rules: rules),
                    othersMedianText: a.map { text.number($0.consensus) } ?? "—",
                    robustZText: a.map { text.number($0.robustZ) } ?? text["not_assessed"],
                    statusText: status)
            }
            let others = Stage.allCases.filter { $0 != analysis.stage }.compactMap { s -> String? in
                let n = stageSheets[Int(s.rawValue)].sheetCount(ofExpert: p)
                return n > 0 ? "\(text.stage(s)) \(n)" : nil
            }
            let details = [person.position, person.degree].compactMap { $0 }.filter { !$0.isEmpty }
            return ExpertModel(
                anchor: expertAnchors[p], expertName: person.fullName, expertId: person.id,
                positionText: details.joined(separator: ", "),
                unitText: unitText(faculty: person.faculty, department: person.department),
                sheetCount: String(rows.count),
                recusedCount: String(rows.filter { exclusionByRow[$0] != nil }.count),
                outlierCount: String(rows.filter { assessmentByRow[$0].map(isOutlier) ?? false }.count),
                otherStagesText: others.isEmpty ? "—" : others.joined(separator: ", "),
                hasExpertSheets: !rows.isEmpty, expertSheets: sheets)
        }
        let o = outliers
        return ExpertsPage(
            frame: frame(title: text["nav_experts"], current: .experts),
            expertsLead: text.format("experts_lead", text.stage(analysis.stage), text.number(o.scale),
                                     text.number(o.threshold, decimals: 1)),
            chart: chartRef(ReportCharts.expertsPath), audit: auditModel(),
            hasExperts: !experts.isEmpty, experts: experts)
    }
}

import JuryEngine

/// `stages.html`: how many courses reached each step, the eligibility of
/// every course (from `EligibilityChecker`), the checks left to the
/// commission, and its decisions. When the stage funnel lands in `Analysis`
/// (who advanced from each department and faculty, and why: 9.5.1, 9.5.2,
/// 9.8), its minutes extracts become a block here.
struct StagesPage {
    var frame: PageFrame
    var funnel: [FunnelRow]
    var chart: ChartRef?
    var eligibilityLead: String
    var eligibility: [EligibilityRow]
    var manualChecks: [ManualRow]
    var hasDecisions: Bool
    var decisions: [DecisionRow]
}

struct FunnelRow {
    var stepText: String
    var stepCount: String
    var count: Int
}

struct EligibilityRow {
    var rowClass: String
    var courseRef: CourseRef
    var unitText: String
    var verdictText: String
    var failureLines: [FailureModel]
    var uncheckedCount: String
}

struct ManualRow {
    var manualCode: String
    var manualClause: String
    var manualSummary: String
}

struct DecisionRow {
    var stageText: String
    var unitText: String
    var courseRef: CourseRef
    var decisionText: String
    var reasonText: String
    var decidedText: String?
}

extension ReportContext {
    /// Submitted, eligible, rated at each stage that has sheets, ranked at the analysed stage.
    func funnel() -> [FunnelRow] {
        let submitted = competition.courses.count
        let eligible = eligibility.filter { $0?.eligible ?? true }.count
        var rows = [
            FunnelRow(stepText: text["funnel_submitted"], stepCount: String(submitted), count: submitted),
            FunnelRow(stepText: text["funnel_eligible"], stepCount: String(eligible), count: eligible),
        ]
        for stage in Stage.allCases {
            let view = stageSheets[Int(stage.rawValue)]
            guard view.count > 0 else { continue }
            let rated = (0..<view.courseCount).filter { view.sheetCount(ofCourse: $0) > 0 }.count
            rows.append(FunnelRow(stepText: text.format("funnel_rated", text.stage(stage)), stepCount: String(rated),
                                  count: rated))
        }
        let ranked = analysis.ranking.rows.count
        rows.append(FunnelRow(stepText: text.format("funnel_ranked", text.stage(analysis.stage)), stepCount: String(ranked),
                              count: ranked))
        return rows
    }

    func decisionRows() -> [DecisionRow] {
        competition.decisions.map { d in
            DecisionRow(stageText: text.stage(d.stage), unitText: d.unit == "all" ? text["unit_all"] : d.unit,
                        courseRef: courseRef(d.course), decisionText: text.decision(d.kind), reasonText: d.reason,
                        decidedText: d.decidedAt?.text)
        }
    }

    func stagesPage() -> StagesPage {
        let rows = competition.courses.indices.map { ci -> EligibilityRow in
            let course = competition.courses[ci]
            let e = eligibility[ci]
            let verdict = e.map { !$0.eligible ? text["ineligible"] : $0.failures.isEmpty ? text["eligible"] : text["eligible_with_warnings"] } ?? "—"
            return EligibilityRow(
                rowClass: e?.eligible == false ? "flagged" : "",
                courseRef: courseRef(Int32(ci)),
                unitText: unitText(faculty: course.faculty, department: course.department),
                verdictText: verdict, failureLines: e?.failures.map(failureModel) ?? [],
                uncheckedCount: String(e?.unchecked.count ?? 0))
        }
        let decisions = decisionRows()
        return StagesPage(
            frame: frame(title: text["nav_stages"], current: .stages),
            funnel: funnel(), chart: chartRef(ReportCharts.funnelPath),
            eligibilityLead: text["eligibility_lead"], eligibility: rows,
            manualChecks: ManualCheck.allCases.map { ManualRow(manualCode: $0.code, manualClause: $0.clause, manualSummary: $0.summary) },
            hasDecisions: !decisions.isEmpty, decisions: decisions)
    }
}

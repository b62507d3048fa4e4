import JuryEngine

/// `stages.html`: how many courses reached each step, the extract of the
/// minutes of every department and faculty (the tally, who advanced, and
/// why: 9.5.1, 9.5.2, 9.8) from the stage funnel, the eligibility of every
/// course (from `EligibilityChecker`), the checks left to the commission,
/// and its decisions.
struct StagesPage {
    var frame: PageFrame
    var funnel: [FunnelRow]
    var chart: ChartRef?
    var hasMinutes: Bool
    var dataEndsText: String?
    var minutes: [MinutesStage]
    var hasAgreement: Bool
    var agreementLines: [String]
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

/// The units of one stage.
struct MinutesStage {
    var minutesStageTitle: String
    var minutesUnits: [MinutesUnit]
}

/// The extract of one unit's minutes: how it decided and in what order.
struct MinutesUnit {
    var unitHeading: String
    var unitDetails: [String]
    var places: [MinutesPlace]
}

struct MinutesPlace {
    var rowClass: String
    var rankText: String
    var courseRef: CourseRef
    var tallyText: String
    var tieBreakText: String
    var placeOutcome: String
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
    /// Submitted, eligible, then what the stage funnel forwarded from each
    /// stage and the prize places; without the funnel, the courses rated at
    /// each stage that has sheets and those ranked at the analysed stage.
    func funnel() -> [FunnelRow] {
        let submitted = competition.courses.count
        let eligible = eligibility.filter { $0?.eligible ?? true }.count
        var rows = [
            FunnelRow(stepText: text["funnel_submitted"], stepCount: String(submitted), count: submitted),
            FunnelRow(stepText: text["funnel_eligible"], stepCount: String(eligible), count: eligible),
        ]
        if let stages {
            for stage in Stage.allCases {
                let units = stages.units.filter { $0.stage == stage }
                guard !units.isEmpty else { continue }
                let forwarded = units.reduce(0) { $0 + $1.advanced.count }
                rows.append(FunnelRow(stepText: text.format("funnel_forwarded", text.stage(stage)), stepCount: String(forwarded),
                                      count: forwarded))
            }
            if !stages.winners.isEmpty {
                rows.append(FunnelRow(stepText: text["funnel_prizes"], stepCount: String(stages.winners.count),
                                      count: stages.winners.count))
            }
            return rows
        }
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

    /// A unit's tally as printed: whole votes without decimals; `—` for a
    /// course without a counted sheet.
    func tally(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        return text.number(x, decimals: x == x.rounded() ? 0 : 2)
    }

    /// The extracts of the minutes, stage by stage, unit by unit, in the funnel's order.
    func minutes() -> [MinutesStage] {
        guard let stages else { return [] }
        var winnerPlace: [Int32: Int] = [:]
        for w in stages.winners { winnerPlace[w.course] = w.place }
        return Stage.allCases.compactMap { stage -> MinutesStage? in
            let units = stages.units.filter { $0.stage == stage }
            guard !units.isEmpty else { return nil }
            return MinutesStage(minutesStageTitle: text.stage(stage), minutesUnits: units.map { u in
                var details: [String] = []
                if u.method.usesVotes { details.append(text.format("ballots_counted", String(u.ballots))) }
                if !u.selfVotes.isEmpty { details.append(text.format("self_votes_left_out", String(u.selfVotes.count))) }
                for d in competition.decisions where d.stage == stage && d.unit == u.unit {
                    details.append("\(text["decision"]): \(competition.courses.titles[Int(d.course)]) — \(text.decision(d.kind)): \(d.reason)")
                }
                let places = u.order.enumerated().map { i, p -> MinutesPlace in
                    let outcome: String
                    if u.undecided.contains(p.course) {
                        outcome = text["outcome_undecided"]
                    } else if stage == .commission {
                        outcome = winnerPlace[p.course].map(text.place) ?? ""
                    } else {
                        outcome = u.advanced.contains(p.course) ? text["outcome_advances"] : text["outcome_stays"]
                    }
                    let tieBreak = u.method.usesVotes && p.tieBreak == "score" ? text["tb_votes"]
                        : text.tieBreak(p.tieBreak, lot: nil, isFirst: i == 0, criteria: rules.criteria)
                    return MinutesPlace(rowClass: u.advanced.contains(p.course) || winnerPlace[p.course] != nil ? "place" : "",
                                        rankText: String(p.rank), courseRef: courseRef(p.course), tallyText: tally(p.tally),
                                        tieBreakText: tieBreak, placeOutcome: outcome)
                }
                let unit = u.unit == "all" ? text["unit_all"] : u.unit
                return MinutesUnit(unitHeading: text.format("unit_heading", unit, text["method_" + u.method.rawValue]),
                                   unitDetails: details, places: places)
            })
        }
    }

    func agreementLines() -> [String] {
        (stages?.agreement ?? []).map { a in
            text.format("agreement_line", text.stage(a.from), text.stage(a.to), a.tau.map { text.number($0) } ?? "—", String(a.n))
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
            hasMinutes: stages != nil, dataEndsText: stages?.nextStage.map { text.format("data_ends", text.stage($0)) },
            minutes: minutes(), hasAgreement: !agreementLines().isEmpty, agreementLines: agreementLines(),
            eligibilityLead: text["eligibility_lead"], eligibility: rows,
            manualChecks: ManualCheck.allCases.map { ManualRow(manualCode: $0.code, manualClause: $0.clause, manualSummary: $0.summary) },
            hasDecisions: !decisions.isEmpty, decisions: decisions)
    }
}

import JuryEngine

/// `courses/<stem>.html`: one course — its facts, result, eligibility,
/// conflicts and exclusions, its path through the stages and every sheet of
/// every stage.
struct CoursePage {
    var frame: PageFrame
    var title: String
    var id: String
    var authors: [AuthorModel]
    var faculty: String
    var department: String
    var languagesText: String?
    /// The link as written; an `<a href>` only when `linkIsSafe`.
    var linkText: String?
    var linkIsSafe: Bool
    var submittedText: String?
    var annotationText: String?
    var result: CourseResultModel?
    var isRanked: Bool
    var eligibilityVerdict: String
    var hasEligibilityFailures: Bool
    var eligibilityFailures: [FailureModel]
    var hasUnchecked: Bool
    var unchecked: [String]
    var showIntegrity: Bool
    var hasFlags: Bool
    var flags: [String]
    var path: [PathRow]
    var hasCriterionMeans: Bool
    var criterionMeans: [CriterionMeanRow]
    var chart: ChartRef?
    var stageSheets: [StageSheetsModel]
    var hasSheets: Bool
    var criteriaLegend: String
}

struct AuthorModel {
    var personName: String
    var personDetails: String?
    var isLastAuthor: Bool
}

struct CourseResultModel {
    var rankText: String
    var scoreText: String
    var scoringName: String
    var sheetsText: String
    var medianText: String
    var rangeText: String
    var tieBreakText: String
}

/// A criterion's mean over the course's counted sheets (`Analysis.criterionMean`).
struct CriterionMeanRow {
    var criterionNumber: String
    var criterionTitle: String
    var meanText: String
}

struct FailureModel {
    var failureCode: String
    var failureClause: String
    var failureSeverity: String
    var failureMessage: String
}

struct PathRow {
    var rowClass: String
    var stageText: String
    var stageSheetCount: String
    var stageBallotCount: String
    var stageDecisions: [String]
    var stageOutcome: String
}

struct StageSheetsModel {
    var stageText: String
    var criterionHeads: [CriterionRow]
    var sheets: [SheetRow]
}

struct SheetRow {
    var rowClass: String
    var expertName: String
    var expertId: String
    var scores: [String]
    var totalText: String
    var statusText: String
    var commentText: String
}

extension ReportContext {
    func coursePage(_ c: Int32) -> CoursePage {
        let course = competition.courses[Int(c)]
        let ci = Int(c)
        let authors = course.authors.enumerated().map { i, p in
            let person = competition.people[Int(p)]
            let details = [person.position, person.degree].compactMap { $0 }.filter { !$0.isEmpty }
            return AuthorModel(personName: person.fullName, personDetails: details.isEmpty ? nil : details.joined(separator: ", "),
                               isLastAuthor: i == course.authors.count - 1)
        }
        let rowIndex = analysis.ranking.rows.firstIndex { $0.entry.course == c }
        let result = rowIndex.map { i in
            let row = analysis.ranking.rows[i]
            let s = row.score
            return CourseResultModel(
                rankText: String(row.entry.rank), scoreText: text.number(s.score),
                scoringName: text.scoringMethod(analysis.ranking.method), sheetsText: String(s.sheets),
                medianText: text.number(s.median),
                rangeText: "\(text.total(s.min, rules: rules))–\(text.total(s.max, rules: rules))",
                tieBreakText: text.tieBreak(row.entry.tieBreak, lot: row.entry.lot, isFirst: i == 0, criteria: rules.criteria))
        }
        let verdict: String
        var failures: [FailureModel] = []
        var unchecked: [String] = []
        if let e = eligibility[ci] {
            verdict = !e.eligible ? text["ineligible"] : e.failures.isEmpty ? text["eligible"] : text["eligible_with_warnings"]
            failures = e.failures.map(failureModel)
            unchecked = e.unchecked.map(\.code)
        } else {
            verdict = "—"
        }
        let flags = options.publicOnly ? [] : courseFlags(c)
        let criteriaLegend = rules.criteria.enumerated().map { "\($0.offset + 1) — \($0.element.title)" }.joined(separator: "; ")
        let sheets = sheetTables(c)
        return CoursePage(
            frame: frame(title: course.title, current: nil, root: "../", bodyClass: "course"),
            title: course.title, id: course.id, authors: authors,
            faculty: course.faculty, department: course.department,
            languagesText: course.languages.map { $0.joined(separator: ", ") },
            linkText: course.link, linkIsSafe: course.link.map(WebLink.isSafe) ?? false,
            submittedText: course.submittedAt?.text, annotationText: course.annotation,
            result: result, isRanked: result != nil,
            eligibilityVerdict: verdict, hasEligibilityFailures: !failures.isEmpty, eligibilityFailures: failures,
            hasUnchecked: !unchecked.isEmpty, unchecked: unchecked,
            showIntegrity: !options.publicOnly, hasFlags: !flags.isEmpty, flags: flags,
            path: path(c), hasCriterionMeans: result != nil,
            criterionMeans: result == nil ? [] : rules.criteria.indices.map { i in
                CriterionMeanRow(criterionNumber: String(i + 1), criterionTitle: rules.criteria[i].title,
                                 meanText: text.number(analysis.criterionMean(c, i)))
            },
            chart: chartRef(courseCharts[ci]),
            stageSheets: sheets, hasSheets: !sheets.isEmpty,
            criteriaLegend: text.format("criteria_legend", criteriaLegend))
    }

    func failureModel(_ f: EligibilityFailure) -> FailureModel {
        FailureModel(failureCode: f.code, failureClause: f.clause,
                     failureSeverity: f.disqualifies ? text["severity_disqualifies"] : text["severity_warning"],
                     failureMessage: f.message)
    }

    /// Conflicts, exclusions and outliers on the course's sheets at the analysed stage.
    func courseFlags(_ c: Int32) -> [String] {
        var out: [String] = []
        let table = competition.sheets
        for r in view.sheets(ofCourse: Int(c)) {
            let row = Int32(r)
            let expert = competition.people[Int(table.expert[r])]
            let who = "\(expert.fullName) (\(expert.id))"
            if let f = conflictByRow[row] {
                out.append(text.format("flag_conflict", who, f.kinds.map { text.kind($0.rawValue) }.joined(separator: ", "),
                                       status(row: row)))
            } else if let x = exclusionByRow[row], x.reason != "outlier" {
                out.append(text.format("flag_conflict", who, text.kind(x.reason), status(row: row)))
            }
            if let a = assessmentByRow[row], isOutlier(a) {
                out.append(text.format("flag_outlier", who, text.total(a.total, rules: rules),
                                       text.number(a.consensus), text.number(a.robustZ), status(row: row)))
            }
        }
        return out
    }

    /// Counted, or not counted with the reason, for a sheet of the analysed stage.
    func status(row: Int32) -> String {
        if let x = exclusionByRow[row] {
            let reason = x.detail.map { "\(text.kind(x.reason)) (\($0))" } ?? text.kind(x.reason)
            return text.format("status_excluded", reason)
        }
        return text["status_counted"]
    }

    func path(_ c: Int32) -> [PathRow] {
        let ci = Int(c)
        var rows: [PathRow] = []
        let verdict: String
        if let e = eligibility[ci] {
            verdict = !e.eligible ? text["ineligible"] : e.failures.isEmpty ? text["eligible"] : text["eligible_with_warnings"]
        } else {
            verdict = "—"
        }
        rows.append(PathRow(rowClass: "", stageText: text["eligibility_check"], stageSheetCount: "", stageBallotCount: "",
                            stageDecisions: [], stageOutcome: verdict))
        let decisions = decisionsByCourse[c] ?? []
        var winnerPlace: [Int32: Int] = [:]
        for w in stages?.winners ?? [] { winnerPlace[w.course] = w.place }
        for stage in Stage.allCases {
            let view = stageSheets[Int(stage.rawValue)]
            let isAnalysed = stage == analysis.stage
            var outcome = ""
            if let u = stages?.units.first(where: { $0.stage == stage && $0.order.contains { $0.course == c } }),
               let p = u.order.first(where: { $0.course == c }) {
                let result = u.undecided.contains(c) ? text["outcome_undecided"]
                    : stage == .commission ? (winnerPlace[c].map(text.place) ?? "—")
                    : u.advanced.contains(c) ? text["outcome_advances"] : text["outcome_stays"]
                outcome = text.format("outcome_in_unit", String(p.rank), u.unit == "all" ? text["unit_all"] : u.unit,
                                      tally(p.tally), result)
            } else if isAnalysed {
                if let row = rankingRowByCourse[c] {
                    outcome = text.format("outcome_ranked", String(row.entry.rank), text.number(row.score.score))
                } else {
                    outcome = text["outcome_not_ranked"]
                }
            }
            rows.append(PathRow(
                rowClass: isAnalysed ? "current" : "", stageText: text.stage(stage),
                stageSheetCount: String(view.sheetCount(ofCourse: ci)),
                stageBallotCount: String(ballotCounts[Int(stage.rawValue)][ci]),
                stageDecisions: decisions.filter { $0.stage == stage }.map { "\(text.decision($0.kind)): \($0.reason)" },
                stageOutcome: outcome))
        }
        return rows
    }

    /// Every sheet of the course, stage by stage; the analysed stage says
    /// which sheets counted, the others are shown as given.
    func sheetTables(_ c: Int32) -> [StageSheetsModel] {
        let table = competition.sheets
        let heads = rules.criteria.enumerated().map { i, cr in
            CriterionRow(criterionNumber: String(i + 1), criterionKey: cr.key, criterionTitle: cr.title, criterionWeight: "")
        }
        var out: [StageSheetsModel] = []
        for stage in Stage.allCases {
            let view = stageSheets[Int(stage.rawValue)]
            let range = view.sheets(ofCourse: Int(c))
            guard !range.isEmpty else { continue }
            let isAnalysed = stage == analysis.stage
            let sheets = range.map { r -> SheetRow in
                let row = Int32(r)
                let expert = competition.people[Int(table.expert[r])]
                var status = isAnalysed ? self.status(row: row) : text["status_not_analysed"]
                if isAnalysed, let a = assessmentByRow[row], isOutlier(a) {
                    status += "; " + text.format("status_outlier", text.number(a.robustZ))
                }
                return SheetRow(
                    rowClass: isAnalysed && exclusionByRow[row] != nil ? "excluded" : "",
                    expertName: expert.fullName, expertId: expert.id,
                    scores: (0..<rules.criteria.count).map { String(table.score(row: r, criterion: $0)) },
                    totalText: text.total(table.total[r], rules: rules), statusText: status,
                    // A table whose comments are all empty stores none (`TextColumn`).
                    commentText: r < table.comments.count ? table.comments[r] : "")
            }
            out.append(StageSheetsModel(stageText: text.stage(stage), criterionHeads: heads, sheets: sheets))
        }
        return out
    }
}

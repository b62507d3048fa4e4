import JuryEngine

/// `index.html`: the competition, the winners, headline findings, the ranking and the method.
struct IndexPage {
    var frame: PageFrame
    var hasYear: Bool
    var yearText: String
    var hasSemester: Bool
    var semesterText: String
    var coursesSubmitted: String
    var coursesRanked: String
    var provisionalText: String?
    var hasWinners: Bool
    var winners: [WinnerModel]
    var hasFindings: Bool
    var findings: [String]
    var rankingLead: String
    var rankingRows: [RankingRowModel]
    var chart: ChartRef?
    var dataFiles: [DataFileModel]
    var method: MethodModel
}

/// One row of the ranking table (index and protocol).
struct RankingRowModel {
    var rowClass: String
    var rankText: String
    var courseRef: CourseRef
    /// Why the course may not hold its place; nil in the public edition.
    var eligibilityNote: String?
    var authorsText: String
    var sheetsText: String
    var scoreText: String
    var medianText: String
    var rangeText: String
    var tieBreakText: String
}

/// A place that takes a prize (12.3).
struct WinnerModel {
    var placeText: String
    var courseRef: CourseRef
    var authorsText: String
    var unitText: String
    var scoreText: String
    var warnings: [String]
    /// The protocol's sentence: `Winner — place 1: «title» (authors), rating score 61.25.`
    var placeSentence: String
}

struct DataFileModel {
    var dataPath: String
}

/// The method: scale, totals, rating score, tie-break chain, recusals and outliers (12.2, 12.3).
struct MethodModel {
    var scaleText: String
    var totalText: String
    var scoringText: String
    var tieBreakChainText: String
    var recusalText: String
    var outlierText: String
    var criteria: [CriterionRow]
}

struct CriterionRow {
    var criterionNumber: String
    var criterionKey: String
    var criterionTitle: String
    var criterionWeight: String
}

extension ReportContext {
    func indexPage(dataFiles: [String]) -> IndexPage {
        let rows = analysis.ranking.rows
        var findings: [String] = []
        let counted = rows.reduce(0) { $0 + $1.score.sheets }
        findings.append(text.format("finding_ranked", String(rows.count), text.stage(analysis.stage), String(counted)))
        if !options.publicOnly {
            findings += privateFindings()
        }
        let year = competition.year.map(String.init) ?? ""
        return IndexPage(
            frame: frame(title: text["nav_summary"], current: .index),
            hasYear: competition.year != nil, yearText: year,
            hasSemester: competition.semester != nil, semesterText: competition.semester ?? "",
            coursesSubmitted: String(competition.courses.count), coursesRanked: String(rows.count),
            provisionalText: provisionalText,
            hasWinners: !winners().isEmpty, winners: winners(),
            hasFindings: !findings.isEmpty, findings: findings,
            rankingLead: rankingLead, rankingRows: rankingRows(),
            chart: options.publicOnly ? nil : chartRef(ReportCharts.scoresPath),
            dataFiles: dataFiles.map(DataFileModel.init), method: method())
    }

    /// Findings that name exclusions, outliers, ties and eligibility: left out of the public edition.
    func privateFindings() -> [String] {
        var out: [String] = []
        let excluded = analysis.ranking.excluded
        if !excluded.isEmpty {
            // Counts by reason, in the order the reasons first occur.
            var order: [String] = []
            var counts: [String: Int] = [:]
            for x in excluded {
                if counts[x.reason] == nil { order.append(x.reason) }
                counts[x.reason, default: 0] += 1
            }
            let parts = order.map { "\(text.kind($0)) \(counts[$0] ?? 0)" }
            out.append(text.format("finding_excluded", String(excluded.count), parts.joined(separator: ", ")))
        }
        let flagged = outliers.outliers
        if !flagged.isEmpty {
            out.append(text.format("finding_outliers", String(flagged.count), text.number(outliers.threshold, decimals: 1)))
        }
        out += tieNotes()
        let ineligible = eligibility.filter { $0?.eligible == false }.count
        if ineligible > 0 {
            out.append(text.format("finding_ineligible", String(ineligible), String(competition.courses.count)))
        }
        let rankedWithWarnings = analysis.ranking.rows.filter { !placeWarnings($0.entry.course).isEmpty }.count
        if rankedWithWarnings > 0 {
            out.append(text.format("finding_ranked_ineligible", String(rankedWithWarnings)))
        }
        return out
    }

    /// One sentence per adjacent pair of the ranking with equal scores: which
    /// rule separated them, or that they share the place.
    func tieNotes() -> [String] {
        let rows = analysis.ranking.rows
        var out: [String] = []
        for i in rows.indices.dropFirst() {
            let entry = rows[i].entry
            let above = competition.courses.titles[Int(rows[i - 1].entry.course)]
            let below = competition.courses.titles[Int(entry.course)]
            switch entry.tieBreak {
            case "score"?:
                continue
            case nil:
                out.append(text.format("finding_shared", above, below, String(entry.rank)))
            case let name?:
                let reason = TieBreakRule(text: name, criteria: rules.criteria)
                    .map { text.rule($0, criteria: rules.criteria, seed: rules.seed) } ?? name
                out.append(text.format("finding_tie", above, below, reason))
            }
        }
        return out
    }

    var rankingLead: String {
        let chain = rules.scoring.tieBreak.map { text.rule($0, criteria: rules.criteria, seed: rules.seed) }
        let ties = chain.isEmpty ? text["chain_none"] : text.format("chain_text", chain.joined(separator: " → "))
        return text.format("ranking_lead", text.stage(analysis.stage), text.scoringMethod(analysis.ranking.method), ties)
    }

    func rankingRows() -> [RankingRowModel] {
        let rows = analysis.ranking.rows
        return rows.enumerated().map { i, row in
            let s = row.score
            let c = row.entry.course
            let warnings = options.publicOnly ? [] : placeWarnings(c)
            return RankingRowModel(
                rowClass: row.entry.rank <= prizes ? "place" : "",
                rankText: String(row.entry.rank), courseRef: courseRef(c),
                eligibilityNote: warnings.isEmpty ? nil : warnings.joined(separator: "; "),
                authorsText: authorNames(c), sheetsText: String(s.sheets), scoreText: text.number(s.score),
                medianText: text.number(s.median), rangeText: "\(text.total(s.min, rules: rules))–\(text.total(s.max, rules: rules))",
                tieBreakText: text.tieBreak(row.entry.tieBreak, lot: row.entry.lot, isFirst: i == 0, criteria: rules.criteria))
        }
    }

    /// The places that take prizes: the stage funnel's winners when it
    /// decided the commission stage (eligibility, advancement and `place:N`
    /// decisions applied); else the analysed ranking's first places, ties at
    /// the last prize included.
    func winners() -> [WinnerModel] {
        if let stages, stages.nextStage == nil, !stages.winners.isEmpty {
            return stages.winners.map { winnerModel(place: $0.place, course: $0.course, score: $0.score) }
        }
        return analysis.ranking.rows.prefix { $0.entry.rank <= prizes }.map {
            winnerModel(place: $0.entry.rank, course: $0.entry.course, score: $0.score.score)
        }
    }

    func winnerModel(place rank: Int, course c: Int32, score value: Double) -> WinnerModel {
        let course = competition.courses[Int(c)]
        let place = text.place(rank)
        let score = text.number(value)
        return WinnerModel(
            placeText: place, courseRef: courseRef(c), authorsText: authorNames(c),
            unitText: unitText(faculty: course.faculty, department: course.department), scoreText: score,
            warnings: options.publicOnly ? [] : placeWarnings(c),
            placeSentence: text.format("resolution", place, course.title, authorNames(c), score))
    }

    func method() -> MethodModel {
        let k = rules.criteria.count
        let range = rules.totalRange
        let total = text.format(rules.isUnweighted ? "total_text" : "total_text_weighted", String(k),
                                text.total(range.lowerBound, rules: rules), text.total(range.upperBound, rules: rules))
        let chain = rules.scoring.tieBreak.map { text.rule($0, criteria: rules.criteria, seed: rules.seed) }
        let recused = rules.integrity.recuse.map { text.kind($0) }
        let threshold = text.number(rules.audit.outlierThreshold, decimals: 1)
        return MethodModel(
            scaleText: text.format("scale_text", String(rules.scale.min), String(rules.scale.max)),
            totalText: total,
            scoringText: text.scoringMethod(analysis.ranking.method),
            tieBreakChainText: chain.isEmpty ? text["chain_none"] : text.format("chain_text", chain.joined(separator: " → ")),
            recusalText: text.format("recusal_text", recused.isEmpty ? "—" : recused.joined(separator: ", ")),
            outlierText: text.format(rules.scoring.excludeOutliers ? "outlier_excluded" : "outlier_kept", threshold),
            criteria: rules.criteria.enumerated().map { i, c in
                CriterionRow(criterionNumber: String(i + 1), criterionKey: c.key, criterionTitle: c.title,
                             criterionWeight: text.number(rules.weights[i], decimals: rules.weights[i] == rules.weights[i].rounded() ? 0 : 2))
            })
    }
}

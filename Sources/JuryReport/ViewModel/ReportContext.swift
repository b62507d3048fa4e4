import JuryEngine

/// What every page is drawn from — one `Analysis`, the competition it
/// analysed and the eligibility results — with the look-ups the pages share,
/// built once. Lookups index what the engine computed; nothing here computes
/// a statistic.
struct ReportContext {
    let competition: Competition
    let analysis: Analysis
    /// The stage funnel, when the caller ran it.
    let stages: StagePipeline?
    let options: ReportOptions
    let text: ReportText

    /// Eligibility by course index (nil: the checker gave no result for it).
    let eligibility: [EligibilityResult?]
    /// `courses/<stem>.html` by course index.
    let coursePages: [String]
    /// `charts/courses/<stem>.svg` by course index.
    let courseCharts: [String]
    /// HTML anchors of the experts page, by person index.
    let expertAnchors: [String]
    /// The sheets of each stage, by `Stage.rawValue`.
    let stageSheets: [StageSheets]
    /// The analysed stage's sheets.
    var view: StageSheets { stageSheets[Int(analysis.stage.rawValue)] }

    /// The analysis's outlier assessments, or computed here for an analysis
    /// made without them.
    let outliers: OutlierRatings
    /// Analysis results by sheet row.
    let exclusionByRow: [Int32: Exclusion]
    let assessmentByRow: [Int32: OutlierRatings.Assessment]
    let conflictByRow: [Int32: StructuralConflicts.Finding]
    /// The ranking row of each ranked course, by course index.
    let rankingRowByCourse: [Int32: StageRanking.Row]
    /// Ballots per stage and course: `[stage.rawValue][course]`.
    let ballotCounts: [[Int]]
    /// The commission's decisions by course index, in file order.
    let decisionsByCourse: [Int32: [Decision]]
    /// The charts to draw, by output path (empty without `--charts`).
    var charts: [String: ChartJob] = [:]

    init(input: ReportInput, options: ReportOptions) {
        let competition = input.competition
        let analysis = input.analysis
        self.competition = competition
        self.analysis = analysis
        stages = input.stages
        self.options = options
        text = ReportText(options.language)

        var byId: [String: EligibilityResult] = [:]
        for r in input.eligibility { byId[r.courseID] = r }
        let courseIds = competition.courses.indices.map { competition.courses.ids[$0] }
        eligibility = courseIds.map { byId[$0] }

        let stems = SafeFileName.assign(courseIds)
        coursePages = stems.map { "courses/\($0).html" }
        courseCharts = stems.map { "charts/courses/\($0).svg" }
        expertAnchors = SafeFileName.assign(competition.people.indices.map { competition.people.ids[$0] }).map { "expert-\($0)" }
        stageSheets = Stage.allCases.map { competition.stageSheets($0) }
        outliers = analysis.outlierRatings(of: competition)

        var exclusions: [Int32: Exclusion] = [:]
        for x in analysis.ranking.excluded { exclusions[x.row] = x }
        exclusionByRow = exclusions
        var assessments: [Int32: OutlierRatings.Assessment] = [:]
        for a in outliers.assessed { assessments[a.row] = a }
        assessmentByRow = assessments
        var conflicts: [Int32: StructuralConflicts.Finding] = [:]
        for f in analysis.conflicts.findings { conflicts[f.row] = f }
        conflictByRow = conflicts
        var rows: [Int32: StageRanking.Row] = [:]
        for r in analysis.ranking.rows { rows[r.entry.course] = r }
        rankingRowByCourse = rows

        var ballots = [[Int]](repeating: [Int](repeating: 0, count: competition.courses.count), count: Stage.allCases.count)
        let votes = competition.votes
        for i in 0..<votes.count { ballots[Int(votes.stage[i].rawValue)][Int(votes.course[i])] += 1 }
        ballotCounts = ballots
        var decisions: [Int32: [Decision]] = [:]
        for d in competition.decisions { decisions[d.course, default: []].append(d) }
        decisionsByCourse = decisions
    }

    var rules: Rules { competition.rules }

    /// Whether an outlier assessment stands out (the engine's own threshold).
    func isOutlier(_ a: OutlierRatings.Assessment) -> Bool {
        abs(a.robustZ) > outliers.threshold
    }

    /// A course as linked from other pages; plain text in the public edition,
    /// which has no course pages.
    func courseRef(_ c: Int32) -> CourseRef {
        let course = competition.courses[Int(c)]
        return CourseRef(courseId: course.id, courseTitle: course.title,
                         coursePage: options.publicOnly ? nil : coursePages[Int(c)])
    }

    /// The authors' full names, `;`-separated, lead author first.
    func authorNames(_ c: Int32) -> String {
        let names = competition.courses.authors(Int(c)).map { competition.people.fullNames[Int($0)] }
        return names.isEmpty ? "—" : names.joined(separator: "; ")
    }

    func unitText(faculty: String, department: String) -> String {
        faculty == department ? faculty : "\(faculty) / \(department)"
    }

    /// Why a ranked or winning course may not hold its place: failed
    /// eligibility, or a disqualification decided by the commission.
    func placeWarnings(_ c: Int32) -> [String] {
        var out: [String] = []
        if let e = eligibility[Int(c)], !e.eligible {
            out.append(text.format("warn_ineligible", e.failures.filter(\.disqualifies).map(\.code).joined(separator: ", ")))
        }
        if decisionsByCourse[c]?.contains(where: { $0.kind == .disqualify }) == true {
            out.append(text["warn_disqualified"])
        }
        return out
    }

    /// The places that take prizes (12.3, `stages.commission.prizes`; at least the winner).
    var prizes: Int { max(1, rules.stages.commission.prizes ?? 1) }

    /// The notice printed when the analysed stage is not the commission's.
    var provisionalText: String? {
        analysis.stage == .commission ? nil : text.format("provisional_notice", text.stage(analysis.stage))
    }
}

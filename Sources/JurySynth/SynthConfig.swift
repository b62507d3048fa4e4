/// Every parameter of a synthetic bundle, with the defaults of `jury synth`.
///
/// The generative model (see `ScoreModel`) draws, per criterion score,
///
///     x = clip(round(μ + β_k + q_c + δ_ck − s_e + a + ε), scale.min, scale.max)
///
/// with β_k ~ N(0, `criterionOffsetSD`) once per bundle, course quality
/// q_c ~ N(0, `courseQualitySD`), course × criterion offsets
/// δ_ck ~ N(0, `courseCriterionSD`), expert severity s_e ~ N(0, `severitySD`)
/// (positive = harsher), a planted shift a (0 unless an anomaly says
/// otherwise) and ε ~ N(0, σ_e), where each expert's own noise sd (spread) is
/// σ_e = `noiseSD` · exp(`noiseSpreadSD` · z), z ~ N(0, 1).
///
/// With the defaults a sheet total (7 criteria, 1–10) averages about 48 on the
/// 7–70 scale; courses differ by about 7 points (sd), experts by about 3.5, and
/// one sheet's total scatters by about 2 around its expert's expectation.
///
/// Every planted effect size is in points added to each criterion score
/// before rounding and clipping; the anomaly counts are all 0 by default.
public struct SynthConfig: Sendable, Hashable, Codable {
    // MARK: Size and structure

    /// Number of courses (`M0000001` …).
    public var courses = 1000
    /// Number of experts (`E000001` …).
    public var experts = 100
    /// Distinct experts rating each course at stage `commission`.
    public var perCourse = 5
    /// Number of faculties (`F01` …).
    public var faculties = 5
    /// Number of departments (`D001` …), split into contiguous blocks, one per
    /// faculty, as evenly as possible; at least `faculties`.
    public var departments = 20
    /// Seed of every random draw.
    public var seed: UInt64 = 1
    /// Year written to `competition.json` (the first year when `years` > 1);
    /// the deadline and submission times are in the spring of that year.
    public var year = 2025
    /// Number of yearly rounds. The experts, their departments and spreads,
    /// and the severe, lenient and favouring experts are the same every year;
    /// courses and authors are new each year; severities drift.
    public var years = 1
    /// sd of the yearly random-walk step of each expert's severity.
    public var severityDriftSD = 0.15
    /// Share of courses with two authors (the others have one).
    public var coAuthoredShare = 0.4

    // MARK: Score model (points per criterion)

    /// μ: the mean criterion score before course and expert effects.
    public var meanScore = 6.8
    /// sd of β_k, each criterion's offset from μ (drawn once per bundle).
    public var criterionOffsetSD = 0.3
    /// sd of q_c, the latent course quality.
    public var courseQualitySD = 1.0
    /// sd of δ_ck, a course's own offset on one criterion.
    public var courseCriterionSD = 0.5
    /// sd of s_e, expert severity (subtracted: positive = harsher).
    public var severitySD = 0.5
    /// Median over experts of σ_e, the sd of one expert's noise ε.
    public var noiseSD = 0.8
    /// sd of log σ_e: how much experts differ in their noise.
    public var noiseSpreadSD = 0.3

    // MARK: Planted anomalies (counts 0 = off; shifts in points per criterion)

    /// Sheets shifted by ±`outlierShift` on every criterion.
    public var outlierSheets = 0
    /// An outlier sheet's shift, towards the far end of the scale (up on a
    /// below-average course, down on an above-average one), so that clipping
    /// does not eat it.
    public var outlierShift = 4.0
    /// Experts whose every score is lowered by `severeShift`.
    public var severeExperts = 0
    /// 3 points is six times the natural spread of severities (`severitySD`
    /// 0.5): a severe expert lies outside the spread, not at its edge.
    public var severeShift = 3.0
    /// Experts whose every score is raised by `lenientShift`.
    public var lenientExperts = 0
    public var lenientShift = 3.0
    /// Experts adding `favouritismShift` to the courses of their own faculty.
    public var favouringExperts = 0
    public var favouritismShift = 2.0
    /// Share of a favouring expert's sheets that rate courses of their own
    /// faculty (other departments); they rate no other own-faculty course.
    public var favouredShare = 0.1
    /// Pairs of expert-authors rating each other's course (one sheet each way)
    /// `reciprocalShift` higher.
    public var reciprocalPairs = 0
    public var reciprocalShift = 3.0
    /// Cycles of 3–4 expert-authors, each rating the next one's course
    /// `ringShift` higher.
    public var rings = 0
    public var ringShift = 3.0
    /// Authors who approve their own course at the department vote; needs `votes`.
    public var selfVotes = 0

    // MARK: Optional files

    /// Write `votes.csv`: department-stage approval ballots of every
    /// department's experts.
    public var votes = false

    public init() {}

    enum CodingKeys: String, CodingKey {
        case courses, experts, perCourse = "per_course", faculties, departments, seed, year, years
        case severityDriftSD = "severity_drift_sd"
        case coAuthoredShare = "co_authored_share"
        case meanScore = "mean_score", criterionOffsetSD = "criterion_offset_sd"
        case courseQualitySD = "course_quality_sd", courseCriterionSD = "course_criterion_sd"
        case severitySD = "severity_sd", noiseSD = "noise_sd", noiseSpreadSD = "noise_spread_sd"
        case outlierSheets = "outlier_sheets", outlierShift = "outlier_shift"
        case severeExperts = "severe_experts", severeShift = "severe_shift"
        case lenientExperts = "lenient_experts", lenientShift = "lenient_shift"
        case favouringExperts = "favouring_experts", favouritismShift = "favouritism_shift"
        case favouredShare = "favoured_share"
        case reciprocalPairs = "reciprocal_pairs", reciprocalShift = "reciprocal_shift"
        case rings, ringShift = "ring_shift"
        case selfVotes = "self_votes", votes
    }
}

extension SynthConfig {
    /// Checks what can be checked without drawing anything; the planting step
    /// reports what only the drawn structure can tell (too few candidates).
    public func validate() throws(SynthError) {
        func require(_ ok: Bool, _ message: @autoclosure () -> String) throws(SynthError) {
            if !ok { throw .invalidParameter(message()) }
        }
        try require(courses >= 1, "courses must be at least 1 (got \(courses))")
        try require(courses <= 99_999_999, "courses must be at most 99,999,999 (got \(courses))")
        try require(experts >= 2, "experts must be at least 2 (got \(experts))")
        try require(experts <= 9_999_999, "experts must be at most 9,999,999 (got \(experts))")
        try require(perCourse >= 1 && perCourse <= 255, "per-course must be 1–255 (got \(perCourse))")
        try require(perCourse < experts, "per-course (\(perCourse)) must be below experts (\(experts))")
        try require(faculties >= 1 && faculties <= 99, "faculties must be 1–99 (got \(faculties))")
        try require(departments >= faculties, "departments (\(departments)) must be at least faculties (\(faculties))")
        try require(departments >= 2, "departments must be at least 2: experts never rate their own department")
        try require(departments <= 9999, "departments must be at most 9999 (got \(departments))")
        try require(years >= 1 && years <= 100, "years must be 1–100 (got \(years))")
        try require(year >= 1000 && year + years - 1 <= 9999, "years must have four digits (got \(year)…\(year + years - 1))")
        try require(courses * years <= 99_999_999, "courses × years must be at most 99,999,999 (got \(courses * years))")
        try require((0...1).contains(coAuthoredShare), "co-authored share must be in 0–1 (got \(coAuthoredShare))")
        try require(meanScore.isFinite, "mean score must be finite")
        for (name, sd) in [("criterion offset", criterionOffsetSD), ("course quality", courseQualitySD),
                           ("course criterion", courseCriterionSD), ("severity", severitySD),
                           ("noise", noiseSD), ("noise spread", noiseSpreadSD),
                           ("severity drift", severityDriftSD)] {
            try require(sd.isFinite && sd >= 0, "\(name) sd must be finite and ≥ 0 (got \(sd))")
        }
        for (name, count) in [("outlier-sheets", outlierSheets), ("severe-experts", severeExperts),
                              ("lenient-experts", lenientExperts), ("favouring-experts", favouringExperts),
                              ("reciprocal-pairs", reciprocalPairs), ("rings", rings), ("self-votes", selfVotes)] {
            try require(count >= 0, "\(name) must be ≥ 0 (got \(count))")
        }
        for (name, shift) in [("outlier", outlierShift), ("severe", severeShift), ("lenient", lenientShift),
                              ("favouritism", favouritismShift), ("reciprocal", reciprocalShift), ("ring", ringShift)] {
            try require(shift.isFinite && shift >= 0, "\(name) shift must be finite and ≥ 0 (got \(shift))")
        }
        try require(favouredShare > 0 && favouredShare < 1, "favoured share must be in (0, 1) (got \(favouredShare))")
        try require(selfVotes == 0 || votes, "self-votes need votes.csv: add --votes")
        if favouringExperts > 0 {
            try require(departments > faculties,
                        "favouring experts need a faculty with at least two departments (departments > faculties)")
        }
        let anomalousExperts = severeExperts + lenientExperts + favouringExperts + 2 * reciprocalPairs + 4 * rings
        try require(anomalousExperts <= experts / 2,
                    "planted expert anomalies need at most half of the experts (\(anomalousExperts) of \(experts))")
        let plantedSheets = outlierSheets + 2 * reciprocalPairs + 4 * rings
        try require(plantedSheets <= courses / 2,
                    "planted sheets need at most one per course on half of the courses (\(plantedSheets) for \(courses) courses)")
    }

    /// Expected sheets of one expert, N·K / M.
    var expectedLoad: Double { Double(courses) * Double(perCourse) / Double(experts) }

    /// Own-faculty sheets planted for each favouring expert, so that they make
    /// up `favouredShare` of the expert's sheets: t / (t + load) = share.
    var favouredSheetsPerExpert: Int {
        max(1, Int((favouredShare / (1 - favouredShare) * expectedLoad).rounded()))
    }
}

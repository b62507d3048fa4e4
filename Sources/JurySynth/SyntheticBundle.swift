import Foundation
import JuryEngine

/// Writes seeded synthetic bundles (`bundle-format.md`) with planted
/// anomalies and their `truth.json`. The same configuration always gives the
/// same bytes, whatever the number of threads.
///
/// Order of work: draw the institution and its experts (`ExpertPool`) and the
/// experts' marks (`ExpertMarks`); then, for each year, draw the year's
/// courses (`Population`), plan the year's anomalies (`AnomalyPlan`), number
/// the authors, and write `competition.json`, `people.csv`, `moocs.csv`,
/// `sheets.csv` (drawing the scores as it goes), `votes.csv` when asked, and
/// `truth.json`. With one year the bundle is the folder itself; with several,
/// each year's bundle is the subfolder named by its year, and a
/// `truth.json` (`TruthYears`) beside them says what repeats.
///
/// Complexity: O(years · courses · perCourse · criteria + experts) time;
/// memory about 40 bytes per course of one year and 30 per expert, plus one
/// batch of output blocks (about 40 MB on two cores).
public enum SyntheticBundle {
    /// What was written, over all years.
    public struct Summary: Sendable, Hashable {
        public var directory: String
        public var seed: UInt64
        public var years: Int
        public var courses: Int
        public var experts: Int
        public var authors: Int
        public var sheets: Int
        /// Ballot rows; nil without `votes.csv`.
        public var votes: Int?
        /// Number of planted anomalies of every kind and year together.
        public var anomalies: Int
    }

    /// A step of the work, reported with the fraction of it done.
    public struct Step: Sendable, CustomStringConvertible {
        /// The year being written.
        public var year: Int
        /// The file being written.
        public var file: String

        public var description: String { "\(year) \(file)" }
    }

    /// The files a bundle may hold, and the truth: what `--force` replaces.
    public static let fileNames = [
        "competition.json", "people.csv", "moocs.csv", "sheets.csv", "votes.csv", "conflicts.csv",
        "decisions.csv", "truth.json",
    ]

    /// Writes a bundle (or, with several years, one per year in subfolders
    /// named by the year) into `directory`, which must exist; files of the
    /// same names are replaced.
    public static func write(_ config: SynthConfig, to directory: String,
                             progress: (Step, Double) -> Void = { _, _ in }) throws(SynthError) -> Summary {
        try config.validate()
        let criteria = Criterion.regulation
        let pool = ExpertPool(config: config, criterionCount: criteria.count)
        let marks = try ExpertMarks(pool: pool)
        var severity = pool.firstSeverity
        var summary = Summary(directory: directory, seed: config.seed, years: config.years, courses: 0,
                              experts: config.experts, authors: 0, sheets: 0, votes: config.votes ? 0 : nil,
                              anomalies: 0)
        var lastTruth: Truth?
        for year in 0..<config.years {
            if year > 0 { severity = pool.severity(year: year, after: severity) }
            let folder = config.years == 1 ? directory : try yearFolder(directory, config.year + year)
            let population = Population(pool: pool, year: year, severity: severity)
            let plan = try AnomalyPlan(population: population, marks: marks)
            let truth = try writeYear(population, plan, authorOffset: summary.authors, criteria: criteria,
                                      to: folder, summary: &summary) {
                progress(Step(year: config.year + year, file: $0), $1)
            }
            summary.anomalies += truth.outlierSheets.count + truth.severeExperts.count + truth.lenientExperts.count
                + truth.favouritism.count + truth.reciprocalPairs.count + truth.rings.count + truth.selfVotes.count
            lastTruth = truth
        }
        if config.years > 1, let lastTruth {
            try BlockFile(path: path(directory, "truth.json")).write(JSONText.encode(TruthYears(last: lastTruth)))
        }
        return summary
    }

    /// Writes one year's bundle into `folder`; returns its truth.
    private static func writeYear(_ population: Population, _ plan: AnomalyPlan, authorOffset: Int,
                                  criteria: [Criterion], to folder: String, summary: inout Summary,
                                  progress: (String, Double) -> Void) throws(SynthError) -> Truth {
        let config = population.config
        let scale = Scale.regulation
        let authorship = Authorship(population: population, plan: plan)
        let ids = Identifiers.Set(config: config, year: population.year, authorOffset: authorOffset)

        try CompetitionFile(config: config, year: population.year, scale: scale, criteria: criteria)
            .write(to: path(folder, "competition.json"))
        try PeopleFile(population: population, plan: plan, authorship: authorship, ids: ids)
            .write(to: path(folder, "people.csv")) { progress("people.csv", $0) }
        try CoursesFile(population: population, plan: plan, authorship: authorship, ids: ids)
            .write(to: path(folder, "moocs.csv")) { progress("moocs.csv", $0) }
        let model = ScoreModel(population: population, plan: plan, scale: scale)
        try SheetsFile(model: model, assignment: ExpertAssignment(population: population, plan: plan),
                       ids: ids, criteria: criteria)
            .write(to: path(folder, "sheets.csv")) { progress("sheets.csv", $0) }
        if config.votes {
            let rows = try VotesFile(population: population, plan: plan, authorship: authorship, ids: ids)
                .write(to: path(folder, "votes.csv"))
            summary.votes? += rows
            progress("votes.csv", 1)
        }
        let truth = Truth(plan: plan, population: population, authorship: authorship, ids: ids)
        try BlockFile(path: path(folder, "truth.json")).write(JSONText.encode(truth))
        summary.courses += config.courses
        summary.authors += authorship.authorCount
        summary.sheets += config.courses * config.perCourse
        return truth
    }

    private static func path(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    /// The subfolder of one year's bundle, created if needed.
    private static func yearFolder(_ directory: String, _ year: Int) throws(SynthError) -> String {
        let folder = path(directory, String(year))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, operation: "create the folder", reason: error.localizedDescription)
        }
        return folder
    }
}

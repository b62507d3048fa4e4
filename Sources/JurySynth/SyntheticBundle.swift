import Foundation
import JuryEngine

/// Writes seeded synthetic bundles (`bundle-format.md`) with planted
/// anomalies and their `truth.json`. The same configuration always gives the
/// same bytes, whatever the number of threads.
///
/// Order of work: draw the population (`Population`), plan the anomalies
/// (`AnomalyPlan`), number the authors, then write `competition.json`,
/// `people.csv`, `moocs.csv`, `sheets.csv` (drawing the scores as it goes),
/// `votes.csv` when asked, and `truth.json`.
///
/// Complexity: O(courses · perCourse · criteria + experts) time; memory about
/// 40 bytes per course and 30 per expert plus one batch of output blocks
/// (about 40 MB on two cores), whatever the bundle's size.
public enum SyntheticBundle {
    /// What was written.
    public struct Summary: Sendable, Hashable {
        public var directory: String
        public var seed: UInt64
        public var courses: Int
        public var experts: Int
        public var authors: Int
        public var sheets: Int
        /// Ballot rows; nil without `votes.csv`.
        public var votes: Int?
        /// Number of planted anomalies of every kind together.
        public var anomalies: Int
    }

    /// A step of the work, reported with the fraction of it done.
    public enum Step: String, Sendable {
        case people = "people.csv", courses = "moocs.csv", sheets = "sheets.csv", votes = "votes.csv"
    }

    /// The files a bundle may hold, and the truth: what `--force` replaces.
    public static let fileNames = [
        "competition.json", "people.csv", "moocs.csv", "sheets.csv", "votes.csv", "conflicts.csv",
        "decisions.csv", "truth.json",
    ]

    /// Writes a bundle into `directory`, which must exist; files of the same
    /// names are replaced.
    public static func write(_ config: SynthConfig, to directory: String,
                             progress: (Step, Double) -> Void = { _, _ in }) throws(SynthError) -> Summary {
        try config.validate()
        let scale = Scale.regulation
        let criteria = Criterion.regulation
        let population = Population(config: config, criterionCount: criteria.count)
        let plan = try AnomalyPlan(population: population)
        let authorship = Authorship(population: population, plan: plan)
        let ids = Identifiers.Set(config: config, authorCount: authorship.authorCount)
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

        try CompetitionFile(config: config, scale: scale, criteria: criteria).write(to: path("competition.json"))
        let people = PeopleFile(population: population, plan: plan, authorship: authorship, ids: ids)
        try people.write(to: path("people.csv")) { progress(.people, $0) }
        try CoursesFile(population: population, plan: plan, authorship: authorship, ids: ids)
            .write(to: path("moocs.csv")) { progress(.courses, $0) }
        let model = ScoreModel(population: population, plan: plan, scale: scale)
        let sheets = SheetsFile(model: model, assignment: ExpertAssignment(population: population, plan: plan),
                                ids: ids, criteria: criteria)
        try sheets.write(to: path("sheets.csv")) { progress(.sheets, $0) }
        var votes: Int?
        if config.votes {
            votes = try VotesFile(population: population, plan: plan, authorship: authorship, ids: ids)
                .write(to: path("votes.csv"))
            progress(.votes, 1)
        }
        let truth = Truth(plan: plan, population: population, authorship: authorship, ids: ids)
        try BlockFile(path: path("truth.json")).write(JSONText.encode(truth))

        let anomalies = truth.outlierSheets.count + truth.severeExperts.count + truth.lenientExperts.count
            + truth.favouritism.count + truth.reciprocalPairs.count + truth.rings.count + truth.selfVotes.count
        return Summary(directory: directory, seed: config.seed, courses: config.courses, experts: config.experts,
                       authors: authorship.authorCount, sheets: config.courses * config.perCourse, votes: votes,
                       anomalies: anomalies)
    }
}

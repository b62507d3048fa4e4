import ArgumentParser
import JuryEngine
import JuryStore

/// The `--db` option of the commands that read one bundle: earlier years from
/// the archive, used only when the option is given.
struct EarlierYearsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "An archive (jury archive add) of earlier years: an expert who co-authored a course with a current author in an "
            + "earlier year has an earlier_coauthor conflict; where eligibility is checked, earlier winners and prize "
            + "recipients may not be resubmitted (9.10).",
        valueName: "file"))
    var db: String?

    /// What the archive says about the years before the competition's: nil without `--db`.
    /// A missing or unreadable archive is an error (exit 1), never created.
    func load(for competition: Competition) throws -> EarlierYears? {
        guard let db else { return nil }
        return try reportingArchiveErrors {
            let archive = try Archive(path: db, create: false)
            let year = competition.year ?? Int.max
            return EarlierYears(awards: try archive.earlierAwards(before: year),
                                coauthorships: try archive.coauthorships(before: year))
        }
    }
}

/// Earlier winners (9.10) and co-authorships of the years before a competition.
struct EarlierYears {
    var awards: EarlierAwards
    var coauthorships: Coauthorships

    func checker(_ competition: Competition) -> EligibilityChecker {
        EligibilityChecker(competition: competition, earlierAwards: awards)
    }
}

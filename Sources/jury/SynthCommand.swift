import ArgumentParser
import Foundation
import JurySynth

/// `jury synth`: a seeded synthetic bundle with planted anomalies and truth.json.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a seeded synthetic bundle with planted anomalies and their truth.json.",
        discussion: """
            Model, per criterion score of expert e on course c, criterion k:
              x = clip(round(mu + b_k + q_c + d_ck - s_e + a + eps), 1, 10)
            mu = 6.8; criterion offsets b_k ~ N(0, 0.3); course quality q_c ~ N(0, 1);
            course x criterion offsets d_ck ~ N(0, 0.5); expert severity s_e ~ N(0, 0.5)
            (positive = harsher); noise eps ~ N(0, sigma_e), each expert's own
            sigma_e = 0.8 * exp(0.3 z), z ~ N(0, 1); a = planted shift (0 unless planted).
            Normal draws: Marsaglia's polar method on xoshiro256**. Totals are the sum
            (7-70, mean about 48). Courses and experts belong to a department (nested
            in a faculty); each course gets --per-course distinct experts at stage
            commission, never of its own department nor its author (except where planted).

            Planted anomalies (all off by default; shifts in points per criterion,
            before rounding and clipping; recorded in truth.json):
              outlier sheet      4 on every criterion, towards the far end of the scale
                     (up on a below-average course, down on an above-average one)
              severe / lenient   -3 / +3 on every sheet of the expert (six times the
                     natural spread of severities, 0.5)
              favouring expert   +2 on courses of their own faculty (other departments),
                                 about a tenth of their sheets
              reciprocal pair    two expert-authors, +3 on each other's course,
                                 one sheet each way
              ring               3-4 expert-authors, each +3 on the next one's course
              self-vote          an author approving their own course at the
                                 department vote
            An expert carries at most one anomaly and a course at most one planted sheet.

            The same seed and options give a byte-identical bundle: competition.json,
            people.csv, moocs.csv, sheets.csv, votes.csv (with --votes), truth.json.

            With --years N > 1, <dir>/<year> holds one bundle per year (from --year
            on) and <dir>/truth.json what repeats: the same experts, departments
            and spreads every year, severities drifting by a random walk (step
            sd --severity-drift), the same severe, lenient and favouring experts
            (a favouritism repeated every year); courses and authors are new each
            year and numbered on from the year before; pairs, rings, outliers and
            self-votes are drawn anew each year.
            Progress goes to stderr when it is a terminal; a one-line summary to stderr.
            """
    )

    @Option(help: ArgumentHelp("Number of courses.", valueName: "n"))
    var courses = SynthConfig().courses

    @Option(help: ArgumentHelp("Number of experts.", valueName: "n"))
    var experts = SynthConfig().experts

    @Option(name: .customLong("per-course"), help: ArgumentHelp("Distinct experts rating each course at stage commission.", valueName: "k"))
    var perCourse = SynthConfig().perCourse

    @Option(help: ArgumentHelp("Number of faculties.", valueName: "n"))
    var faculties = SynthConfig().faculties

    @Option(help: ArgumentHelp("Number of departments, split evenly among the faculties.", valueName: "n"))
    var departments = SynthConfig().departments

    @Option(help: ArgumentHelp("Seed of every random draw.", valueName: "n"))
    var seed = SynthConfig().seed

    @Option(help: ArgumentHelp("Competition year (submissions and deadline fall in its spring).", valueName: "year"))
    var year = SynthConfig().year

    @Option(help: ArgumentHelp("Number of yearly rounds; above 1, one bundle per year in <dir>/<year>.", valueName: "n"))
    var years = SynthConfig().years

    @Option(name: .customLong("severity-drift"), help: ArgumentHelp("sd of the yearly random-walk step of each expert's severity.", valueName: "points"))
    var severityDrift = SynthConfig().severityDriftSD

    @Option(help: ArgumentHelp("Bundle folder to create.", valueName: "dir"))
    var out: String

    @Flag(help: "Write into an existing non-empty folder, replacing its bundle and truth files, also in year folders (other files stay).")
    var force = false

    @Flag(help: "Write votes.csv: department-stage approval ballots of each department's experts.")
    var votes = false

    @Option(name: .customLong("outlier-sheets"), help: ArgumentHelp("Number of sheets shifted by --outlier-shift on every criterion.", valueName: "n"))
    var outlierSheets = 0

    @Option(name: .customLong("outlier-shift"), help: ArgumentHelp("Points per criterion of an outlier sheet.", valueName: "points"))
    var outlierShift = SynthConfig().outlierShift

    @Option(name: .customLong("severe-experts"), help: ArgumentHelp("Number of experts scoring every sheet lower.", valueName: "n"))
    var severeExperts = 0

    @Option(name: .customLong("severe-shift"), help: ArgumentHelp("Points per criterion a severe expert takes off.", valueName: "points"))
    var severeShift = SynthConfig().severeShift

    @Option(name: .customLong("lenient-experts"), help: ArgumentHelp("Number of experts scoring every sheet higher.", valueName: "n"))
    var lenientExperts = 0

    @Option(name: .customLong("lenient-shift"), help: ArgumentHelp("Points per criterion a lenient expert adds.", valueName: "points"))
    var lenientShift = SynthConfig().lenientShift

    @Option(name: .customLong("favouring-experts"), help: ArgumentHelp("Number of experts favouring the courses of their own faculty.", valueName: "n"))
    var favouringExperts = 0

    @Option(name: .customLong("favouritism-shift"), help: ArgumentHelp("Points per criterion a favouring expert adds.", valueName: "points"))
    var favouritismShift = SynthConfig().favouritismShift

    @Option(name: .customLong("favoured-share"), help: ArgumentHelp("Share of a favouring expert's sheets on own-faculty courses.", valueName: "share"))
    var favouredShare = SynthConfig().favouredShare

    @Option(name: .customLong("reciprocal-pairs"), help: ArgumentHelp("Number of expert-author pairs favouring each other's course.", valueName: "n"))
    var reciprocalPairs = 0

    @Option(name: .customLong("reciprocal-shift"), help: ArgumentHelp("Points per criterion a pair member adds.", valueName: "points"))
    var reciprocalShift = SynthConfig().reciprocalShift

    @Option(help: ArgumentHelp("Number of rings of 3-4 expert-authors, each favouring the next one's course.", valueName: "n"))
    var rings = 0

    @Option(name: .customLong("ring-shift"), help: ArgumentHelp("Points per criterion a ring member adds.", valueName: "points"))
    var ringShift = SynthConfig().ringShift

    @Option(name: .customLong("self-votes"), help: ArgumentHelp("Number of authors approving their own course at the department vote (needs --votes).", valueName: "n"))
    var selfVotes = 0

    var config: SynthConfig {
        var config = SynthConfig()
        config.courses = courses
        config.experts = experts
        config.perCourse = perCourse
        config.faculties = faculties
        config.departments = departments
        config.seed = seed
        config.year = year
        config.years = years
        config.severityDriftSD = severityDrift
        config.votes = votes
        config.outlierSheets = outlierSheets
        config.outlierShift = outlierShift
        config.severeExperts = severeExperts
        config.severeShift = severeShift
        config.lenientExperts = lenientExperts
        config.lenientShift = lenientShift
        config.favouringExperts = favouringExperts
        config.favouritismShift = favouritismShift
        config.favouredShare = favouredShare
        config.reciprocalPairs = reciprocalPairs
        config.reciprocalShift = reciprocalShift
        config.rings = rings
        config.ringShift = ringShift
        config.selfVotes = selfVotes
        return config
    }

    func validate() throws {
        do {
            try config.validate()
            try SyntheticBundle.checkDirectory(out, replacing: force)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        try SyntheticBundle.prepareDirectory(out, replacing: force)
        let terminal = isatty(STDERR_FILENO) == 1
        let summary: SyntheticBundle.Summary
        func clearProgress() { if terminal { Self.printError("\r\u{1B}[K", newline: false) } }
        do {
            summary = try SyntheticBundle.write(config, to: out) { step, done in
                if terminal { Self.printError("\r\(step) \(Int(done * 100))%\u{1B}[K", newline: false) }
            }
        } catch {
            clearProgress()
            // Parameters that the drawn structure cannot honour are usage errors too.
            if case .io = error { throw error }
            throw ValidationError(error.description)
        }
        clearProgress()
        let ballots = summary.votes.map { ", \($0) ballot rows" } ?? ""
        let years = summary.years > 1 ? "\(summary.years) years, " : ""
        Self.printError("""
            synth: \(years)\(summary.courses) courses, \(summary.experts) experts, \(summary.authors) authors, \
            \(summary.sheets) sheets\(ballots), \(summary.anomalies) planted anomalies, seed \(summary.seed) -> \(summary.directory)
            """)
    }

    private static func printError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}

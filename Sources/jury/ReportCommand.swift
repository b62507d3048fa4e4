import ArgumentParser
import JuryEngine
import JuryIO
import JuryReport

/// `jury report <bundle>`: the static HTML report with charts and the protocol.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML report: summary, ranking, courses, experts, integrity, stages and the protocol.",
        discussion: """
        The report draws on the analysis of the last stage that has sheets, as `jury rank` \
        does, and on the eligibility checks and the stage funnel of `jury stages`; it works offline, prints on A4 and needs no \
        JavaScript. Charts are drawn by gnuplot (`apt-get install gnuplot-nox`); without it, \
        pass --no-charts. The same bundle always gives the same files. Prints the path of \
        index.html on stdout.
        """
    )

    @OptionGroup var options: BundleOptions

    @Option(help: "Folder to write to (default: Reports/<competition id>, or Reports/<competition id>-public with --public).")
    var out: String?

    @Option(help: "Language of the report's own text (default: report.lang of competition.json, else en).")
    var lang: ReportLanguage?

    @Flag(help: "Leave out the charts, so that gnuplot is not needed.")
    var noCharts = false

    @Flag(name: .customLong("public"), help: "Write only what may be published (12.4): winners, ranking and method, without expert names or integrity findings.")
    var publicOnly = false
    @OptionGroup var earlierYears: EarlierYearsOptions

    func run() throws {
        var gnuplot: Gnuplot?
        if !noCharts && !publicOnly {
            gnuplot = Gnuplot.locate()
            if gnuplot == nil {
                FileHandleOutput.standardError.write("jury report: \(Gnuplot.installHint)\n")
                throw ExitCode(1)
            }
        }
        let competition = try options.load()
        let earlier = try earlierYears.load(for: competition)
        let coauthorships = earlier?.coauthorships ?? Coauthorships()
        let stages = StagePipeline(competition: competition, eligibility: earlier?.checker(competition), earlierCoauthorships: coauthorships)
        let analysis = Analysis(competition: competition, includeAudit: true, earlierCoauthorships: coauthorships)
        let input = ReportInput(competition: competition, analysis: analysis,
                                eligibility: stages.eligibility, stages: stages)
        let language = lang ?? ReportLanguage(reportLanguage: competition.rules.reportLanguage)
        let folder = out ?? Report.defaultFolder(competitionID: competition.id, publicOnly: publicOnly)
        do {
            let written = try Report.write(input, options: ReportOptions(language: language, charts: !noCharts, publicOnly: publicOnly),
                                           gnuplot: gnuplot, to: folder)
            FileHandleOutput.standardError.write("jury report: wrote \(written) files to \(folder)\n")
            FileHandleOutput.standardOutput.write((folder.hasSuffix("/") ? folder : folder + "/") + "index.html\n")
        } catch let error as ReportError {
            FileHandleOutput.standardError.write("jury report: \(error)\n")
            throw ExitCode(1)
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import JuryReport
import JuryStore

/// `jury trends`: fairness across the archived years.
struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Fairness across years, from the archive: reliability, severity spread, flags, faculties, experts' drift, repeated favouritism.",
        discussion: """
        One entry per archived competition (its current version), oldest year first. Finalists \
        are the courses ranked at the commission stage and winners those placed within the \
        prizes; a faculty's representation is its share of the finalists divided by its share \
        of the submissions. Severity is the mean of (consensus − own total) over an expert's \
        sheets; its spread is the standard deviation between experts. Reliability and integrity \
        flags come from the audit stored when each bundle was archived; a favouritism is \
        repeated when the same expert is flagged over the same faculty, department or author \
        in two or more years. The csv format prints the per-year table; --out writes an HTML \
        page with gnuplot charts (index.html) and every table as CSV with trends.json in data/.
        """
    )

    @OptionGroup var archiveOptions: ArchiveOptions
    @Option(help: "Output format.")
    var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Also write the trends page: index.html, style.css, charts/ and data/ (trends.json and CSV tables).",
                               valueName: "dir"))
    var out: String?
    @Option(help: "Language of the page's own text (default: en).")
    var lang: ReportLanguage = .en
    @Flag(help: "Leave the charts out of the page, so that gnuplot is not needed.")
    var noCharts = false

    func run() throws {
        let archive = try archiveOptions.open(create: false)
        let trends = try reportingArchiveErrors { try archive.trends() }
        if let out {
            var gnuplot: Gnuplot?
            if !noCharts {
                gnuplot = Gnuplot.locate()
                if gnuplot == nil {
                    FileHandleOutput.standardError.write("jury trends: \(Gnuplot.installHint)\n")
                    throw ExitCode(1)
                }
            }
            do {
                let files = try TrendsReport.render(trends, options: ReportOptions(language: lang, charts: !noCharts), gnuplot: gnuplot)
                try TrendsReport.write(files, to: out)
                FileHandleOutput.standardError.write("jury trends: wrote \(files.count) files to \(out)\n")
            } catch let error as ReportError {
                FileHandleOutput.standardError.write("jury trends: \(error)\n")
                throw ExitCode(1)
            }
        }
        let text = switch format {
        case .json: TrendsOutput.json(trends)
        case .csv: TrendsOutput.yearsCSV(trends)
        case .table: TrendsOutput.table(trends)
        }
        FileHandleOutput.standardOutput.write(text)
    }
}

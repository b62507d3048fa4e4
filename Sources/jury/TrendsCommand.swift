import ArgumentParser
import Foundation
import JuryStore

/// `jury trends`: fairness across the archived years.
struct TrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Fairness across years, from the archive: counts, severity spread, faculties, exclusions, experts' drift.",
        discussion: """
        One entry per archived competition (its current version), oldest year first. Finalists \
        are the courses ranked at the commission stage and winners those placed within the \
        prizes; a faculty's representation is its share of the finalists divided by its share \
        of the submissions. Severity is the mean of (consensus − own total) over an expert's \
        sheets; its spread is the standard deviation between experts. The csv format prints \
        the per-year table; --out writes every table as CSV with trends.json.
        """
    )

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Also write a data folder: trends.json, years.csv, faculties.csv, excluded.csv, experts.csv.",
                               valueName: "dir"))
    var out: String?

    func run() throws {
        let archive = try archiveOptions.open(create: false)
        let trends = try reportingArchiveErrors { try archive.trends() }
        if let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for file in TrendsOutput.dataFiles(trends) {
                    let path = (out as NSString).appendingPathComponent(file.name)
                    try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
                }
            } catch {
                FileHandleOutput.standardError.write("error: \(out): cannot write the data folder (\(error.localizedDescription))\n")
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

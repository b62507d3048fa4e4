import ArgumentParser
import JuryEngine
import JuryIO

/// Output formats of the commands that print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// The bundle argument shared by every command that reads one.
struct BundleOptions: ParsableArguments {
    @Argument(help: "The competition bundle: a folder with people.csv, moocs.csv, sheets.csv and optional files.")
    var bundle: String

    @Option(name: .long, help: "How many diagnostics to print at most (the rest are counted).")
    var maxDiagnostics: Int = 50

    /// Reads the bundle, printing its diagnostics on stderr. Throws exit
    /// status 1, with nothing on stdout, when the bundle has any error.
    func load() throws -> Competition {
        let outcome = BundleReader.read(bundle)
        printDiagnostics(outcome.log)
        guard let competition = outcome.competition else { throw ExitCode(1) }
        return competition
    }

    func printDiagnostics(_ log: DiagnosticLog) {
        let all = log.sorted
        var text = ""
        for d in all.prefix(max(0, maxDiagnostics)) { text += d.description + "\n" }
        if all.count > maxDiagnostics {
            text += "… and \(all.count - maxDiagnostics) more (\(log.errorCount) errors, \(log.warningCount) warnings in all)\n"
        } else if log.errorCount > 0 {
            text += "\(log.errorCount) error\(log.errorCount == 1 ? "" : "s"), \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s")\n"
        }
        FileHandleOutput.standardError.write(text)
    }
}

extension Stage: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.name) }
}

extension ScoringMethod: ExpressibleByArgument {}

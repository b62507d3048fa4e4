/// Why a report could not be made or written. Each case carries what a user
/// needs to act: the path, the program's message, the way out.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Charts were asked for and there is no gnuplot.
    case gnuplotMissing
    /// gnuplot ran and failed; `message` is the end of what it printed.
    case gnuplotFailed(status: Int32, message: String)
    /// A template or the stylesheet is missing from the package resources, or does not parse.
    case template(name: String, reason: String)
    /// A path in the report that would leave the output folder.
    case outsideOutput(path: String)
    /// A public edition would be written beside a full report's confidential pages.
    case publicOverFullReport(folder: String, file: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .gnuplotMissing:
            Gnuplot.installHint
        case .gnuplotFailed(let status, let message):
            "gnuplot failed (exit status \(status)) drawing the charts:\n\(message)"
        case .template(let name, let reason):
            "report template '\(name)': \(reason) (the JuryReport resources are incomplete; rebuild Jury)"
        case .outsideOutput(let path):
            "refusing to write '\(path)': it is outside the output folder"
        case .publicOverFullReport(let folder, let file):
            "refusing to write the public edition into \(folder): it holds a full report (\(file)), "
                + "whose confidential pages would be published with it; choose an empty folder with --out"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}

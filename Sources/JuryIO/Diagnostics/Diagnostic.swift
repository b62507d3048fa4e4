/// One problem found in a bundle, printed compiler style:
/// `file:line[:column]: error|warning: message`.
///
/// `line` is the physical line where the record starts (for an unterminated
/// quote, where the quote opens); `column` is the 1-based field number.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public static func error(_ file: String, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ file: String, _ line: Int? = nil, _ column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message)
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(severity.rawValue): \(message)"
    }

    /// Order of printing: by file in bundle order, then line, column.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let ka = (Diagnostic.fileOrder(a.file), a.file, a.line ?? 0, a.column ?? 0)
        let kb = (Diagnostic.fileOrder(b.file), b.file, b.line ?? 0, b.column ?? 0)
        if ka != kb { return ka < kb }
        return a.message < b.message
    }

    private static func fileOrder(_ file: String) -> Int {
        ["competition.json", "people.csv", "moocs.csv", "sheets.csv", "votes.csv", "conflicts.csv", "decisions.csv"]
            .firstIndex(of: file) ?? 99
    }
}

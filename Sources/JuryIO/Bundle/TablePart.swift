import JuryEngine

/// What one range of `people.csv` or `moocs.csv` gave: its rows, their
/// lines, the units they were interned in, its diagnostics, and where it
/// stopped. Lines count from 1 at the start of the range until
/// `shiftLines` places them in the file.
struct TablePart<Rows: TableRows>: Sendable {
    var rows = Rows.empty
    /// Line on which each row starts.
    var lines = LineNumbers()
    /// Names of the units the rows' unit columns point into.
    var units = UnitInterner()
    var log = DiagnosticLog()
    /// File offset where the part stopped reading; -1 when it could not read.
    var stoppedAt = 0
    /// Line on which the record after the part's last one starts.
    var nextLine = 1

    /// Adds `delta` to every line number (a part read from the middle of the file).
    mutating func shiftLines(by delta: Int) {
        guard delta != 0 else { return }
        lines.shift(by: delta)
        var shifted = DiagnosticLog()
        for var d in log.diagnostics {
            d.line = d.line.map { $0 + delta }
            shifted.append(d)
        }
        log = shifted
        nextLine += delta
    }
}

/// The line on which each row of a CSV file starts, kept for diagnostics
/// that name a row's line after the file is read (an id given twice, a
/// duplicate sheet, a unit that does not match its faculty).
///
/// Stored as runs: a row whose record starts on the line after the row
/// before it costs nothing, so a file of one-line records (every file
/// `jury synth` writes, and most exports) holds one run whatever its length,
/// instead of 8 bytes a row (80 MB for 10 M sheets, held while the file is
/// read and again while its parts are joined). A record spanning several
/// lines (a quoted line break), a blank line or a rejected record between
/// two rows starts a new run of 16 bytes.
///
/// The runs are canonical (no run continues the one before it), so two
/// values with the same lines compare equal however they were built.
struct LineNumbers: RandomAccessCollection, Equatable, Sendable {
    /// A stretch of rows on consecutive lines: row `row + i` starts on line `line + i`.
    private struct Run: Equatable, Sendable {
        var row: Int
        var line: Int
    }

    private var runs: [Run] = []
    private(set) var count = 0
    /// The line on which a row appended next would continue the last run.
    private var continuing = Int.min

    init() {}

    /// Lines given one by one, in row order.
    init<S: Sequence>(_ lines: S) where S.Element == Int {
        for line in lines { append(line) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// The line on which row `row` starts.
    subscript(row: Int) -> Int {
        precondition(row >= 0 && row < count, "row out of range")
        // The last run that starts at or before `row`.
        var low = 0, high = runs.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if runs[mid].row <= row { low = mid } else { high = mid }
        }
        return runs[low].line + (row - runs[low].row)
    }

    /// Appends the line of the next row.
    @inline(__always)
    mutating func append(_ line: Int) {
        if line != continuing { runs.append(Run(row: count, line: line)) }
        count += 1
        continuing = line + 1
    }

    /// Appends the rows of `other` after these.
    mutating func append(contentsOf other: LineNumbers) {
        for (i, run) in other.runs.enumerated() {
            let rows = (i + 1 < other.runs.count ? other.runs[i + 1].row : other.count) - run.row
            if run.line != continuing { runs.append(Run(row: count, line: run.line)) }
            count += rows
            continuing = run.line + rows
        }
    }

    /// Adds `delta` to every line (the rows of a range read from the middle of the file).
    mutating func shift(by delta: Int) {
        for i in runs.indices { runs[i].line += delta }
        if !runs.isEmpty { continuing += delta }
    }

    /// The lines of the given rows, in that order.
    func selecting(_ rows: [Int]) -> LineNumbers {
        var out = LineNumbers()
        for r in rows { out.append(self[r]) }
        return out
    }

    func makeIterator() -> Iterator { Iterator(lines: self) }

    /// Walks the rows in order, run after run, without a search per row.
    struct Iterator: IteratorProtocol {
        private let lines: LineNumbers
        private var row = 0
        private var run = 0

        fileprivate init(lines: LineNumbers) { self.lines = lines }

        mutating func next() -> Int? {
            guard row < lines.count else { return nil }
            while run + 1 < lines.runs.count && lines.runs[run + 1].row <= row { run += 1 }
            defer { row += 1 }
            return lines.runs[run].line + (row - lines.runs[run].row)
        }
    }
}

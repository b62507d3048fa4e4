import JuryEngine

/// Reads `people.csv` or `moocs.csv` in ranges of records, each range by
/// its own row loop at the same time as the others, and joins the parts in
/// file order. The outcome is the same as one pass over the file for any
/// number of ranges: the same rows, units numbered in the same order, the
/// same `IdIndex`, the same lines and diagnostics.
///
/// - Ids given twice: the parts do not look for them. The join inserts the
///   id of every row into one `IdIndex` in file order; a row whose id is
///   already there is dropped as one pass drops it (its own diagnostics
///   with it) and reported at its line with the line of the first copy,
///   wherever that copy was. Such rows are rare: a part without any is
///   appended as it is, column by column in bulk.
/// - Units: each part interns its faculties and departments on its own, in
///   the order its rows name them; the join interns them again, part after
///   part, so their numbers come out as in one pass.
/// - A split inside a quoted field that spans lines shows as a part that
///   did not stop where the next one starts: the rest of the file is then
///   read again, on one core, from where that part stopped (as in
///   `SheetsFile`).
struct TableFileReader<Parser: TableRowParser>: Sendable {
    typealias Part = TablePart<Parser.Rows>

    /// The file read whole: its rows, their index and lines, their units,
    /// and the diagnostics of the records (the header's are the caller's).
    struct Joined: Sendable {
        var rows = Parser.Rows.empty
        var index = IdIndex()
        var lines = LineNumbers()
        var units = UnitInterner()
        var log = DiagnosticLog()
    }

    let path: String
    let header: CSVHeader
    let parser: Parser
    /// Offset of the first record after the header.
    let bodyStart: Int
    let size: Int
    /// Line on which the first record after the header starts.
    let firstLine: Int
    /// Where the ranges start (see `split`); one range until split.
    private(set) var starts: [Int]

    /// Opens the file and reads its header, with its problems in `log`; nil
    /// when the file cannot be read or lacks a required column.
    init?(path: String, log: inout DiagnosticLog) {
        let csv = CSVRows(path: path, name: Parser.name, required: Parser.required, optional: Parser.optional, log: &log)
        guard let header = csv.header, Parser.required.allSatisfy({ header.index($0) != nil }) else { return nil }
        self.path = path
        self.header = header
        parser = Parser(header: header)
        bodyStart = csv.offset
        size = max(RecordRanges.fileSize(path) ?? bodyStart, bodyStart)
        firstLine = csv.nextLineNumber
        starts = [bodyStart]
    }

    /// Bytes of the records after the header.
    var bodyBytes: Int { size - bodyStart }

    var rangeCount: Int { starts.count }

    /// The share of the records in the first range when the file is split:
    /// its columns become the joined ones, reserved from the start for the
    /// whole file (`parse(range:)`), so the join copies only the other
    /// ranges' rows into them, half the file instead of all of it (the
    /// first range's columns were copied too when they grew for the
    /// others). The smaller ranges after it keep the cores finishing
    /// together: `TableFiles` starts the first ranges of both files first.
    static var firstRangeShare: Double { 0.5 }

    /// Splits the records into at most `ranges` ranges that start at line
    /// ends: the first `firstRangeShare` of them, the others even.
    mutating func split(ranges: Int) {
        starts = RecordRanges.starts(path: path, bodyStart: bodyStart, size: size, count: ranges, firstShare: Self.firstRangeShare)
    }

    /// Reads range `i` (run for every range at the same time). The first
    /// range's columns are reserved for the whole file's rows, which the
    /// join appends to them.
    func parse(range i: Int) -> Part {
        parse(from: starts[i], to: i + 1 < starts.count ? starts[i + 1] : Int.max, sizedFor: i == 0 ? Int.max : nil)
    }

    /// Reads the records that start in `start ..< end`, their columns
    /// reserved for the records up to `sizedFor` (nil: `end`).
    private func parse(from start: Int, to end: Int, sizedFor: Int? = nil) -> Part {
        var part = Part()
        do throws(CSVReaderError) {
            var csv = CSVRows(reader: try CSVReader(path: path, range: start ..< end), header: header, name: Parser.name)
            parser.parse(&csv, sizing: RangeSizing(start: start, bytes: min(sizedFor ?? end, size) - start), into: &part)
            part.stoppedAt = csv.failed ? -1 : csv.offset
            part.nextLine = csv.nextLineNumber
        } catch {
            part.log.error(Parser.name, nil, nil, "cannot be read: \(error)")
            part.stoppedAt = -1
        }
        return part
    }

    /// Reads the whole file: every range at the same time, then the join.
    func read() -> Joined {
        var parts = Concurrently.map(rangeCount) { parse(range: $0) }
        return join(&parts)
    }

    /// Joins the parts `parse(range:)` gave for every range, in file order,
    /// taking each out of `parts` (freed once appended, so that the rows are
    /// not held twice); reads the rest of the file again where a split fell
    /// inside a quoted field.
    func join(_ parts: inout [Part]) -> Joined {
        var joined = Joined()
        var nextLine = firstLine
        for i in parts.indices {
            var part = Part()
            swap(&part, &parts[i])
            let stoppedAt = part.stoppedAt
            nextLine = absorb(consume part, into: &joined, nextLine: nextLine)
            // The part's memory back to the system now, not after the join: the
            // joined columns grow while the parts are still held (the peak of a
            // bundle of 10 M sheets went from 1,172 to 786 MiB at this point).
            FreedMemory.release()
            // The first part's columns, now the joined ones, grow once for all the others.
            if i == 0 && parts.count > 1 { joined.rows.reserveCapacity(appending: parts[1...].map(\.rows)) }
            guard stoppedAt >= 0, i + 1 < parts.count, i + 1 < starts.count else { break }
            if stoppedAt != starts[i + 1] {
                _ = absorb(parse(from: stoppedAt, to: Int.max), into: &joined, nextLine: nextLine)
                break
            }
        }
        parts = []
        joined.index.optimizeForLookups()
        return joined
    }

    /// Appends a part, its lines counted on from `nextLine`, and returns the
    /// line after its last record.
    private func absorb(_ part: consuming Part, into joined: inout Joined, nextLine: Int) -> Int {
        part.shiftLines(by: nextLine - 1)
        // Every id into the index in file order; a row whose id is there already is dropped.
        var repeats: [(row: Int, first: Int32, id: String)] = []
        for r in 0..<part.rows.count {
            part.rows.withID(r) { key in
                let (known, inserted) = joined.index.insert(utf8: key)
                if !inserted { repeats.append((r, known, String(decoding: key, as: UTF8.self))) }
            }
        }
        let unitMap: [Int32]
        if repeats.isEmpty {
            joined.lines.append(contentsOf: part.lines)
            // Every unit the part interned is named by a row it keeps, in this order.
            unitMap = joined.units.absorb(part.units.names)
        } else {
            var kept: [Int] = []
            kept.reserveCapacity(part.rows.count - repeats.count)
            var next = 0
            for r in 0..<part.rows.count {
                if next < repeats.count && repeats[next].row == r { next += 1 } else { kept.append(r) }
            }
            // The index numbers the kept rows as the joined lines do: the first
            // copy's line is read once this part's kept lines are in.
            joined.lines.append(contentsOf: part.lines.selecting(kept))
            let errors = repeats.map { repeated in
                Diagnostic.error(Parser.name, part.lines[repeated.row], parser.idColumn,
                                 "\(Parser.idColumnName) '\(repeated.id)' is given twice (first at line \(joined.lines[Int(repeated.first)]))")
            }
            part.rows = part.rows.selecting(kept)
            part.log = Self.replacing(errors, in: part.log)
            // The units in the order the kept rows name them (those named only by dropped rows left out).
            var map = [Int32](repeating: -1, count: part.units.names.count)
            for r in 0..<part.rows.count {
                let (faculty, department) = part.rows.unitPair(r)
                for u in [faculty, department] where map[Int(u)] < 0 {
                    map[Int(u)] = joined.units.unit(named: part.units.names[u])
                }
            }
            unitMap = map
        }
        if unitMap.indices.contains(where: { unitMap[$0] != Int32($0) }) { part.rows.remapUnits(unitMap) }
        if joined.rows.count == 0 {
            joined.rows = part.rows
        } else {
            joined.rows.append(contentsOf: part.rows)
        }
        for d in part.log.diagnostics { joined.log.append(d) }
        return part.nextLine
    }

    /// A part's diagnostics with those of its dropped rows replaced by the
    /// "given twice" errors, in line order. One pass checks nothing of a
    /// row past its id given twice, and every other diagnostic of the row
    /// is at the row's line, which no other record's diagnostic is.
    private static func replacing(_ errors: [Diagnostic], in log: DiagnosticLog) -> DiagnosticLog {
        var out = DiagnosticLog()
        var next = 0
        for d in log.diagnostics {
            if let line = d.line {
                while next < errors.count, let l = errors[next].line, l < line {
                    out.append(errors[next])
                    next += 1
                }
                if next < errors.count && errors[next].line == line { continue }
            }
            out.append(d)
        }
        while next < errors.count {
            out.append(errors[next])
            next += 1
        }
        return out
    }
}

import Foundation
import JuryEngine

/// Reads `sheets.csv`, the evaluation sheets (F-03): the hot path of the reader.
///
/// Each record is checked and appended to a `SheetTable.Builder` straight from
/// the reader's bytes: ids are looked up by their bytes, scores parsed from
/// ASCII digits, and no `String` is made except for a non-empty comment.
enum SheetsFile {
    static let name = "sheets.csv"

    /// Files smaller than this are read by one core: splitting costs more
    /// than it saves.
    static let minimumParallelBytes = RecordRanges.minimumParallelBytes

    /// Reads the sheets, splitting the file into `chunks` ranges of records
    /// read at the same time (default: one per core, for files of at least
    /// `minimumParallelBytes`). The result, diagnostics included, is the
    /// same for any number of chunks.
    static func read(path: String, rules: Rules, people: IdIndex, personList: PersonTable, courses: IdIndex, courseList: CourseTable,
                     chunks requestedChunks: Int? = nil, log: inout DiagnosticLog) -> SheetTable {
        let k = rules.criteria.count
        let empty = SheetTable.Builder(criterionCount: k, weights: rules.weights).build(courseCount: courses.count).table
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
            return empty
        }
        let parser: SheetRowParser
        do {
            guard try reader.next() else {
                log.error(name, nil, nil, "the file is empty; it needs at least a header line")
                return empty
            }
            if let problem = reader.problem {
                log.append(CSVRows.diagnostic(problem, file: name))
                return empty
            }
            let keys = rules.criteria.map(\.key)
            let header = CSVHeader(file: name, reader: reader, required: ["stage", "expert_id", "mooc_id"] + keys,
                                   optional: ["total", "comment", "signed_at"], log: &log)
            guard let stageColumn = header.index("stage"), let expertColumn = header.index("expert_id"),
                  let courseColumn = header.index("mooc_id") else { return empty }
            let scoreColumns = keys.compactMap { header.index($0) }
            guard scoreColumns.count == k else { return empty }
            parser = SheetRowParser(rules: rules, keys: keys, people: people, personList: personList, courses: courses,
                                    stageColumn: stageColumn, expertColumn: expertColumn, courseColumn: courseColumn,
                                    scoreColumns: scoreColumns, totalColumn: header.index("total"),
                                    commentColumn: header.index("comment"), signedColumn: header.index("signed_at"),
                                    fieldCount: header.count)
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
            return empty
        }

        // Split the records after the header into ranges that start at line ends.
        let bodyStart = reader.offset
        let size = RecordRanges.fileSize(path) ?? bodyStart
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = requestedChunks ?? (size - bodyStart >= minimumParallelBytes ? min(cores, 8) : 1)
        let splits = RecordRanges.starts(path: path, bodyStart: bodyStart, size: size, count: chunkCount)
        var parts = Concurrently.map(splits.count) { i -> SheetRowParser.Part? in
            let end = i + 1 < splits.count ? splits[i + 1] : Int.max
            do throws(CSVReaderError) {
                return parser.parse(try CSVReader(path: path, range: splits[i] ..< end), bytes: min(end, size) - splits[i])
            } catch {
                return parser.failed(error)
            }
        }

        // Join the parts in file order, each part's lines counted on from
        // where the one before it (or the header) ended. A
        // split that fell inside a quoted field shows as a part that did not
        // stop where the next one started: the rest of the file is then read
        // again, on one core, from where it did stop.
        var merged = SheetRowParser.Part(criterionCount: k, weights: rules.weights)
        merged.nextLine = reader.nextLineNumber
        var warnedNotExpert = Set<Int32>()
        for i in parts.indices {
            // Taken out of `parts`, so that its columns are held once: shifted
            // in place, and the first part's grown in place by the others
            // (a copy left in `parts` would make both copy whole).
            guard var part = parts[i].take() else { break }
            part.shiftLines(by: merged.nextLine - 1)
            merged.absorb(part, warnedNotExpert: &warnedNotExpert)
            guard i + 1 < parts.count, part.stoppedAt >= 0 else { break }
            if part.stoppedAt != splits[i + 1] {
                var rest: SheetRowParser.Part
                do throws(CSVReaderError) {
                    rest = parser.parse(try CSVReader(path: path, range: part.stoppedAt ..< Int.max), bytes: size - part.stoppedAt)
                } catch {
                    rest = parser.failed(error)
                }
                rest.shiftLines(by: merged.nextLine - 1)
                merged.absorb(rest, warnedNotExpert: &warnedNotExpert)
                break
            }
        }
        for d in merged.log.diagnostics { log.append(d) }
        parts = []
        // The builder's last use: `build` frees each column once copied.
        let builder = merged.builder
        merged.builder = SheetTable.Builder(criterionCount: k, weights: rules.weights)
        let (table, duplicates) = builder.build(courseCount: courses.count)
        let lines = merged.lines
        for d in duplicates {
            log.error(name, lines[d.later], nil,
                      "duplicate sheet: expert '\(personList.ids[Int(d.expert)])' already scored '\(courseList.ids[Int(d.course)])' at the \(d.stage) stage (line \(lines[d.first]))")
        }
        return table
    }
}

/// Checks the records of `sheets.csv` and collects the good ones: the row
/// loop of `SheetsFile`, run on each range of the file at the same time.
struct SheetRowParser: Sendable {
    let rules: Rules
    let keys: [String]
    let people: IdIndex
    let personList: PersonTable
    let courses: IdIndex
    let stageColumn: Int, expertColumn: Int, courseColumn: Int
    let scoreColumns: [Int]
    let totalColumn: Int?, commentColumn: Int?, signedColumn: Int?
    let fieldCount: Int

    /// What one range of the file gave: its sheets, their lines, its
    /// diagnostics, and where it stopped.
    struct Part: Sendable {
        var builder: SheetTable.Builder
        var lines = LineNumbers()
        var log = DiagnosticLog()
        /// "Scores but is not an expert" warnings, first per expert in this part.
        var notExpert: [(expert: Int32, warning: Diagnostic)] = []
        /// File offset where the part stopped reading; -1 when it could not read.
        var stoppedAt = 0
        /// Line on which the record after the part's last one starts.
        var nextLine = 1

        init(criterionCount: Int, weights: [Double]) {
            builder = SheetTable.Builder(criterionCount: criterionCount, weights: weights)
        }

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
            for i in notExpert.indices { notExpert[i].warning.line = notExpert[i].warning.line.map { $0 + delta } }
            nextLine += delta
        }

        /// Appends a later part.
        mutating func absorb(_ other: Part, warnedNotExpert: inout Set<Int32>) {
            if builder.count == 0 { builder = other.builder } else { builder.append(contentsOf: other.builder) }
            if lines.isEmpty { lines = other.lines } else { lines.append(contentsOf: other.lines) }
            for d in other.log.diagnostics { log.append(d) }
            for w in other.notExpert where warnedNotExpert.insert(w.expert).inserted { log.append(w.warning) }
            stoppedAt = other.stoppedAt
            nextLine = other.nextLine
        }
    }

    func failed(_ error: CSVReaderError) -> Part {
        var part = Part(criterionCount: keys.count, weights: rules.weights)
        part.log.error(SheetsFile.name, nil, nil, "cannot be read: \(error)")
        part.stoppedAt = -1
        return part
    }

    /// Reads records until the reader stops; line numbers are the reader's.
    /// - Parameter bytes: about how many bytes the reader will read, to
    ///   reserve the columns once (a reservation never touched costs no memory).
    func parse(_ reader: CSVReader, bytes: Int) -> Part {
        let name = SheetsFile.name
        let k = keys.count
        var part = Part(criterionCount: k, weights: rules.weights)
        // A record holds at least two bytes per field.
        let rows = min(bytes, 1 << 40) / max(2 * fieldCount, 1)
        part.builder.reserveCapacity(rows)
        let unweighted = rules.isUnweighted
        let scale = rules.scale
        var scores = [UInt8](repeating: 0, count: k)
        let quickScores = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: k)
        defer { quickScores.deallocate() }
        let expertRole = Person.Roles.expert
        var warnedNotExpert = Set<Int32>()
        do {
            while try reader.next() {
                let line = reader.line
                if let problem = reader.problem {
                    part.log.append(CSVRows.diagnostic(problem, file: name))
                    if case .unterminatedQuote = problem { break }
                    continue
                }
                let record = reader.record
                if let sheet = quickSheet(record, unweighted: unweighted, scale: scale, scores: quickScores) {
                    if !personList.roles(Int(sheet.expert)).contains(expertRole), warnedNotExpert.insert(sheet.expert).inserted {
                        part.notExpert.append((sheet.expert, .warning(name, line, expertColumn + 1, "'\(personList.ids[Int(sheet.expert)])' scores sheets but does not have the role 'expert' in people.csv")))
                    }
                    let comment = commentColumn.map { record.isEmpty($0) ? "" : record.string($0) } ?? ""
                    part.builder.append(stage: sheet.stage, course: sheet.course, expert: sheet.expert,
                                        scores: UnsafeBufferPointer(quickScores), comment: comment)
                    part.lines.append(line)
                    continue
                }
                // Something to report, or a form the quick path leaves alone
                // (a weighted total, a sign): every check, with its message.
                if record.count == 1 && record.isEmpty(0) { continue }
                if record.count != fieldCount {
                    part.log.error(name, line, nil, "row has \(record.count) fields, the header has \(fieldCount)")
                    continue
                }
                var ok = true
                let stageBytes = record.field(stageColumn)
                let stage = Stage(bytes: stageBytes)
                if stage == nil {
                    ok = false
                    part.log.error(name, line, stageColumn + 1, stageBytes.isEmpty
                        ? "missing stage" : "unknown stage \"\(record.string(stageColumn))\" (department, faculty or commission)")
                }
                let expert = people.lookup(record.field(expertColumn))
                if expert == nil {
                    ok = false
                    part.log.error(name, line, expertColumn + 1, record.isEmpty(expertColumn)
                        ? "missing expert_id" : "expert '\(record.string(expertColumn))' is not in people.csv")
                } else if let e = expert, !personList.roles(Int(e)).contains(.expert), warnedNotExpert.insert(e).inserted {
                    part.notExpert.append((e, .warning(name, line, expertColumn + 1, "'\(personList.ids[Int(e)])' scores sheets but does not have the role 'expert' in people.csv")))
                }
                let course = courses.lookup(record.field(courseColumn))
                if course == nil {
                    ok = false
                    part.log.error(name, line, courseColumn + 1, record.isEmpty(courseColumn)
                        ? "missing mooc_id" : "course '\(record.string(courseColumn))' is not in moocs.csv")
                }
                var sum = 0
                var weighted = 0.0
                for c in 0..<k {
                    let column = scoreColumns[c]
                    let bytes = record.field(column)
                    switch SheetsFile.parseScore(bytes) {
                    case .value(let v):
                        if v < scale.min || v > scale.max {
                            ok = false
                            part.log.error(name, line, column + 1, "score \(v) for '\(keys[c])' is outside the scale \(scale.min)–\(scale.max)")
                        } else {
                            scores[c] = UInt8(v)
                            sum += v
                            weighted += rules.weights[c] * Double(v)
                        }
                    case .missing:
                        ok = false
                        part.log.error(name, line, column + 1, "missing score for '\(keys[c])'")
                    case .notInteger:
                        ok = false
                        part.log.error(name, line, column + 1, "score \"\(record.string(column))\" for '\(keys[c])' is not a whole number")
                    }
                }
                if ok, let totalColumn, !record.isEmpty(totalColumn),
                   !(unweighted && SheetsFile.isWholeNumber(record.field(totalColumn), equalTo: sum)) {
                    let computed = unweighted ? Double(sum) : weighted
                    let text = record.string(totalColumn)
                    if let given = Double(text.trimmingSpaces), given.isFinite {
                        // Weighted totals may be written rounded to two decimals.
                        let tolerance = unweighted ? 0 : 0.005 + 1e-9 * abs(computed)
                        if abs(given - computed) > tolerance {
                            ok = false
                            part.log.error(name, line, totalColumn + 1, "total \(text) does not equal the \(unweighted ? "" : "weighted ")sum of the criteria, \(SheetsFile.formatNumber(computed))")
                        }
                    } else {
                        ok = false
                        part.log.error(name, line, totalColumn + 1, "total \"\(text)\" is not a number")
                    }
                }
                if let signedColumn, !record.isEmpty(signedColumn), ISO8601.secondsSinceEpoch(record.field(signedColumn)) == nil {
                    ok = false
                    part.log.error(name, line, signedColumn + 1, "signed_at \"\(record.string(signedColumn))\" is not an ISO 8601 timestamp")
                }
                guard ok, let stage, let expert, let course else { continue }
                let comment = commentColumn.map { record.isEmpty($0) ? "" : record.string($0) } ?? ""
                part.builder.append(stage: stage, course: course, expert: expert, scores: scores, comment: comment)
                part.lines.append(line)
            }
        } catch {
            part.log.error(name, nil, nil, "cannot be read: \(error)")
            part.stoppedAt = -1
            return part
        }
        part.stoppedAt = reader.offset
        part.nextLine = reader.nextLineNumber
        return part
    }
}

extension SheetRowParser {
    /// The sheet of a record that passes every check in its common form —
    /// the right field count, a known stage, expert and course, scores of one
    /// or two plain digits inside the scale, an unweighted total (if given)
    /// written as the plain sum, a valid `signed_at` (if given) — with its
    /// scores in `scores`; nil for anything else, which `parse` then checks
    /// field by field with its messages. A path of its own, without the
    /// messages, keeps the common row's loop short enough for registers.
    @inline(__always)
    func quickSheet(_ record: CSVReader.Record, unweighted: Bool, scale: Scale,
                    scores: UnsafeMutableBufferPointer<UInt8>) -> (stage: Stage, expert: Int32, course: Int32)? {
        guard record.count == fieldCount, let stage = Stage(bytes: record.field(stageColumn)),
              let expert = people.lookup(record.field(expertColumn)),
              let course = courses.lookup(record.field(courseColumn)) else { return nil }
        var sum = 0
        for c in 0..<scores.count {
            let bytes = record.field(scoreColumns[c])
            guard bytes.count == 1 || bytes.count == 2, let base = bytes.baseAddress else { return nil }
            let d0 = base.load(as: UInt8.self) &- 48
            guard d0 <= 9 else { return nil }
            var v = Int(d0)
            if bytes.count == 2 {
                let d1 = base.load(fromByteOffset: 1, as: UInt8.self) &- 48
                guard d1 <= 9 else { return nil }
                v = v * 10 + Int(d1)
            }
            guard v >= scale.min, v <= scale.max else { return nil }
            scores[c] = UInt8(truncatingIfNeeded: v)
            sum &+= v
        }
        if let totalColumn, !record.isEmpty(totalColumn) {
            guard unweighted, SheetsFile.isWholeNumber(record.field(totalColumn), equalTo: sum) else { return nil }
        }
        if let signedColumn, !record.isEmpty(signedColumn) {
            guard ISO8601.secondsSinceEpoch(record.field(signedColumn)) != nil else { return nil }
        }
        return (stage, expert, course)
    }
}

extension SheetsFile {
    enum ParsedScore {
        case value(Int)
        case missing
        case notInteger
    }

    /// ASCII digits only (a leading `+` allowed); anything else is not a whole number.
    @inline(__always)
    static func parseScore(_ bytes: UnsafeRawBufferPointer) -> ParsedScore {
        if bytes.isEmpty { return .missing }
        var i = 0
        if bytes[0] == UInt8(ascii: "+") { i = 1 }
        if i == bytes.count { return .notInteger }
        var v = 0
        while i < bytes.count {
            let d = bytes[i] &- 48
            if d > 9 { return .notInteger }
            v = v &* 10 &+ Int(d)
            if v > 1_000_000 { return .value(v) }
            i += 1
        }
        return .value(v)
    }

    /// Whether `bytes` are the plain decimal digits of `value` (the common
    /// case of an unweighted total, checked without making a `String`);
    /// anything else takes the general path.
    @inline(__always)
    static func isWholeNumber(_ bytes: UnsafeRawBufferPointer, equalTo value: Int) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 18 else { return false }
        var v = 0
        for b in bytes {
            let d = b &- 48
            if d > 9 { return false }
            v = v * 10 + Int(d)
        }
        return v == value
    }

    static func formatNumber(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

extension Stage {
    /// Parses a stage name from its UTF-8 bytes without making a `String`.
    @inline(__always)
    init?(bytes: UnsafeRawBufferPointer) {
        func equals(_ s: StaticString) -> Bool {
            guard bytes.count == s.utf8CodeUnitCount else { return false }
            let p = s.utf8Start
            for i in 0..<bytes.count where bytes[i] != p[i] { return false }
            return true
        }
        if equals("commission") { self = .commission }
        else if equals("faculty") { self = .faculty }
        else if equals("department") { self = .department }
        else { return nil }
    }
}

import JuryEngine

/// Reads `sheets.csv`, the evaluation sheets (F-03): the hot path of the reader.
///
/// Each record is checked and appended to a `SheetTable.Builder` straight from
/// the reader's bytes: ids are looked up by their bytes, scores parsed from
/// ASCII digits, and no `String` is made except for a non-empty comment.
enum SheetsFile {
    static let name = "sheets.csv"

    static func read(path: String, rules: Rules, people: IdIndex, personList: PersonTable, courses: IdIndex, courseList: CourseTable,
                     log: inout DiagnosticLog) -> SheetTable {
        let k = rules.criteria.count
        var builder = SheetTable.Builder(criterionCount: k, weights: rules.weights)
        let empty = builder.build(courseCount: courses.count).table
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
            return empty
        }
        var lines: [UInt32] = []
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
            let totalColumn = header.index("total")
            let commentColumn = header.index("comment")
            let signedColumn = header.index("signed_at")
            let fieldCount = header.count
            let unweighted = rules.isUnweighted
            let scale = rules.scale
            var scores = [UInt8](repeating: 0, count: k)
            var warnedNotExpert = Set<Int32>()

            while try reader.next() {
                let line = reader.line
                if let problem = reader.problem {
                    log.append(CSVRows.diagnostic(problem, file: name))
                    if case .unterminatedQuote = problem { break }
                    continue
                }
                if reader.fieldCount == 1 && reader.isEmpty(0) { continue }
                if reader.fieldCount != fieldCount {
                    log.error(name, line, nil, "row has \(reader.fieldCount) fields, the header has \(fieldCount)")
                    continue
                }
                var ok = true
                let stageBytes = reader.field(stageColumn)
                let stage = Stage(bytes: stageBytes)
                if stage == nil {
                    ok = false
                    log.error(name, line, stageColumn + 1, stageBytes.isEmpty
                        ? "missing stage" : "unknown stage \"\(reader.string(stageColumn))\" (department, faculty or commission)")
                }
                let expert = people.lookup(reader.field(expertColumn))
                if expert == nil {
                    ok = false
                    log.error(name, line, expertColumn + 1, reader.isEmpty(expertColumn)
                        ? "missing expert_id" : "expert '\(reader.string(expertColumn))' is not in people.csv")
                } else if let e = expert, !personList.roles(Int(e)).contains(.expert), warnedNotExpert.insert(e).inserted {
                    log.warning(name, line, expertColumn + 1, "'\(personList.ids[Int(e)])' scores sheets but does not have the role 'expert' in people.csv")
                }
                let course = courses.lookup(reader.field(courseColumn))
                if course == nil {
                    ok = false
                    log.error(name, line, courseColumn + 1, reader.isEmpty(courseColumn)
                        ? "missing mooc_id" : "course '\(reader.string(courseColumn))' is not in moocs.csv")
                }
                var sum = 0
                var weighted = 0.0
                for c in 0..<k {
                    let column = scoreColumns[c]
                    let bytes = reader.field(column)
                    switch parseScore(bytes) {
                    case .value(let v):
                        if v < scale.min || v > scale.max {
                            ok = false
                            log.error(name, line, column + 1, "score \(v) for '\(keys[c])' is outside the scale \(scale.min)–\(scale.max)")
                        } else {
                            scores[c] = UInt8(v)
                            sum += v
                            weighted += rules.weights[c] * Double(v)
                        }
                    case .missing:
                        ok = false
                        log.error(name, line, column + 1, "missing score for '\(keys[c])'")
                    case .notInteger:
                        ok = false
                        log.error(name, line, column + 1, "score \"\(reader.string(column))\" for '\(keys[c])' is not a whole number")
                    }
                }
                if ok, let totalColumn, !reader.isEmpty(totalColumn),
                   !(unweighted && SheetsFile.isWholeNumber(reader.field(totalColumn), equalTo: sum)) {
                    let computed = unweighted ? Double(sum) : weighted
                    let text = reader.string(totalColumn)
                    if let given = Double(text.trimmingSpaces), given.isFinite {
                        // Weighted totals may be written rounded to two decimals.
                        let tolerance = unweighted ? 0 : 0.005 + 1e-9 * abs(computed)
                        if abs(given - computed) > tolerance {
                            ok = false
                            log.error(name, line, totalColumn + 1, "total \(text) does not equal the \(unweighted ? "" : "weighted ")sum of the criteria, \(formatNumber(computed))")
                        }
                    } else {
                        ok = false
                        log.error(name, line, totalColumn + 1, "total \"\(text)\" is not a number")
                    }
                }
                if let signedColumn, !reader.isEmpty(signedColumn), ISO8601.parse(reader.string(signedColumn)) == nil {
                    ok = false
                    log.error(name, line, signedColumn + 1, "signed_at \"\(reader.string(signedColumn))\" is not an ISO 8601 timestamp")
                }
                guard ok, let stage, let expert, let course else { continue }
                let comment = commentColumn.map { reader.isEmpty($0) ? "" : reader.string($0) } ?? ""
                builder.append(stage: stage, course: course, expert: expert, scores: scores, comment: comment)
                lines.append(UInt32(truncatingIfNeeded: line))
            }
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
            return empty
        }
        let (table, duplicates) = builder.build(courseCount: courses.count)
        for d in duplicates {
            log.error(name, Int(lines[d.later]), nil,
                      "duplicate sheet: expert '\(personList.ids[Int(d.expert)])' already scored '\(courseList.ids[Int(d.course)])' at the \(d.stage) stage (line \(lines[d.first]))")
        }
        return table
    }

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

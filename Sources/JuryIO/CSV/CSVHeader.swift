/// The header line of a bundle CSV file: which column holds which name.
/// Column order is free; a required column that is missing is an error, an
/// unknown column a warning, a name given twice an error.
struct CSVHeader {
    let file: String
    private(set) var names: [String] = []
    private var columns: [String: Int] = [:]

    /// Reads the header from the reader's current record.
    init(file: String, reader: CSVReader, required: [String], optional: [String], log: inout DiagnosticLog) {
        self.file = file
        for i in 0..<reader.fieldCount {
            let name = reader.string(i).trimmingSpaces
            names.append(name)
            if columns[name] != nil {
                log.error(file, reader.line, i + 1, "column '\(name)' is given twice")
                continue
            }
            columns[name] = i
            if !required.contains(name) && !optional.contains(name) {
                log.warning(file, reader.line, i + 1, "unknown column '\(name)' is ignored")
            }
        }
        for name in required where columns[name] == nil {
            log.error(file, reader.line, nil, "missing required column '\(name)'")
        }
    }

    /// Field index of a column, or nil when the file lacks it.
    func index(_ name: String) -> Int? { columns[name] }

    var count: Int { names.count }
}

/// Reads a bundle CSV file other than `sheets.csv` record by record,
/// reporting syntax problems; rows with a problem are reported and skipped, so
/// nothing downstream sees a half-read row. A row's fields become `String`s
/// only when asked for.
struct CSVRows {
    /// The current record; valid until the next call to `next`.
    struct Row {
        let record: CSVReader.Record
        let line: Int

        init(reader: CSVReader) {
            record = reader.record
            line = reader.line
        }

        subscript(_ index: Int?) -> String? {
            guard let index, index < record.count else { return nil }
            return record.string(index)
        }

        /// The bytes of a field (empty for a column the file lacks); valid
        /// until the next row is read.
        func bytes(_ index: Int?) -> UnsafeRawBufferPointer {
            guard let index, index < record.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return record.field(index)
        }
    }

    let name: String
    private(set) var header: CSVHeader?
    private let reader: CSVReader?
    private var finished = false

    /// Opens the file and reads its header.
    /// - Parameter name: how diagnostics call the file.
    init(path: String, name: String, required: [String], optional: [String], log: inout DiagnosticLog) {
        self.name = name
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            self.reader = nil
            log.error(name, nil, nil, "cannot be read: \(error)")
            return
        }
        self.reader = reader
        do {
            guard try reader.next() else {
                log.error(name, nil, nil, "the file is empty; it needs at least a header line")
                return
            }
            if let problem = reader.problem {
                log.append(CSVRows.diagnostic(problem, file: name))
                return
            }
            header = CSVHeader(file: name, reader: reader, required: required, optional: optional, log: &log)
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
        }
    }

    /// Reads the records of `reader` (one range of a file, see
    /// `CSVReader(path:range:)`) against a header read before.
    init(reader: CSVReader, header: CSVHeader, name: String) {
        self.name = name
        self.reader = reader
        self.header = header
    }

    /// File offset just past the last record read.
    var offset: Int { reader?.offset ?? 0 }

    /// Physical line on which the next record starts (counted as the reader counts).
    var nextLineNumber: Int { reader?.nextLineNumber ?? 1 }

    /// Whether reading stopped on an error of the file system.
    private(set) var failed = false

    /// The next well-formed row, or nil at the end of the file.
    mutating func next(log: inout DiagnosticLog) -> Row? {
        guard let reader, let header, !finished else { return nil }
        do {
            while try reader.next() {
                if let problem = reader.problem {
                    log.append(CSVRows.diagnostic(problem, file: name))
                    continue
                }
                if reader.fieldCount == 1 && reader.isEmpty(0) { continue }  // a blank line
                if reader.fieldCount != header.count {
                    log.error(name, reader.line, nil, "row has \(reader.fieldCount) fields, the header has \(header.count)")
                    continue
                }
                return Row(reader: reader)
            }
        } catch {
            log.error(name, nil, nil, "cannot be read: \(error)")
            failed = true
        }
        finished = true
        return nil
    }

    static func diagnostic(_ problem: CSVReader.Problem, file: String) -> Diagnostic {
        switch problem {
        case .unterminatedQuote(let line, let column):
            .error(file, line, column, "quoted field is not closed before the end of the file")
        case .strayQuote(let line, let column):
            .error(file, line, column, "stray quote: a field with quotes must be quoted as a whole, with inner quotes doubled (\"\")")
        case .invalidUTF8(let line, let column):
            .error(file, line, column, "text is not valid UTF-8 (save the file as UTF-8)")
        }
    }
}

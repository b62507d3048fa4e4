import Foundation
import JuryEngine

/// Reads a competition bundle (`bundle-format.md`) into a `Competition`.
///
/// Every file is read and every problem collected before anything is
/// returned: a bundle with any error yields no competition at all (imports
/// are all-or-nothing), and the log lists every problem as
/// `file:line:column: message`.
public enum BundleReader {
    /// The result of reading a bundle: the competition when there was no
    /// error, and every diagnostic (warnings too).
    public struct Outcome: Sendable {
        public var competition: Competition?
        public var log: DiagnosticLog
    }

    /// - Parameters:
    ///   - sheetChunks: how many ranges of `sheets.csv` to read at the same
    ///     time; nil chooses by file size and cores.
    ///   - peopleRanges: the same for `people.csv`.
    ///   - moocsRanges: the same for `moocs.csv`.
    ///
    ///   The outcome is the same for any values.
    ///
    /// Memory: what reading needed and let go (the id indexes, line numbers,
    /// the sheets' parts) is handed back to the system before returning
    /// (`FreedMemory`), so that it does not stay resident under what comes
    /// next: at 10 M sheets, 160 MiB less peak memory for `jury rank`.
    public static func read(_ path: String, sheetChunks: Int? = nil, peopleRanges: Int? = nil, moocsRanges: Int? = nil) -> Outcome {
        let outcome = readFiles(path, sheetChunks: sheetChunks, peopleRanges: peopleRanges, moocsRanges: moocsRanges)
        FreedMemory.release()
        return outcome
    }

    private static func readFiles(_ path: String, sheetChunks: Int?, peopleRanges: Int?, moocsRanges: Int?) -> Outcome {
        var log = DiagnosticLog()
        let folder = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(path, nil, nil, "no bundle folder here")
            return Outcome(competition: nil, log: log)
        }
        func file(_ name: String) -> String? {
            let p = folder.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }
        let folderName = folder.standardizedFileURL.lastPathComponent
        var header = CompetitionFile(folderName: folderName)
        if let p = file(CompetitionFile.name) {
            if let data = FileManager.default.contents(atPath: p) {
                var bytes = [UInt8](data)
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if bytes.isEmpty {
                    log.error(CompetitionFile.name, nil, nil, "the file is empty; remove it to use the defaults, or give a JSON object")
                } else if String(validating: bytes, as: UTF8.self) == nil {
                    log.error(CompetitionFile.name, nil, nil, "text is not valid UTF-8 (save the file as UTF-8)")
                } else {
                    header = CompetitionFile(bytes: bytes, folderName: folderName, log: &log)
                }
            } else {
                log.error(CompetitionFile.name, nil, nil, "cannot be read")
            }
        }
        for name in [PeopleFile.name, MoocsFile.name, SheetsFile.name] where file(name) == nil {
            log.error(name, nil, nil, "required file is missing from the bundle")
        }
        let rules = header.rules
        // people.csv and moocs.csv are read at the same time, both in ranges
        // on every core (the courses' authors are looked up in the people
        // afterwards), then sheets.csv in ranges on every core.
        var units = UnitInterner()
        var people = PersonTable(), peopleIndex = IdIndex(), peopleLines = LineNumbers()
        var moocs = MoocsFile.Read()
        var peopleLog = DiagnosticLog(), moocsLog = DiagnosticLog()
        let peoplePath = file(PeopleFile.name), moocsPath = file(MoocsFile.name)
        let peopleFile = peoplePath.flatMap { TableFileReader<PeopleFile.RowParser>(path: $0, log: &peopleLog) }
        let moocsFile = moocsPath.flatMap { TableFileReader<MoocsFile.RowParser>(path: $0, log: &moocsLog) }
        let (peopleJoined, moocsJoined) = TableFiles.read(peopleFile, moocsFile, ranges: (peopleRanges, moocsRanges))
        if peoplePath != nil {
            let read = peopleJoined.map { PeopleFile.Read($0, headerLog: peopleLog) } ?? PeopleFile.Read(log: peopleLog)
            (people, peopleIndex, peopleLines, units) = (read.people, read.index, read.lines, read.units)
            for d in read.log.diagnostics { log.append(d) }
        }
        if moocsPath != nil {
            moocs = moocsJoined.map { MoocsFile.Read($0, authorColumn: moocsFile?.parser.columnAuthors, headerLog: moocsLog) }
                ?? MoocsFile.Read(log: moocsLog)
            for d in moocs.log.diagnostics { log.append(d) }
            MoocsFile.resolveAuthors(&moocs, people: peopleIndex, personList: people, log: &log)
        }
        let unitMap = units.absorb(moocs.units.names)
        var courses = moocs.courses
        let courseIndex = moocs.index, courseLines = moocs.lines
        people.setUnits(units.names)
        courses.remapUnits(unitMap, to: units.names)
        checkUnits(people: people, peopleLines: peopleLines, courses: courses, courseLines: courseLines, log: &log)
        var sheets = SheetTable(criterionCount: rules.criteria.count)
        if let p = file(SheetsFile.name) {
            sheets = SheetsFile.read(path: p, rules: rules, people: peopleIndex, personList: people,
                                     courses: courseIndex, courseList: courses, chunks: sheetChunks, log: &log)
        }
        var votes = VoteTable()
        if let p = file(VotesFile.name) {
            votes = VotesFile.read(path: p, people: peopleIndex, personList: people, courses: courseIndex,
                                   courseList: courses, log: &log)
        }
        var conflicts: [DeclaredConflict] = []
        if let p = file(ConflictsFile.name) {
            conflicts = ConflictsFile.read(path: p, people: peopleIndex, courses: courseIndex, log: &log)
        }
        var decisions: [Decision] = []
        if let p = file(DecisionsFile.name) {
            decisions = DecisionsFile.read(path: p, courses: courseIndex, courseList: courses, log: &log)
        }
        if log.hasErrors { return Outcome(competition: nil, log: log) }
        let competition = Competition(id: header.id, title: header.title, year: header.year, semester: header.semester,
                                      rules: rules, people: people, courses: courses, sheets: sheets, votes: votes,
                                      conflicts: conflicts, decisions: decisions)
        return Outcome(competition: competition, log: log)
    }

    /// Departments are unique across the institution: one department belongs
    /// to one faculty wherever it is named (people.csv and moocs.csv).
    static func checkUnits(people: PersonTable, peopleLines: LineNumbers, courses: CourseTable, courseLines: LineNumbers, log: inout DiagnosticLog) {
        let units = people.units
        let blank = units.unit(named: "") ?? -1
        // Department unit → (faculty unit, where first placed).
        var facultyOf = [(faculty: Int32, file: String, line: Int)?](repeating: nil, count: units.count)
        func check(_ department: Int32, _ faculty: Int32, file: String, line: Int) {
            guard department != blank, faculty != blank else { return }
            if let known = facultyOf[Int(department)] {
                if known.faculty != faculty {
                    log.error(file, line, nil, "department '\(units[department])' is placed in faculty '\(units[faculty])' here but in '\(units[known.faculty])' at \(known.file):\(known.line); a department belongs to one faculty")
                }
            } else {
                facultyOf[Int(department)] = (faculty, file, line)
            }
        }
        for (p, line) in zip(people.indices, peopleLines) { check(people.departmentUnit[p], people.facultyUnit[p], file: PeopleFile.name, line: line) }
        for (c, line) in zip(courses.indices, courseLines) { check(courses.departmentUnit[c], courses.facultyUnit[c], file: MoocsFile.name, line: line) }
    }
}

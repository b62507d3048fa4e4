#if canImport(Glibc)
import Glibc
#endif

import JuryEngine

/// Reads `people.csv`: authors, experts, voters and the commission, into a
/// `PersonTable` straight from the reader's bytes.
enum PeopleFile {
    static let name = "people.csv"
    static let required = ["person_id", "full_name", "faculty", "department", "roles"]
    static let optional = ["teaching_staff", "position", "degree"]

    /// What `read` gives: the people, their index and lines, the units
    /// their faculties and departments are interned in, and the diagnostics.
    struct Read: Sendable {
        var people = PersonTable()
        var index = IdIndex()
        var lines = LineNumbers()
        var units = UnitInterner()
        var log = DiagnosticLog()
    }

    /// Reads the people; needs nothing from the other files. The records
    /// are read in `ranges` ranges at the same time (nil: by file size and
    /// cores); the outcome is the same for any number.
    static func read(path: String, ranges: Int? = nil) -> Read {
        var log = DiagnosticLog()
        guard var file = TableFileReader<RowParser>(path: path, log: &log) else { return Read(log: log) }
        file.split(ranges: ranges ?? RecordRanges.counts(forBodies: [file.bodyBytes])[0])
        return Read(file.read(), headerLog: log)
    }

    /// The row loop, run on each range of the file.
    struct RowParser: TableRowParser {
        typealias Rows = PersonTable
        static var name: String { PeopleFile.name }
        static var required: [String] { PeopleFile.required }
        static var optional: [String] { PeopleFile.optional }
        static var idColumnName: String { "person_id" }

        let columnDepartment: Int?
        let columnPosition: Int?
        let columnDegree: Int?
        let columnFaculty: Int?
        let columnFullName: Int?
        let columnPersonId: Int?
        let columnRoles: Int?
        let columnTeachingStaff: Int?

        init(header h: CSVHeader) {
            columnDepartment = h.index("department")
            columnPosition = h.index("position")
            columnDegree = h.index("degree")
            columnFaculty = h.index("faculty")
            columnFullName = h.index("full_name")
            columnPersonId = h.index("person_id")
            columnRoles = h.index("roles")
            columnTeachingStaff = h.index("teaching_staff")
        }

        var idColumn: Int? { columnPersonId.map { $0 + 1 } }

        func parse(_ csv: inout CSVRows, sizing: RangeSizing, into part: inout TablePart<PersonTable>) {
            let name = PeopleFile.name
            let cell = FieldParsing(file: name)
            var log = DiagnosticLog()
            var people = PersonTable()
            var lines = LineNumbers()
            var units = UnitInterner()
            func col(_ c: Int?) -> Int? { c.map { $0 + 1 } }
            while let row = csv.next(log: &log) {
                let l = row.line
                let id = row.bytes(columnPersonId)
                guard cell.identifier(bytes: id, column: "person_id", at: l, col(columnPersonId), log: &log) else { continue }
                // An id given twice is found while the ranges are joined (`TableFileReader`).
                var roles: Person.Roles = []
                FieldParsing.forEachItem(row.bytes(columnRoles)) { r in
                    if let role = Person.Roles(utf8: r) {
                        roles.insert(role)
                    } else {
                        log.error(name, l, col(columnRoles), "unknown role \"\(String(decoding: r, as: UTF8.self))\" (roles are author, expert, voter, chair, member, secretary, separated by ';')")
                    }
                }
                let fullName = row.bytes(columnFullName)
                if !FieldParsing.hasText(fullName) {
                    log.error(name, l, col(columnFullName), "missing full_name of '\(String(decoding: id, as: UTF8.self))'")
                }
                let faculty = row.bytes(columnFaculty), department = row.bytes(columnDepartment)
                let facultyOK = cell.identifier(bytes: faculty, column: "faculty", at: l, col(columnFaculty), log: &log)
                let departmentOK = cell.identifier(bytes: department, column: "department", at: l, col(columnDepartment), log: &log)
                let teaching = cell.yesNo(bytes: row.bytes(columnTeachingStaff), column: "teaching_staff", at: l, col(columnTeachingStaff), log: &log)
                // A row with errors is still indexed, so that references to it do not
                // cascade into "unknown person" errors; the log's errors stop any output.
                people.append(id: id, fullName: fullName,
                              faculty: units.unit(facultyOK ? faculty : FieldParsing.empty),
                              department: units.unit(departmentOK ? department : FieldParsing.empty),
                              roles: roles, teachingStaff: teaching, position: row.bytes(columnPosition), degree: row.bytes(columnDegree))
                lines.append(l)
                if let factor = sizing.factor(rows: lines.count, offset: csv.offset) {
                    people.reserveCapacity(scaling: factor)
                }
            }
            part.rows = people
            part.lines = lines
            part.units = units
            part.log = log
        }
    }
}

extension PeopleFile.Read {
    /// The file read whole, after the diagnostics of its header.
    init(_ joined: TableFileReader<PeopleFile.RowParser>.Joined, headerLog: DiagnosticLog) {
        var log = headerLog
        for d in joined.log.diagnostics { log.append(d) }
        self.init(people: joined.rows, index: joined.index, lines: joined.lines, units: joined.units, log: log)
    }
}

extension PersonTable: TableRows {
    static var empty: PersonTable { PersonTable() }

    func withID<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R { ids.withUTF8(row, body) }

    func unitPair(_ row: Int) -> (faculty: Int32, department: Int32) { (facultyUnit[row], departmentUnit[row]) }

    mutating func remapUnits(_ map: [Int32]) { remapUnits(map, to: units) }
}

extension Person.Roles {
    /// A role from its name's UTF-8 bytes (compared with `memcmp`: the
    /// generic `elementsEqual` cost 1 % of reading a large bundle).
    init?(utf8 name: UnsafeRawBufferPointer) {
        guard let base = name.baseAddress else { return nil }
        for (text, role) in Person.Roles.named where text.utf8.count == name.count {
            let same = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress.map { memcmp($0, base, name.count) == 0 } ?? false }
                ?? text.utf8.elementsEqual(name)
            if same {
                self = role
                return
            }
        }
        return nil
    }
}

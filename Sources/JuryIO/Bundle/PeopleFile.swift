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
        var lines: [Int] = []
        var units = UnitInterner()
        var log = DiagnosticLog()
    }

    /// Reads the people; needs nothing from the other files.
    static func read(path: String) -> Read {
        var log = DiagnosticLog()
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return Read(log: log) }
        let cell = FieldParsing(file: name)
        var people = PersonTable()
        var lines: [Int] = []
        var index = IdIndex()
        var units = UnitInterner()
        let columnDepartment = h.index("department")
        let columnPosition = h.index("position")
        let columnDegree = h.index("degree")
        let columnFaculty = h.index("faculty")
        let columnFullName = h.index("full_name")
        let columnPersonId = h.index("person_id")
        let columnRoles = h.index("roles")
        let columnTeachingStaff = h.index("teaching_staff")
        func col(_ c: Int?) -> Int? { c.map { $0 + 1 } }
        while let row = csv.next(log: &log) {
            let l = row.line
            let id = row.bytes(columnPersonId)
            guard cell.identifier(bytes: id, column: "person_id", at: l, col(columnPersonId), log: &log) else { continue }
            let (known, inserted) = index.insert(utf8: id)
            if !inserted {
                log.error(name, l, col(columnPersonId), "person_id '\(String(decoding: id, as: UTF8.self))' is given twice (first at line \(lines[Int(known)]))")
                continue
            }
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
        }
        index.optimizeForLookups()
        return Read(people: people, index: index, lines: lines, units: units, log: log)
    }
}

extension Person.Roles {
    /// A role from its name's UTF-8 bytes.
    init?(utf8 name: UnsafeRawBufferPointer) {
        guard let match = Person.Roles.named.first(where: { $0.name.utf8.elementsEqual(name) }) else { return nil }
        self = match.role
    }
}

import JuryEngine

/// Reads `people.csv`: authors, experts, voters and the commission.
enum PeopleFile {
    static let name = "people.csv"
    static let required = ["person_id", "full_name", "faculty", "department", "roles"]
    static let optional = ["teaching_staff", "position", "degree"]

    static func read(path: String, log: inout DiagnosticLog) -> (people: [Person], index: IdIndex, lines: [Int]) {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return ([], IdIndex(), []) }
        let cell = FieldParsing(file: name)
        var people: [Person] = []
        var lines: [Int] = []
        var index = IdIndex()
        let columnDepartment = h.index("department")
        let columnPosition = h.index("position")
        let columnDegree = h.index("degree")
        let columnFaculty = h.index("faculty")
        let columnFullName = h.index("full_name")
        let columnPersonId = h.index("person_id")
        let columnRoles = h.index("roles")
        let columnTeachingStaff = h.index("teaching_staff")
        while let row = csv.next(log: &log) {
            let l = row.line
            guard let id = cell.identifier(row[columnPersonId], column: "person_id", at: l, columnPersonId.map { $0 + 1 }, log: &log) else { continue }
            if let first = index.lookup(id).map({ lines[Int($0)] }) {
                log.error(name, l, columnPersonId.map { $0 + 1 }, "person_id '\(id)' is given twice (first at line \(first))")
                continue
            }
            var roles: Person.Roles = []
            for r in cell.list(row[columnRoles]) {
                if let role = Person.Roles(name: r) {
                    roles.insert(role)
                } else {
                    log.error(name, l, columnRoles.map { $0 + 1 }, "unknown role \"\(r)\" (roles are author, expert, voter, chair, member, secretary, separated by ';')")
                }
            }
            let fullName = row[columnFullName] ?? ""
            if fullName.trimmingSpaces.isEmpty {
                log.error(name, l, columnFullName.map { $0 + 1 }, "missing full_name of '\(id)'")
            }
            let faculty = cell.identifier(row[columnFaculty], column: "faculty", at: l, columnFaculty.map { $0 + 1 }, log: &log)
            let department = cell.identifier(row[columnDepartment], column: "department", at: l, columnDepartment.map { $0 + 1 }, log: &log)
            let teaching = cell.yesNo(row[columnTeachingStaff], column: "teaching_staff", at: l, columnTeachingStaff.map { $0 + 1 }, log: &log)
            // A row with errors is still indexed, so that references to it do not
            // cascade into "unknown person" errors; the log's errors stop any output.
            func optionalText(_ column: Int?) -> String? {
                guard let t = row[column], !t.isEmpty else { return nil }
                return t
            }
            index.insert(id)
            people.append(Person(id: id, fullName: fullName, faculty: faculty ?? "", department: department ?? "", roles: roles,
                                 teachingStaff: teaching, position: optionalText(columnPosition), degree: optionalText(columnDegree)))
            lines.append(l)
        }
        return (people, index, lines)
    }
}

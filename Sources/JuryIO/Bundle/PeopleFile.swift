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
        while let row = csv.next(log: &log) {
            let l = row.line
            func col(_ n: String) -> Int? { h.index(n).map { $0 + 1 } }
            guard let id = cell.identifier(row[h.index("person_id")], column: "person_id", at: l, col("person_id"), log: &log) else { continue }
            if let first = index.lookup(id).map({ lines[Int($0)] }) {
                log.error(name, l, col("person_id"), "person_id '\(id)' is given twice (first at line \(first))")
                continue
            }
            var roles: Person.Roles = []
            for r in cell.list(row[h.index("roles")]) {
                if let role = Person.Roles(name: r) {
                    roles.insert(role)
                } else {
                    log.error(name, l, col("roles"), "unknown role \"\(r)\" (roles are author, expert, voter, chair, member, secretary, separated by ';')")
                }
            }
            let fullName = row[h.index("full_name")] ?? ""
            if fullName.trimmingSpaces.isEmpty {
                log.error(name, l, col("full_name"), "missing full_name of '\(id)'")
            }
            let faculty = cell.identifier(row[h.index("faculty")], column: "faculty", at: l, col("faculty"), log: &log)
            let department = cell.identifier(row[h.index("department")], column: "department", at: l, col("department"), log: &log)
            let teaching = cell.yesNo(row[h.index("teaching_staff")], column: "teaching_staff", at: l, col("teaching_staff"), log: &log)
            // A row with errors is still indexed, so that references to it do not
            // cascade into "unknown person" errors; the log's errors stop any output.
            func optionalText(_ n: String) -> String? {
                guard let t = row[h.index(n)], !t.isEmpty else { return nil }
                return t
            }
            index.insert(id)
            people.append(Person(id: id, fullName: fullName, faculty: faculty ?? "", department: department ?? "", roles: roles,
                                 teachingStaff: teaching, position: optionalText("position"), degree: optionalText("degree")))
            lines.append(l)
        }
        return (people, index, lines)
    }
}

import JuryEngine

/// Reads `conflicts.csv`: conflicts of interest declared by experts, with a
/// course or with an author (exactly one of the two).
enum ConflictsFile {
    static let name = "conflicts.csv"
    static let required = ["expert_id", "mooc_id", "person_id", "reason"]

    static func read(path: String, people: IdIndex, courses: IdIndex, log: inout DiagnosticLog) -> [DeclaredConflict] {
        var csv = CSVRows(path: path, name: name, required: required, optional: [], log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return [] }
        let cell = FieldParsing(file: name)
        var out: [DeclaredConflict] = []
        var seen: [DeclaredConflict.Target: [Int32: Int]] = [:]
        while let row = csv.next(log: &log) {
            let l = row.line
            func col(_ n: String) -> Int? { h.index(n).map { $0 + 1 } }
            guard let expertId = cell.identifier(row[h.index("expert_id")], column: "expert_id", at: l, col("expert_id"), log: &log) else { continue }
            guard let expert = people.lookup(expertId) else {
                log.error(name, l, col("expert_id"), "expert '\(expertId)' is not in people.csv")
                continue
            }
            let courseId = row[h.index("mooc_id")] ?? ""
            let personId = row[h.index("person_id")] ?? ""
            let target: DeclaredConflict.Target
            switch (courseId.isEmpty, personId.isEmpty) {
            case (false, true):
                guard let c = courses.lookup(courseId) else {
                    log.error(name, l, col("mooc_id"), "course '\(courseId)' is not in moocs.csv")
                    continue
                }
                target = .course(c)
            case (true, false):
                guard let p = people.lookup(personId) else {
                    log.error(name, l, col("person_id"), "person '\(personId)' is not in people.csv")
                    continue
                }
                target = .author(p)
            default:
                log.error(name, l, nil, "give exactly one of mooc_id (a conflict with a course) and person_id (with an author)")
                continue
            }
            if let first = seen[target]?[expert] {
                log.warning(name, l, nil, "the same conflict of '\(expertId)' is declared twice (line \(first))")
                continue
            }
            seen[target, default: [:]][expert] = l
            out.append(DeclaredConflict(expert: expert, target: target, reason: row[h.index("reason")] ?? ""))
        }
        return out
    }
}

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
        let columnExpertId = h.index("expert_id")
        let columnMoocId = h.index("mooc_id")
        let columnPersonId = h.index("person_id")
        let columnReason = h.index("reason")
        while let row = csv.next(log: &log) {
            let l = row.line
            guard let expertId = cell.identifier(row[columnExpertId], column: "expert_id", at: l, columnExpertId.map { $0 + 1 }, log: &log) else { continue }
            guard let expert = people.lookup(expertId) else {
                log.error(name, l, columnExpertId.map { $0 + 1 }, "expert '\(expertId)' is not in people.csv")
                continue
            }
            let courseId = row[columnMoocId] ?? ""
            let personId = row[columnPersonId] ?? ""
            let target: DeclaredConflict.Target
            switch (courseId.isEmpty, personId.isEmpty) {
            case (false, true):
                guard let c = courses.lookup(courseId) else {
                    log.error(name, l, columnMoocId.map { $0 + 1 }, "course '\(courseId)' is not in moocs.csv")
                    continue
                }
                target = .course(c)
            case (true, false):
                guard let p = people.lookup(personId) else {
                    log.error(name, l, columnPersonId.map { $0 + 1 }, "person '\(personId)' is not in people.csv")
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
            out.append(DeclaredConflict(expert: expert, target: target, reason: row[columnReason] ?? ""))
        }
        return out
    }
}

import JuryEngine

/// Reads `decisions.csv`: the commission's own decisions on what the rules
/// leave open (ties at cut-off lines, 9.11 disqualifications, places).
enum DecisionsFile {
    static let name = "decisions.csv"
    static let required = ["stage", "unit", "mooc_id", "decision", "reason"]
    static let optional = ["decided_at"]

    static func read(path: String, courses: IdIndex, courseList: [Course], log: inout DiagnosticLog) -> [Decision] {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return [] }
        let cell = FieldParsing(file: name)
        var out: [Decision] = []
        while let row = csv.next(log: &log) {
            let l = row.line
            func col(_ n: String) -> Int? { h.index(n).map { $0 + 1 } }
            let stageText = row[h.index("stage")] ?? ""
            guard let stage = Stage(name: stageText) else {
                log.error(name, l, col("stage"), stageText.isEmpty ? "missing stage" : "unknown stage \"\(stageText)\"")
                continue
            }
            guard let unit = cell.identifier(row[h.index("unit")], column: "unit", at: l, col("unit"), log: &log) else { continue }
            guard let courseId = cell.identifier(row[h.index("mooc_id")], column: "mooc_id", at: l, col("mooc_id"), log: &log) else { continue }
            guard let course = courses.lookup(courseId) else {
                log.error(name, l, col("mooc_id"), "course '\(courseId)' is not in moocs.csv")
                continue
            }
            let c = courseList[Int(course)]
            let expectedUnit = switch stage {
            case .department: c.department
            case .faculty: c.faculty
            case .commission: "all"
            }
            if unit != expectedUnit {
                log.error(name, l, col("unit"), "unit must be '\(expectedUnit)' for course '\(courseId)' at the \(stage) stage, found '\(unit)'")
                continue
            }
            let text = row[h.index("decision")] ?? ""
            guard let kind = Decision.Kind(text: text) else {
                log.error(name, l, col("decision"), "decision \"\(text)\" is not one of disqualify, advance, exclude, place:N")
                continue
            }
            if case .place = kind, stage != .commission {
                log.error(name, l, col("decision"), "places are decided at the commission stage only")
                continue
            }
            let reason = row[h.index("reason")] ?? ""
            if reason.trimmingSpaces.isEmpty {
                log.error(name, l, col("reason"), "a decision needs its reason for the protocol")
                continue
            }
            let at = cell.timestamp(row[h.index("decided_at")], column: "decided_at", at: l, col("decided_at"), log: &log)
            out.append(Decision(stage: stage, unit: unit, course: course, kind: kind, reason: reason, decidedAt: at))
        }
        return out
    }
}

import JuryEngine

/// Reads `decisions.csv`: the commission's own decisions on what the rules
/// leave open (ties at cut-off lines, 9.11 disqualifications, places).
enum DecisionsFile {
    static let name = "decisions.csv"
    static let required = ["stage", "unit", "mooc_id", "decision", "reason"]
    static let optional = ["decided_at"]

    static func read(path: String, courses: IdIndex, courseList: CourseTable, log: inout DiagnosticLog) -> [Decision] {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return [] }
        let cell = FieldParsing(file: name)
        var out: [Decision] = []
        let columnDecidedAt = h.index("decided_at")
        let columnDecision = h.index("decision")
        let columnMoocId = h.index("mooc_id")
        let columnReason = h.index("reason")
        let columnStage = h.index("stage")
        let columnUnit = h.index("unit")
        while let row = csv.next(log: &log) {
            let l = row.line
            let stageText = row[columnStage] ?? ""
            guard let stage = Stage(name: stageText) else {
                log.error(name, l, columnStage.map { $0 + 1 }, stageText.isEmpty ? "missing stage" : "unknown stage \"\(stageText)\"")
                continue
            }
            guard let unit = cell.identifier(row[columnUnit], column: "unit", at: l, columnUnit.map { $0 + 1 }, log: &log) else { continue }
            guard let courseId = cell.identifier(row[columnMoocId], column: "mooc_id", at: l, columnMoocId.map { $0 + 1 }, log: &log) else { continue }
            guard let course = courses.lookup(courseId) else {
                log.error(name, l, columnMoocId.map { $0 + 1 }, "course '\(courseId)' is not in moocs.csv")
                continue
            }
            let c = courseList[Int(course)]
            let expectedUnit = switch stage {
            case .department: c.department
            case .faculty: c.faculty
            case .commission: "all"
            }
            if unit != expectedUnit {
                log.error(name, l, columnUnit.map { $0 + 1 }, "unit must be '\(expectedUnit)' for course '\(courseId)' at the \(stage) stage, found '\(unit)'")
                continue
            }
            let text = row[columnDecision] ?? ""
            guard let kind = Decision.Kind(text: text) else {
                log.error(name, l, columnDecision.map { $0 + 1 }, "decision \"\(text)\" is not one of disqualify, advance, exclude, place:N")
                continue
            }
            if case .place = kind, stage != .commission {
                log.error(name, l, columnDecision.map { $0 + 1 }, "places are decided at the commission stage only")
                continue
            }
            let reason = row[columnReason] ?? ""
            if reason.trimmingSpaces.isEmpty {
                log.error(name, l, columnReason.map { $0 + 1 }, "a decision needs its reason for the protocol")
                continue
            }
            let at = cell.timestamp(row[columnDecidedAt], column: "decided_at", at: l, columnDecidedAt.map { $0 + 1 }, log: &log)
            out.append(Decision(stage: stage, unit: unit, course: course, kind: kind, reason: reason, decidedAt: at))
        }
        return out
    }
}

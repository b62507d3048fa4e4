import JuryEngine

/// Reads `votes.csv`, the ballots of the voting stages. A voter votes in
/// their own unit for courses of that unit; a ballot (one voter in one unit
/// and stage) is either all approval marks (empty ranks) or all ranks.
enum VotesFile {
    static let name = "votes.csv"
    static let required = ["stage", "unit", "voter_id", "mooc_id"]
    static let optional = ["rank"]

    static func read(path: String, people: IdIndex, personList: PersonTable, courses: IdIndex, courseList: CourseTable,
                     log: inout DiagnosticLog) -> VoteTable {
        var csv = CSVRows(path: path, name: name, required: required, optional: optional, log: &log)
        guard let h = csv.header, required.allSatisfy({ h.index($0) != nil }) else { return VoteTable() }
        let cell = FieldParsing(file: name)
        struct Entry { var stage: Stage; var unit: String; var voter: Int32; var course: Int32; var rank: Int32?; var line: Int }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var ballotKind: [String: (ranked: Bool, line: Int)] = [:]
        let columnMoocId = h.index("mooc_id")
        let columnRank = h.index("rank")
        let columnStage = h.index("stage")
        let columnUnit = h.index("unit")
        let columnVoterId = h.index("voter_id")
        while let row = csv.next(log: &log) {
            let l = row.line
            let stageText = row[columnStage] ?? ""
            guard let stage = Stage(name: stageText) else {
                log.error(name, l, columnStage.map { $0 + 1 }, stageText.isEmpty ? "missing stage" : "unknown stage \"\(stageText)\"")
                continue
            }
            if stage == .commission {
                log.error(name, l, columnStage.map { $0 + 1 }, "the commission stage ranks by rating score; ballots are held only at the department and faculty stages")
                continue
            }
            guard let unit = cell.identifier(row[columnUnit], column: "unit", at: l, columnUnit.map { $0 + 1 }, log: &log) else { continue }
            guard let voterId = cell.identifier(row[columnVoterId], column: "voter_id", at: l, columnVoterId.map { $0 + 1 }, log: &log) else { continue }
            guard let voter = people.lookup(voterId) else {
                log.error(name, l, columnVoterId.map { $0 + 1 }, "voter '\(voterId)' is not in people.csv")
                continue
            }
            guard let courseId = cell.identifier(row[columnMoocId], column: "mooc_id", at: l, columnMoocId.map { $0 + 1 }, log: &log) else { continue }
            guard let course = courses.lookup(courseId) else {
                log.error(name, l, columnMoocId.map { $0 + 1 }, "course '\(courseId)' is not in moocs.csv")
                continue
            }
            let person = personList[Int(voter)]
            let c = courseList[Int(course)]
            let voterUnit = stage == .department ? person.department : person.faculty
            let courseUnit = stage == .department ? c.department : c.faculty
            var ok = true
            if !person.roles.contains(.voter) {
                log.warning(name, l, columnVoterId.map { $0 + 1 }, "'\(voterId)' votes but does not have the role 'voter' in people.csv")
            }
            if voterUnit != unit {
                log.error(name, l, columnUnit.map { $0 + 1 }, "voter '\(voterId)' belongs to \(stage == .department ? "department" : "faculty") '\(voterUnit)', not '\(unit)': a voter votes in their own unit")
                ok = false
            }
            if courseUnit != unit {
                log.error(name, l, columnMoocId.map { $0 + 1 }, "course '\(courseId)' belongs to \(stage == .department ? "department" : "faculty") '\(courseUnit)', not '\(unit)': a unit votes on its own courses")
                ok = false
            }
            var rank: Int32?
            if let text = row[columnRank], !text.isEmpty {
                guard let r = Int32(text), r >= 1 else {
                    log.error(name, l, columnRank.map { $0 + 1 }, "rank must be a whole number from 1 (most preferred), found \"\(text)\"")
                    continue
                }
                rank = r
            }
            let ballot = "\(stage.name)\u{1}\(unit)\u{1}\(voterId)"
            if let kind = ballotKind[ballot], kind.ranked != (rank != nil) {
                log.error(name, l, columnRank.map { $0 + 1 }, "ballot of '\(voterId)' mixes ranks and approval marks (line \(kind.line) has \(kind.ranked ? "a rank" : "no rank")); a ballot is either ranked or approval")
                ok = false
            } else if ballotKind[ballot] == nil {
                ballotKind[ballot] = (rank != nil, l)
            }
            let key = ballot + "\u{1}" + courseId
            if let first = seen[key] {
                log.error(name, l, nil, "duplicate vote: '\(voterId)' already voted for '\(courseId)' in '\(unit)' at the \(stage) stage (line \(first))")
                continue
            }
            seen[key] = l
            if ok { entries.append(Entry(stage: stage, unit: unit, voter: voter, course: course, rank: rank, line: l)) }
        }
        entries.sort { ($0.stage, $0.unit, $0.voter, $0.course) < ($1.stage, $1.unit, $1.voter, $1.course) }
        var table = VoteTable()
        for e in entries { table.append(stage: e.stage, unit: e.unit, voter: e.voter, course: e.course, rank: e.rank) }
        return table
    }
}

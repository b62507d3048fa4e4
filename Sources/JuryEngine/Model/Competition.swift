/// One competition round as loaded from a bundle: rules, people, courses, the
/// columnar sheet table, ballots, declared conflicts and the commission's
/// decisions. Every cross-reference is an index into `people` or `courses`.
public struct Competition: Sendable {
    public var id: String
    public var title: String
    public var year: Int?
    public var semester: String?
    public var rules: Rules
    public var people: PersonTable
    public var courses: CourseTable
    public var sheets: SheetTable
    public var votes: VoteTable
    public var conflicts: [DeclaredConflict]
    public var decisions: [Decision]

    /// A competition of the given people and courses (tests, small programs):
    /// their faculties and departments are interned into one `UnitNames`.
    public init(id: String, title: String, year: Int? = nil, semester: String? = nil, rules: Rules,
                people: [Person], courses: [Course], sheets: SheetTable, votes: VoteTable = VoteTable(),
                conflicts: [DeclaredConflict] = [], decisions: [Decision] = []) {
        var units = UnitNames()
        var personTable = PersonTable(people, units: &units)
        let courseTable = CourseTable(courses, units: &units)
        personTable.setUnits(units)
        self.init(id: id, title: title, year: year, semester: semester, rules: rules, people: personTable,
                  courses: courseTable, sheets: sheets, votes: votes, conflicts: conflicts, decisions: decisions)
    }

    /// A competition of people and courses already in columns; both must
    /// share the same `UnitNames`.
    public init(id: String, title: String, year: Int? = nil, semester: String? = nil, rules: Rules,
                people: PersonTable, courses: CourseTable, sheets: SheetTable, votes: VoteTable = VoteTable(),
                conflicts: [DeclaredConflict] = [], decisions: [Decision] = []) {
        self.id = id
        self.title = title
        self.year = year
        self.semester = semester
        self.rules = rules
        self.people = people
        self.courses = courses
        self.sheets = sheets
        self.votes = votes
        self.conflicts = conflicts
        self.decisions = decisions
    }

    /// The sheets of one stage grouped by course and by expert.
    public func stageSheets(_ stage: Stage) -> StageSheets {
        StageSheets(sheets, stage: stage, courseCount: courses.count, expertCount: people.count)
    }
}

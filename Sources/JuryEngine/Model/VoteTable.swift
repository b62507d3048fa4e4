/// The ballots of the voting stages (`votes.csv`), one entry per row, stored as
/// columns. Rows are kept in a canonical order (stage, unit, voter, course) so
/// that the order of the file never changes a result.
public struct VoteTable: Sendable, Hashable, Codable {
    public var stage: [Stage] = []
    /// The department or faculty id holding the vote.
    public var unit: [String] = []
    /// Index into `Competition.people`.
    public var voter: [Int32] = []
    /// Index into `Competition.courses`.
    public var course: [Int32] = []
    /// 1 = most preferred; nil = an approval vote.
    public var rank: [Int32?] = []

    public init() {}

    public var count: Int { voter.count }
    public var isEmpty: Bool { voter.isEmpty }

    public mutating func append(stage: Stage, unit: String, voter: Int32, course: Int32, rank: Int32?) {
        self.stage.append(stage)
        self.unit.append(unit)
        self.voter.append(voter)
        self.course.append(course)
        self.rank.append(rank)
    }
}

/// The four voting methods of the early stages, dispatched from the stage's
/// `StageMethod` (`stages.<stage>.method` in `competition.json`).
public enum VotingMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case approval, plurality, borda, schulze

    /// The voting method a stage uses; nil for `.score` (decided by sheets).
    public init?(_ method: StageMethod) {
        switch method {
        case .approval: self = .approval
        case .plurality: self = .plurality
        case .borda: self = .borda
        case .schulze: self = .schulze
        case .score: return nil
        }
    }

    public var stageMethod: StageMethod {
        switch self {
        case .approval: .approval
        case .plurality: .plurality
        case .borda: .borda
        case .schulze: .schulze
        }
    }

    /// Tallies one unit's ballots by this method.
    /// Complexity: that of the method (Schulze O(B·n² + n³), the others O(M + n log n)).
    public func tally(_ box: BallotBox) -> VoteTally {
        switch self {
        case .approval: ApprovalVoting.tally(box)
        case .plurality: PluralityVoting.tally(box)
        case .borda: BordaCount.tally(box)
        case .schulze: SchulzeMethod.tally(box)
        }
    }

    /// Tallies one unit's ballots by a stage's method; nil for `.score`,
    /// which orders by rating scores, not ballots.
    public static func tally(_ box: BallotBox, by method: StageMethod) -> VoteTally? {
        VotingMethod(method)?.tally(box)
    }
}

/// The integrity audit of one stage (design.md "Analytics (audit)",
/// ISO 37001): conflicts of interest, favouritism, reciprocity and rings,
/// and self-votes, each flag with its evidence.
///
/// The detectors see every sheet of the stage, recused or not. Flags are
/// ordered by kind (`IntegrityKind.allCases`), and within a kind: conflicts
/// by conflict kind then row; favouritism by expert then group; reciprocity
/// and rings by their canonical node lists; self-votes by ballot row. The
/// same competition always gives the same flags in the same order.
///
/// Cost: dominated by the favouritism tests (`FavouritismTests`), linear in
/// the stage's sheets plus a few dozen random draws per (expert, group) test.
public struct IntegrityAnalysis: Sendable {
    public let stage: Stage
    /// Every flag in order; the conflict flags are made when read (`IntegrityFlags`).
    public let flags: IntegrityFlags
    /// The favours graph, by (from, to).
    public let edges: [FavourEdge]
    /// m, the size of the Benjamini–Hochberg family of favouritism tests.
    public let favouritismTests: Int

    public init(competition: Competition, view: StageSheets, consensus: Consensus) {
        self.init(competition: competition, view: view, consensus: consensus,
                  conflicts: StructuralConflicts(competition: competition, view: view))
    }

    /// As `init(competition:view:consensus:)`, with the stage's conflicts already found.
    public init(competition: Competition, view: StageSheets, consensus: Consensus, conflicts: StructuralConflicts) {
        let favouritism = FavouritismTests(competition: competition, view: view, consensus: consensus)
        let cycles = FavourCycles.flags(edges: favouritism.edges, maxLength: competition.rules.integrity.ringMaxLength)
        // Each part comes in its own order; appended in the order of `IntegrityKind.allCases`.
        var others = favouritism.flags
        others.append(contentsOf: cycles.filter { $0.kind == .reciprocity })
        others.append(contentsOf: cycles.filter { $0.kind == .ring })
        others.append(contentsOf: SelfVotes.flags(competition: competition, stage: view.stage))
        stage = view.stage
        flags = conflicts.flags(competition: competition, consensus: consensus).appending(others)
        edges = favouritism.edges
        favouritismTests = favouritism.testCount
    }
}

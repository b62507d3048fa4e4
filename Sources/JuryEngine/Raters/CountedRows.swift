/// The sheet-table rows of a stage that the audit's reliability counts, in
/// table order: either the stage's whole range (no sheet recused or
/// excluded, the usual case, stored as the range alone) or the listed rows
/// (4 bytes each).
struct CountedRows: Sendable {
    private let listed: [Int32]?
    private let stage: Range<Int>

    /// `listed` nil: every row of `stage` counts.
    init(_ listed: [Int32]?, stage: Range<Int>) {
        self.listed = listed
        self.stage = stage
    }

    /// Whether every row of the stage counts.
    var isWholeStage: Bool { listed == nil }

    var count: Int { listed?.count ?? stage.count }

    /// The table row of the `i`-th counted sheet.
    @inline(__always)
    subscript(i: Int) -> Int {
        if let listed { return Int(listed[i]) }
        return stage.lowerBound + i
    }
}

/// The consensus of every sheet of a stage: the mean of the other experts'
/// totals for the same course (the leave-one-out mean),
///
///     consensus_i = (Σ_{j ∈ course(i)} x_j − x_i) / (n_c − 1),
///
/// and the sheet's deviation from it, x_i − consensus_i. A sheet whose course
/// has no other sheet has no consensus (NaN). The detectors see every sheet,
/// so recused sheets take part here.
///
/// Complexity: O(n), two passes over the stage's rows.
public struct Consensus: Sendable {
    /// Indexed by row − `view.rows.lowerBound`.
    public let consensus: [Double]
    public let firstRow: Int

    public init(table: SheetTable, view: StageSheets) {
        var out = [Double](repeating: .nan, count: view.count)
        let base = view.rows.lowerBound
        table.total.withUnsafeBufferPointer { total in
            for c in 0..<view.courseCount {
                let rows = view.sheets(ofCourse: c)
                guard rows.count > 1 else { continue }
                var sum = 0.0
                for r in rows { sum += total[r] }
                let others = Double(rows.count - 1)
                for r in rows { out[r - base] = (sum - total[r]) / others }
            }
        }
        consensus = out
        firstRow = base
    }

    /// The consensus of one row of the table (NaN when the course has one sheet).
    @inlinable
    public subscript(row: Int) -> Double { consensus[row - firstRow] }
}

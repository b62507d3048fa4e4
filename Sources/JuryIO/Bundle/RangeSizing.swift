/// How many times more rows a range of `people.csv` or `moocs.csv` holds
/// than its first ones, estimated from the bytes they took, so that the
/// range's columns are reserved once instead of growing by doubling: every
/// doubling copies a column into memory touched afresh, page by page (at
/// 10 M sheets, most of the reader's page faults).
///
/// The estimate is the range's bytes over the bytes of its first
/// `sampleRows` rows, with a margin of `margin`. Too low, the columns go on
/// doubling from there as before; too high, the rest of the reservation is
/// address space that is never touched, which costs no memory. The rows
/// read are the same either way.
struct RangeSizing {
    /// Rows read before the estimate is made.
    static let sampleRows = 512
    /// The estimate's margin over the rows the bytes suggest.
    static let margin = 1.1

    /// File offset where the range's first record starts.
    let start: Int
    /// The range's bytes.
    let bytes: Int

    /// The factor to reserve the columns by, once, after `rows` rows that
    /// end at file offset `offset`: given only when `rows` is the sample's
    /// size (rows are counted one by one, so that is once), nil when the
    /// range holds no more.
    func factor(rows: Int, offset: Int) -> Double? {
        guard rows == Self.sampleRows else { return nil }
        let read = offset - start
        guard read > 0, bytes > read else { return nil }
        return Double(bytes) / Double(read) * Self.margin
    }
}

import JuryEngine

/// The rows one range of `people.csv` or `moocs.csv` gave (a `PersonTable`,
/// or the courses with their authors as written): what `TableFileReader`
/// needs of them to join the ranges in file order.
protocol TableRows: Sendable {
    /// No rows.
    static var empty: Self { get }

    var count: Int { get }

    /// Calls `body` with the UTF-8 bytes of the id of a row.
    func withID<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R

    /// The faculty and department units of a row, in the order the reader
    /// interned them.
    func unitPair(_ row: Int) -> (faculty: Int32, department: Int32)

    /// Renumbers the unit columns: unit `u` becomes `map[u]`.
    mutating func remapUnits(_ map: [Int32])

    /// The rows at the given indices, in that order.
    func selecting(_ rows: [Int]) -> Self

    /// Makes room for the rows of `others`, appended next.
    mutating func reserveCapacity(appending others: [Self])

    /// Appends the rows of a later range.
    mutating func append(contentsOf other: Self)
}

/// The row loop of `people.csv` or `moocs.csv`: checks each record of one
/// range of the file and collects its rows, as `TableFileReader` runs it on
/// every range at the same time.
///
/// The loop does not look for ids given twice (a range cannot know the ids
/// of the ranges before it): `TableFileReader` does, while it joins the
/// ranges in file order.
protocol TableRowParser: Sendable {
    associatedtype Rows: TableRows

    /// The file's name in diagnostics.
    static var name: String { get }
    static var required: [String] { get }
    static var optional: [String] { get }
    /// The id column's name ("person_id", "mooc_id").
    static var idColumnName: String { get }

    /// The parser for a file with this header, which has every required column.
    init(header: CSVHeader)

    /// The id column's 1-based number, for diagnostics.
    var idColumn: Int? { get }

    /// Reads every row `csv` gives into `part` (rows, lines, units,
    /// diagnostics); `sizing` reserves the columns once their first rows
    /// show how large the range's will be.
    func parse(_ csv: inout CSVRows, sizing: RangeSizing, into part: inout TablePart<Rows>)
}

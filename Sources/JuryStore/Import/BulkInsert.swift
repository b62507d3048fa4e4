import GRDB
import GRDBSQLite

/// Inserts many rows into one table through prepared multi-row statements
/// (`batch` rows per `sqlite3_step`), binding values with SQLite's C
/// interface: no allocation per value, where GRDB's `StatementArguments`
/// would box each one. Values are always bound, never spliced into SQL.
///
/// Measured on 200 000 sheets (release build): 7 µs per row with one
/// `execute(arguments:)` per row, 3.5 µs with one raw step per row, 1.5 µs
/// with 128 rows per step — as fast as SQLite's own `INSERT … SELECT`.
struct BulkInsert {
    /// Rows per statement; with a dozen columns this stays far below
    /// SQLite's limit of 32766 parameters.
    static let batch = 128

    /// Binds the values of one row, in column order.
    struct RowBinder {
        fileprivate let statement: SQLiteStatement
        fileprivate var index: CInt

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        mutating func int(_ v: Int) { sqlite3_bind_int64(statement, next(), Int64(v)) }
        mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }
        mutating func double(_ v: Double) { sqlite3_bind_double(statement, next(), v) }
        mutating func null() { sqlite3_bind_null(statement, next()) }

        /// Binds the string's UTF-8 bytes (copied by SQLite); nil binds NULL.
        mutating func text(_ v: String?) {
            let i = next()
            guard var v else { sqlite3_bind_null(statement, i); return }
            v.withUTF8 { u in
                // An empty buffer may have no address, which SQLite would bind as NULL.
                guard !u.isEmpty else {
                    sqlite3_bind_text(statement, i, "", 0, Self.transient)
                    return
                }
                _ = u.withMemoryRebound(to: CChar.self) { c in
                    sqlite3_bind_text(statement, i, c.baseAddress, CInt(c.count), Self.transient)
                }
            }
        }

        /// Binds `count` bytes at `bytes` (copied by SQLite).
        mutating func blob(_ bytes: UnsafePointer<UInt8>, count: Int) {
            sqlite3_bind_blob(statement, next(), bytes, CInt(count), Self.transient)
        }

        private mutating func next() -> CInt {
            index += 1
            return index
        }
    }

    /// Inserts `count` rows; `bind(&binder, i)` binds row `i`'s values in the
    /// order of `columns`. `table` and `columns` are this module's constants.
    static func run(_ db: Database, table: String, columns: [String], count: Int,
                    bind: (inout RowBinder, Int) -> Void) throws {
        guard count > 0 else { return }
        func sql(rows: Int) -> String {
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: rows).joined(separator: ", ")
        }
        let full = try db.makeStatement(sql: sql(rows: min(batch, count)))
        let rest = count % batch
        let tail = rest > 0 && count > batch ? try db.makeStatement(sql: sql(rows: rest)) : nil
        var r = 0
        while r < count {
            let n = min(batch, count - r)
            let statement = n == batch || tail == nil ? full : tail!
            let s = statement.sqliteStatement
            var binder = RowBinder(statement: s, index: 0)
            for i in 0..<n { bind(&binder, r + i) }
            let code = sqlite3_step(s)
            guard code == SQLITE_DONE else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                sqlite3_reset(s)
                sqlite3_clear_bindings(s)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            sqlite3_reset(s)
            r += n
        }
        for statement in [full, tail].compactMap({ $0 }) { sqlite3_clear_bindings(statement.sqliteStatement) }
    }
}

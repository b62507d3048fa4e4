/// A column of optional strings drawn from a few distinct values (video
/// formats, audio codecs, language lists): each value is stored once and a
/// row costs four bytes.
public struct InternedColumn: Sendable, Hashable {
    public private(set) var values = UnitNames()
    /// Index into `values`, or -1 for nil.
    public private(set) var codes: [Int32] = []

    public init() {}

    public var count: Int { codes.count }

    /// Bytes held by the codes (the few values not counted).
    public var byteCount: Int { 4 * codes.count }

    public subscript(row: Int) -> String? {
        let code = codes[row]
        return code < 0 ? nil : values[code]
    }

    public mutating func append(_ value: String?) {
        codes.append(value.map { values.intern($0) } ?? -1)
    }

    /// The code of `value`, interned when new (to be appended with `append(code:)`).
    public mutating func intern(_ value: String) -> Int32 { values.intern(value) }

    /// Appends a row by its code: one from `intern`, or -1 for nil.
    public mutating func append(code: Int32) {
        precondition(code >= -1 && Int(code) < values.count, "a code of this column")
        codes.append(code)
    }

    /// Appends the rows of `other`. Its values are interned here in the
    /// order they first appear in its rows, so the codes come out as if
    /// each row had been appended on its own.
    public mutating func append(contentsOf other: InternedColumn) {
        let map = other.values.names.map { values.intern($0) }
        codes.append(contentsOf: other.codes.lazy.map { $0 < 0 ? -1 : map[Int($0)] })
    }

    /// Makes room for `rows` rows in all.
    public mutating func reserveCapacity(_ rows: Int) { codes.reserveCapacity(rows) }

    /// The values at the given rows, in that order, interned anew (values
    /// that only the other rows used are gone).
    public func gathered(_ rows: [Int]) -> InternedColumn {
        var out = InternedColumn()
        for r in rows { out.append(self[r]) }
        return out
    }
}

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
}

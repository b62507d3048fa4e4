import MemoryHints

/// A column of strings stored as one UTF-8 byte buffer and end offsets, so a
/// million comments cost two allocations, not a million. Empty strings cost
/// four bytes each; a column whose strings are all empty stores nothing.
public struct TextColumn: Sendable, Hashable {
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var ends: [UInt32] = []
    /// Leading empty strings not yet written to `ends` (all of them while `bytes` is empty).
    @usableFromInline var emptyPrefix = 0

    public init() {}

    /// Number of strings in the column.
    public var count: Int { emptyPrefix + ends.count }

    /// True when no string in the column has any text.
    public var isAllEmpty: Bool { bytes.isEmpty }

    /// The string of a row; a column whose strings are all empty keeps no
    /// count, so every row of it reads as "".
    public subscript(row: Int) -> String {
        if row < emptyPrefix || bytes.isEmpty { return "" }
        let i = row - emptyPrefix
        let start = i == 0 ? 0 : Int(ends[i - 1])
        let end = Int(ends[i])
        if start == end { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Appends an empty string (four bytes once the column holds any text; nothing before).
    @inlinable
    public mutating func appendEmpty() {
        if bytes.isEmpty { emptyPrefix += 1 } else { ends.append(UInt32(bytes.count)) }
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Appends a string given as UTF-8 bytes (the reader's, without making a `String`).
    public mutating func append(utf8 text: UnsafeRawBufferPointer) {
        if text.isEmpty && bytes.isEmpty {
            emptyPrefix += 1
            return
        }
        if emptyPrefix > 0 {
            ends.append(contentsOf: repeatElement(0, count: emptyPrefix))
            emptyPrefix = 0
        }
        bytes.append(contentsOf: text)
        ends.append(UInt32(bytes.count))
    }

    /// Calls `body` with the UTF-8 bytes of a row (valid only inside `body`).
    @inlinable
    public func withUTF8<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if row < emptyPrefix || bytes.isEmpty { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let i = row - emptyPrefix
        let start = i == 0 ? 0 : Int(ends[i - 1])
        let end = Int(ends[i])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Starts loading the first bytes of a row's string into the cache, for a
    /// read in a few rows' time (rows read in an order of their own, such as
    /// rank order, miss the cache each). Its end offset should be loaded
    /// already (`prefetchOffset`). A hint only.
    @inlinable
    public func prefetch(_ row: Int) {
        let i = row - emptyPrefix
        guard i >= 0, i < ends.count else { return }
        let start = i == 0 ? 0 : Int(ends[i - 1])
        bytes.withUnsafeBufferPointer { memory_hints_prefetch($0.baseAddress.map { $0 + start }) }
    }

    /// Starts loading a row's end offsets into the cache, ahead of `prefetch`. A hint only.
    @inlinable
    public func prefetchOffset(_ row: Int) {
        let i = row - emptyPrefix
        guard i > 0, i < ends.count else { return }
        ends.withUnsafeBufferPointer { memory_hints_prefetch($0.baseAddress.map { $0 + i - 1 }) }
    }

    /// Whether the string of a row is empty.
    public func isEmpty(_ row: Int) -> Bool {
        if row < emptyPrefix || bytes.isEmpty { return true }
        let i = row - emptyPrefix
        return (i == 0 ? 0 : ends[i - 1]) == ends[i]
    }

    /// Bytes held: text and offsets.
    public var byteCount: Int { bytes.count + 4 * ends.count }

    /// Appends every string of `other`, in bulk: its bytes and offsets are
    /// copied once, not row by row. The column comes out exactly as if each
    /// string had been appended on its own.
    public mutating func append(contentsOf other: TextColumn) {
        if other.bytes.isEmpty {
            // Every string of `other` is empty.
            if bytes.isEmpty {
                emptyPrefix += other.count
            } else {
                ends.append(contentsOf: repeatElement(UInt32(bytes.count), count: other.count))
            }
            return
        }
        // `other` holds text, so all its rows are in its `ends`.
        if bytes.isEmpty && emptyPrefix == 0 {
            bytes = other.bytes
            ends = other.ends
            return
        }
        if emptyPrefix > 0 {
            ends.append(contentsOf: repeatElement(0, count: emptyPrefix))
            emptyPrefix = 0
        }
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { base + $0 })
    }

    /// Makes room for `factor` times the strings and text the column holds
    /// (a range of a file read into columns, its size estimated from its
    /// first rows), so that it does not grow by doubling: every doubling
    /// copies the column into memory touched afresh. Nothing for a column
    /// without text.
    public mutating func reserveCapacity(scaling factor: Double) {
        guard !bytes.isEmpty, factor > 1 else { return }
        bytes.reserveCapacity(scaledCapacity(bytes.count, by: factor))
        ends.reserveCapacity(scaledCapacity(count, by: factor))
    }

    /// Makes room for the strings of `others`, appended next, so that the
    /// column grows once (nothing for strings that are all empty).
    public mutating func reserveCapacity(appending others: [TextColumn]) {
        let text = others.reduce(0) { $0 + $1.bytes.count }
        guard text > 0 || !bytes.isEmpty else { return }
        bytes.reserveCapacity(bytes.count + text)
        ends.reserveCapacity(count + others.reduce(0) { $0 + $1.count })
    }

    /// The strings at the given rows, in that order.
    public func gathered<Rows: Sequence>(_ rows: Rows) -> TextColumn where Rows.Element: BinaryInteger {
        var out = TextColumn()
        for r in rows { withUTF8(Int(r)) { out.append(utf8: $0) } }
        return out
    }

    /// Calls `body` with the rows' UTF-8 bytes, read without copying (valid only inside `body`).
    public func withUTF8Rows<R>(_ body: (UTF8Rows) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try ends.withUnsafeBufferPointer { ends in
                try body(UTF8Rows(bytes: bytes, ends: ends, emptyPrefix: emptyPrefix))
            }
        }
    }

    /// The UTF-8 bytes of every row of a column, valid inside `withUTF8Rows`.
    public struct UTF8Rows {
        @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
        @usableFromInline let ends: UnsafeBufferPointer<UInt32>
        @usableFromInline let emptyPrefix: Int

        /// The bytes of a row (empty for an empty string).
        @inlinable
        public subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
            if row < emptyPrefix || bytes.isEmpty { return UnsafeBufferPointer(start: nil, count: 0) }
            let i = row - emptyPrefix
            let start = i == 0 ? 0 : Int(ends[i - 1])
            return UnsafeBufferPointer(rebasing: bytes[start ..< Int(ends[i])])
        }
    }
}

/// `count` times `factor`, rounded up: the capacity a column reserves for
/// what it holds times `factor` (`reserveCapacity(scaling:)` of the tables).
public func scaledCapacity(_ count: Int, by factor: Double) -> Int {
    Int((Double(count) * factor).rounded(.up))
}

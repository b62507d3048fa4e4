import Foundation
import JuryEngine

/// Writes JSON with keys in the order given, two-space indentation and
/// numbers in Swift's shortest round-trip form (never rounded), so the same
/// values always give the same bytes. Non-finite numbers are written as null.
///
/// Layout: a member or element a line, indented by two spaces a level, with
/// two exceptions that put a whole container on one line, everything it
/// holds included, items separated by `, ` (the form the README gives for
/// a ranking row):
/// - a record: an object that is an element of an array (a ranking row, an
///   excluded sheet, an outlier, a rater, an integrity flag with its
///   evidence), unless opened with `Layout.indented`: an entry that is a
///   section of its own, holding lists of records (a stage's unit with its
///   order, a year of the trends, an archived competition with its versions);
/// - an array whose first element is a value (a number, string, boolean or
///   null), such as `"ci95": [0.28, 0.86]` or a list of ids.
/// So a national ranking is a row a line (about a quarter fewer bytes than a
/// member a line, and a row per `grep` match), while the few nested objects
/// around the arrays stay readable. Empty containers are `[]` and `{}`.
///
/// The text is built as UTF-8 bytes in one growing buffer of the writer's
/// own (raw memory: a small write is a bounds check and a store, where an
/// `Array` append also checks uniqueness and calls `memmove`): keys,
/// brackets, indentation and integers are copied or formatted straight into
/// it, and a string with nothing to escape (the usual case, any script) is
/// copied as its UTF-8 bytes in one go. Not copyable: the writer owns its
/// buffer.
public struct JSONWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var indent = 0
    /// The open containers, outermost first.
    private var levels: [Level] = []
    /// The index in `levels` of the outermost container written on one line;
    /// `Int.max` while none is. Every container from it inwards is on that line.
    private var lineLevel = Int.max
    /// Receives the bytes in blocks as they grow, when given (large outputs
    /// stream instead of growing one buffer); `bytes` then holds the unsent tail.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let blockSize = 1 << 20

    public init() {
        self.init(capacity: 4096, sink: nil)
    }

    private init(capacity: Int, sink: ((UnsafeBufferPointer<UInt8>) -> Void)?) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        self.sink = sink
    }

    deinit { buffer.deallocate() }

    /// A writer that hands its bytes to `sink` in blocks of about a megabyte;
    /// call `flush()` at the end for the rest.
    public init(byteSink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.init(capacity: Self.blockSize + 4096, sink: byteSink)
    }

    /// A writer that hands its text to `sink` in blocks of about a megabyte;
    /// call `flush()` at the end for the rest.
    public init(sink: @escaping (String) -> Void) {
        self.init(byteSink: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// The UTF-8 bytes written so far (with a sink: not yet handed over).
    public var bytes: [UInt8] { Array(written) }

    /// The text written so far (with a sink: not yet handed over).
    public var text: String { String(decoding: written, as: UTF8.self) }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    /// Hands the unsent bytes to the sink.
    public mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(written)
        count = 0
    }

    // MARK: - The buffer

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        let bigger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = moved
        capacity = bigger
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    /// Copies bytes in; a run of a few bytes (a key, a number) by a loop,
    /// a longer one by `memcpy`.
    @inline(__always)
    private mutating func put(_ raw: UnsafeRawBufferPointer) {
        let n = raw.count
        guard n > 0, let source = raw.baseAddress else { return }
        reserve(n)
        let target = buffer + count
        if n <= 16 {
            for i in 0..<n { target[i] = source.load(fromByteOffset: i, as: UInt8.self) }
        } else {
            UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: n)
        }
        count += n
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { put(UnsafeRawBufferPointer(bytes)) }

    private mutating func put(_ s: StaticString) {
        s.withUTF8Buffer { put($0) }
    }

    private mutating func putInt(_ n: Int) {
        reserve(20)
        count += Self.writeDigits(n, to: buffer + count)
    }

    private mutating func putNumber(_ x: Double) {
        guard x.isFinite else { return put("null") }
        if x == x.rounded(), abs(x) < 1e15 { return putInt(Int(Int64(x))) }
        reserve(24)
        let written = Self.writeShortDecimal(x, to: buffer + count)
        if written > 0 {
            count += written
            return
        }
        var text = x.description
        text.withUTF8 { put($0) }
    }

    private mutating func putQuoted(_ s: String) {
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            guard Self.hasNothingToEscape(UnsafeRawBufferPointer(utf8)) else { return false }
            putQuotedPlain(UnsafeRawBufferPointer(utf8))
            return true
        }
        if copied != true { putEscaped(s) }
    }

    private mutating func putQuoted(utf8: UnsafeRawBufferPointer) {
        if Self.hasNothingToEscape(utf8) && isValidUTF8(utf8) {
            putQuotedPlain(utf8)
        } else {
            putEscaped(String(decoding: utf8, as: UTF8.self))
        }
    }

    @inline(__always)
    private mutating func putQuotedPlain(_ utf8: UnsafeRawBufferPointer) {
        reserve(utf8.count + 2)
        put(UInt8(ascii: "\""))
        put(utf8)
        put(UInt8(ascii: "\""))
    }

    private mutating func putEscaped(_ s: String) {
        var out: [UInt8] = []
        Self.appendQuoted(s, to: &out)
        out.withUnsafeBufferPointer { put($0) }
    }

    /// Writes `count` elements of the array just opened: `body(&writer, i)`
    /// writes element i (one value, or a whole object or array, without a
    /// key). A large array is formatted in blocks of elements on every core
    /// (`Concurrently`), each block by a writer of its own that starts at this
    /// one's indentation, comma and line state, and the blocks are appended
    /// in order: the bytes are those of writing the elements one after
    /// another, and memory holds one round of blocks at a time. The first
    /// element of an empty array is written here first, since it decides the
    /// array's layout. `body` runs on several threads at once, so it may only
    /// read shared values.
    public mutating func elements(_ count: Int, _ body: (inout JSONWriter, Int) -> Void) {
        guard count >= Self.parallelElements, let open = levels.last else {
            for i in 0..<count { body(&self, i) }
            return
        }
        var start = 0
        if !open.hasItems {
            body(&self, 0)
            start = 1
        }
        let blocks = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let indent = self.indent, levels = self.levels, lineLevel = self.lineLevel
        while start < count {
            let roundStart = start
            let parts = Concurrently.map(blocks) { b -> [UInt8] in
                let lo = min(count, roundStart + b * Self.elementBlock), hi = min(count, lo + Self.elementBlock)
                guard lo < hi else { return [] }
                var part = JSONWriter(capacity: Self.elementBlock * 64, sink: nil)
                part.indent = indent
                part.levels = levels
                part.lineLevel = lineLevel
                for i in lo..<hi { body(&part, i) }
                return part.bytes
            }
            for part in parts {
                part.withUnsafeBufferPointer { put($0) }
                if sink != nil && self.count >= Self.blockSize { flush() }
            }
            start = min(count, start + blocks * Self.elementBlock)
        }
    }

    /// Arrays at least this long are formatted on several cores.
    static let parallelElements = 4096
    /// Elements formatted by one writer at a time in `elements`.
    static let elementBlock = 8192

    public enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double)
        case string(String)
    }

    /// How an object is laid out where the writer's rule (see the type's
    /// comment) would put it on one line.
    public enum Layout: Sendable {
        /// The rule: on one line when it is an element of an array.
        case automatic
        /// A member a line, also as an element of an array (inside a
        /// container already on one line, it stays on that line).
        case indented
    }

    public mutating func beginObject(_ key: String? = nil, layout: Layout = .automatic) {
        item(key, value: false)
        openBracket(UInt8(ascii: "{"), layout: layout)
    }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) {
        item(key, value: false)
        openBracket(UInt8(ascii: "["), layout: .automatic)
    }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func value(_ key: String? = nil, _ v: Value) {
        item(key)
        switch v {
        case .null: put("null")
        case .bool(let b): put(b ? "true" : "false")
        case .int(let n): putInt(n)
        case .number(let x): putNumber(x)
        case .string(let s): putQuoted(s)
        }
    }

    public mutating func string(_ key: String?, _ s: String?) {
        item(key)
        if let s { putQuoted(s) } else { put("null") }
    }

    /// A string given as UTF-8 bytes (a row of a `TextColumn`): copied as
    /// they are when all ASCII with nothing to escape, otherwise as `string`.
    public mutating func string(_ key: String?, utf8: UnsafeRawBufferPointer) {
        item(key)
        putQuoted(utf8: utf8)
    }

    /// A row of a text column, as `string(key, column[row])` without making the `String`.
    public mutating func string(_ key: String?, _ column: TextColumn, _ row: Int) {
        item(key)
        column.withUTF8(row) { putQuoted(utf8: $0) }
    }

    public mutating func number(_ key: String?, _ x: Double?) {
        item(key)
        if let x { putNumber(x) } else { put("null") }
    }

    public mutating func int(_ key: String?, _ n: Int?) {
        item(key)
        if let n { putInt(n) } else { put("null") }
    }

    public mutating func bool(_ key: String?, _ b: Bool) { value(key, .bool(b)) }

    // MARK: - Keys rendered once

    /// An object key rendered once: its quoted, escaped name and the colon,
    /// as bytes. Writing one is a copy, where a `String` key is checked for
    /// escapes every time: the writers of millions of objects (ranking rows,
    /// integrity flags) keep their keys as `Key`s. The text is the same.
    public struct Key: Sendable {
        let rendered: [UInt8]

        public init(_ name: String) {
            var out: [UInt8] = []
            JSONWriter.appendQuoted(name, to: &out)
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            rendered = out
        }
    }

    public mutating func beginObject(_ key: Key, layout: Layout = .automatic) {
        item(key, value: false)
        openBracket(UInt8(ascii: "{"), layout: layout)
    }

    public mutating func beginArray(_ key: Key) {
        item(key, value: false)
        openBracket(UInt8(ascii: "["), layout: .automatic)
    }

    public mutating func string(_ key: Key, _ s: String?) {
        item(key)
        if let s { putQuoted(s) } else { put("null") }
    }

    public mutating func string(_ key: Key, _ column: TextColumn, _ row: Int) {
        item(key)
        column.withUTF8(row) { putQuoted(utf8: $0) }
    }

    public mutating func number(_ key: Key, _ x: Double?) {
        item(key)
        if let x { putNumber(x) } else { put("null") }
    }

    public mutating func int(_ key: Key, _ n: Int?) {
        item(key)
        if let n { putInt(n) } else { put("null") }
    }

    public mutating func bool(_ key: Key, _ b: Bool) {
        item(key)
        put(b ? "true" : "false")
    }

    /// An interval as `[lo, hi]` (a confidence interval's `ci95`), or null
    /// when either end is not given.
    public mutating func interval(_ key: String?, _ lo: Double?, _ hi: Double?) {
        guard let lo, let hi else { return value(key, .null) }
        beginArray(key)
        number(nil, lo)
        number(nil, hi)
        endArray()
    }

    /// An open object or array.
    private struct Level {
        var isArray: Bool
        /// Whether an item has been written in it (a comma goes before the next).
        var hasItems = false
    }

    private mutating func openBracket(_ bracket: UInt8, layout: Layout) {
        let isArray = bracket == UInt8(ascii: "[")
        // A record: an object among an array's elements goes on one line.
        if lineLevel == .max, !isArray, layout == .automatic, levels.last?.isArray == true { lineLevel = levels.count }
        put(bracket)
        indent += 1
        levels.append(Level(isArray: isArray))
    }

    private mutating func close(_ bracket: UInt8) {
        let closed = levels.removeLast()
        indent -= 1
        if levels.count >= lineLevel {
            if levels.count == lineLevel { lineLevel = .max }
        } else if closed.hasItems {
            newline()
        }
        put(bracket)
        if indent == 0 { put(UInt8(ascii: "\n")) }
    }

    /// Starts an item: a member with its key, or an element. `value`: the
    /// item is a number, string, boolean or null, not an object or array.
    private mutating func item(_ key: String?, value: Bool = true) {
        separate(value: value)
        if let key {
            putQuoted(key)
            reserve(2)
            put(UInt8(ascii: ":"))
            put(UInt8(ascii: " "))
        }
    }

    private mutating func item(_ key: Key, value: Bool = true) {
        separate(value: value)
        key.rendered.withUnsafeBytes { put($0) }
    }

    /// The comma after the previous item, and the new line or the space,
    /// inside an object or array. An array whose first element is a value
    /// goes on one line from here.
    @inline(__always)
    private mutating func separate(value: Bool) {
        let top = levels.count - 1
        guard top >= 0 else { return }
        let hadItems = levels[top].hasItems
        levels[top].hasItems = true
        if top >= lineLevel {
            if hadItems {
                reserve(2)
                buffer[count] = UInt8(ascii: ",")
                buffer[count + 1] = UInt8(ascii: " ")
                count += 2
            }
            return
        }
        if !hadItems && value && levels[top].isArray {
            lineLevel = top
            return
        }
        if hadItems { put(UInt8(ascii: ",")) }
        newline()
    }

    private mutating func newline() {
        if sink != nil && count >= Self.blockSize { flush() }
        let spaces = 2 * indent
        reserve(spaces + 1)
        buffer[count] = UInt8(ascii: "\n")
        (buffer + count + 1).update(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces + 1
    }

    static func render(_ v: Value) -> String {
        var out: [UInt8] = []
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .number(let x): return formatNumber(x)
        case .string(let s): appendQuoted(s, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Shortest round-trip decimal; integral values without a fraction.
    public static func formatNumber(_ x: Double) -> String {
        var out: [UInt8] = []
        appendNumber(x, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `formatNumber(x)` appended as UTF-8.
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite else {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
            return
        }
        if x == x.rounded(), abs(x) < 1e15 {
            appendInt(Int(Int64(x)), to: &out)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes
        let written = withUnsafeMutableBytes(of: &digits) { buffer in
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let n = writeShortDecimal(x, to: base)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: n))
            return n
        }
        if written == 0 { out.append(contentsOf: x.description.utf8) }
    }

    /// Writes a non-integral `x` that has at most two decimals, |x| < 10¹³,
    /// as those decimals (`13.6`, `-2.5`, `47.75`, `0.05`) at `target` (room
    /// for 24 bytes) and returns the bytes written; 0 for any other `x`,
    /// which the caller formats with `description`. Means of a few integer
    /// totals (most numbers Jury prints) take this path.
    ///
    /// The text is what `description` gives (Swift's shortest round-trip
    /// form): with m = x·100 an integer below 2⁵³ and m/100 == x (one
    /// correctly rounded division, as reading the text back does), the text
    /// reads back as x; no shorter text does, since two different decimals
    /// of at most two places are 0.01 apart while doubles below 10¹³ are at
    /// most 2⁻⁹ apart; and below 10¹⁶ `description` writes no exponent
    /// (above 0.01 in magnitude, as every such x is).
    static func writeShortDecimal(_ x: Double, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard abs(x) < 1e13 else { return 0 }
        let scaled = (x * 100).rounded()
        guard scaled / 100 == x else { return 0 }
        var m = Int(scaled)
        let negative = m < 0
        m = abs(m)
        let whole = m / 100, cents = m % 100
        guard cents != 0 else { return 0 }
        var n = 0
        if negative {
            target[0] = UInt8(ascii: "-")
            n = 1
        }
        n += writeDigits(whole, to: target + n)
        target[n] = UInt8(ascii: ".")
        target[n + 1] = UInt8(ascii: "0") &+ UInt8(cents / 10)
        n += 2
        if cents % 10 != 0 {
            target[n] = UInt8(ascii: "0") &+ UInt8(cents % 10)
            n += 1
        }
        return n
    }

    /// The decimal digits of `n` appended as ASCII.
    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any Int
        withUnsafeMutableBytes(of: &digits) { buffer in
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: writeDigits(n, to: base)))
        }
    }

    /// Writes `n` in decimal ASCII (a sign and up to 19 digits) at `target`,
    /// which has room for 20 bytes; returns the number of bytes written.
    @inline(__always)
    static func writeDigits(_ n: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var v = n.magnitude
        var length = n < 0 ? 1 : 0
        var probe = v
        repeat {
            length += 1
            probe /= 10
        } while probe > 0
        if n < 0 { target[0] = UInt8(ascii: "-") }
        var i = length
        repeat {
            i -= 1
            target[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        } while v > 0
        return length
    }

    /// Whether a string's UTF-8 holds nothing JSON escapes: no control
    /// character, quote or backslash, and no 0xE2 (the lead byte of
    /// U+2028/U+2029, escaped too). Eight bytes at a time: a byte below
    /// 0x20, or equal to c, makes `(x − k×0x01…01) & ~x & 0x80…80` non-zero
    /// (Anderson, "Bit Twiddling Hacks"), exact for whether any byte does.
    @inline(__always)
    static func hasNothingToEscape(_ utf8: UnsafeRawBufferPointer) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let n = utf8.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
            if (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
                || hasZero(w ^ (ones &* 0xE2)) { return false }
            i += 8
        }
        while i < n {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return false }
            i += 1
        }
        return true
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control
    /// characters escaped; everything else, Cyrillic included, as is.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote(s)` appended as UTF-8.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: no control character, quote or
        // backslash, and no U+2028/U+2029 (whose UTF-8 starts with 0xE2).
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            guard hasNothingToEscape(UnsafeRawBufferPointer(utf8)) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied != true {
            appendEscaped(s, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `quote(String(decoding: utf8, as: UTF8.self))` appended as UTF-8;
    /// valid UTF-8 with nothing to escape is copied without making the `String`.
    static func appendQuoted(utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard hasNothingToEscape(utf8) && isValidUTF8(utf8) else {
            return appendQuoted(String(decoding: utf8, as: UTF8.self), to: &out)
        }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: utf8)
        out.append(UInt8(ascii: "\""))
    }

    /// The body of a string literal, escaping scalar by scalar.
    private static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append(contentsOf: [0x5C, 0x22])
            case "\\": out.append(contentsOf: [0x5C, 0x5C])
            case "\n": out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case "\r": out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case "\t": out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: UTF8.encode(u) { out.append($0) }
            }
        }
    }
}

extension JSONWriter {
    /// The `competition` object every result carries: `{id, title, year}`.
    public mutating func competition(_ competition: Competition) {
        beginObject("competition")
        string("id", competition.id)
        string("title", competition.title)
        int("year", competition.year)
        endObject()
    }
}

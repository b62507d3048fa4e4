import Foundation
import JuryEngine

/// Writes JSON with keys in the order given, two-space indentation and
/// numbers in Swift's shortest round-trip form (never rounded), so the same
/// values always give the same bytes. Non-finite numbers are written as null.
///
/// The text is built as UTF-8 bytes in one growing buffer: keys, brackets,
/// indentation and integers are copied or formatted straight into it, and a
/// string with nothing to escape (the usual case, any script) is copied as
/// its UTF-8 bytes in one go.
public struct JSONWriter {
    /// The UTF-8 bytes written so far (with a sink: not yet handed over).
    public private(set) var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma: [Bool] = []
    /// Receives the bytes in blocks as they grow, when given (large outputs
    /// stream instead of growing one buffer); `bytes` then holds the unsent tail.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let blockSize = 1 << 20

    public init() { sink = nil }

    /// A writer that hands its bytes to `sink` in blocks of about a megabyte;
    /// call `flush()` at the end for the rest.
    public init(byteSink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.sink = byteSink
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    /// A writer that hands its text to `sink` in blocks of about a megabyte;
    /// call `flush()` at the end for the rest.
    public init(sink: @escaping (String) -> Void) {
        self.init(byteSink: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// The text written so far (with a sink: not yet handed over).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the unsent bytes to the sink.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes `count` elements of the array just opened: `body(&writer, i)`
    /// writes element i (one value, or a whole object or array, without a
    /// key). A large array is formatted in blocks of elements on every core
    /// (`Concurrently`), each block by a writer of its own that starts at this
    /// one's indentation and comma state, and the blocks are appended in
    /// order: the bytes are those of writing the elements one after another,
    /// and memory holds one round of blocks at a time. `body` runs on several
    /// threads at once, so it may only read shared values.
    public mutating func elements(_ count: Int, _ body: (inout JSONWriter, Int) -> Void) {
        guard count >= Self.parallelElements, let hadItems = needsComma.last else {
            for i in 0..<count { body(&self, i) }
            return
        }
        let blocks = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let indent = self.indent, outer = needsComma.dropLast()
        var start = 0
        while start < count {
            let roundStart = start
            let parts = Concurrently.map(blocks) { b -> [UInt8] in
                let lo = min(count, roundStart + b * Self.elementBlock), hi = min(count, lo + Self.elementBlock)
                guard lo < hi else { return [] }
                var part = JSONWriter()
                part.indent = indent
                part.needsComma = Array(outer) + [hadItems || lo > 0]
                part.bytes.reserveCapacity(Self.elementBlock * 64)
                for i in lo..<hi { body(&part, i) }
                return part.bytes
            }
            for part in parts {
                bytes.append(contentsOf: part)
                if sink != nil && bytes.count >= Self.blockSize { flush() }
            }
            start = min(count, start + blocks * Self.elementBlock)
        }
        if count > 0 { needsComma[needsComma.count - 1] = true }
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

    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func value(_ key: String? = nil, _ v: Value) {
        item(key)
        switch v {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let n): Self.appendInt(n, to: &bytes)
        case .number(let x): Self.appendNumber(x, to: &bytes)
        case .string(let s): Self.appendQuoted(s, to: &bytes)
        }
    }

    public mutating func string(_ key: String?, _ s: String?) {
        item(key)
        if let s { Self.appendQuoted(s, to: &bytes) } else { append("null") }
    }

    /// A string given as UTF-8 bytes (a row of a `TextColumn`): copied as
    /// they are when all ASCII with nothing to escape, otherwise as `string`.
    public mutating func string(_ key: String?, utf8: UnsafeRawBufferPointer) {
        item(key)
        Self.appendQuoted(utf8: utf8, to: &bytes)
    }

    /// A row of a text column, as `string(key, column[row])` without making the `String`.
    public mutating func string(_ key: String?, _ column: TextColumn, _ row: Int) {
        item(key)
        column.withUTF8(row) { Self.appendQuoted(utf8: $0, to: &bytes) }
    }

    public mutating func number(_ key: String?, _ x: Double?) {
        item(key)
        if let x { Self.appendNumber(x, to: &bytes) } else { append("null") }
    }

    public mutating func int(_ key: String?, _ n: Int?) {
        item(key)
        if let n { Self.appendInt(n, to: &bytes) } else { append("null") }
    }

    public mutating func bool(_ key: String?, _ b: Bool) { value(key, .bool(b)) }

    /// An interval as `[lo, hi]` (a confidence interval's `ci95`), or null
    /// when either end is not given.
    public mutating func interval(_ key: String?, _ lo: Double?, _ hi: Double?) {
        guard let lo, let hi else { return value(key, .null) }
        beginArray(key)
        number(nil, lo)
        number(nil, hi)
        endArray()
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        item(key)
        bytes.append(bracket)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        bytes.append(bracket)
        if indent == 0 { bytes.append(UInt8(ascii: "\n")) }
    }

    private mutating func item(_ key: String?) {
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
            newline()
        }
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline() {
        if sink != nil && bytes.count >= Self.blockSize { flush() }
        bytes.append(UInt8(ascii: "\n"))
        // Not copied from a static buffer: a static's lazy initialisation
        // check on every line cost more than filling the spaces.
        let spaces = 2 * indent
        if spaces > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
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
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
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
        out.append(contentsOf: x.description.utf8)
    }

    /// The decimal digits of `n` appended as ASCII.
    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of any Int
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
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
            for b in utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied != true {
            appendEscaped(s, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `quote(String(decoding: utf8, as: UTF8.self))` appended as UTF-8;
    /// valid UTF-8 with nothing to escape (no control character, quote,
    /// backslash or 0xE2, the lead byte of U+2028/U+2029) is copied without
    /// making the `String`.
    static func appendQuoted(utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var high: UInt8 = 0
        for b in utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 {
                appendQuoted(String(decoding: utf8, as: UTF8.self), to: &out)
                return
            }
            high |= b
        }
        if high >= 0x80 && !isValidUTF8(utf8) {
            appendQuoted(String(decoding: utf8, as: UTF8.self), to: &out)
            return
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

/// Writes JSON with keys in the order given, two-space indentation and
/// numbers in Swift's shortest round-trip form (never rounded), so the same
/// values always give the same bytes. Non-finite numbers are written as null.
public struct JSONWriter {
    public private(set) var text = ""
    private var indent = 0
    private var needsComma: [Bool] = []
    /// Newline plus indentation, by depth, made once.
    private var indents: [String] = ["\n"]
    /// Receives the text in blocks as it grows, when given (large outputs
    /// stream instead of growing one string); `text` then holds the unsent tail.
    private let sink: ((String) -> Void)?
    private static let blockSize = 1 << 20

    public init() { sink = nil }

    /// A writer that hands its text to `sink` in blocks of about a megabyte;
    /// call `flush()` at the end for the rest.
    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
        text.reserveCapacity(Self.blockSize + 4096)
    }

    /// Hands the unsent text to the sink.
    public mutating func flush() {
        guard let sink, !text.isEmpty else { return }
        sink(text)
        text.removeAll(keepingCapacity: true)
    }

    public enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double)
        case string(String)
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func value(_ key: String? = nil, _ v: Value) {
        item(key)
        text += Self.render(v)
    }

    public mutating func string(_ key: String?, _ s: String?) { value(key, s.map(Value.string) ?? .null) }
    public mutating func number(_ key: String?, _ x: Double?) { value(key, x.map(Value.number) ?? .null) }
    public mutating func int(_ key: String?, _ n: Int?) { value(key, n.map(Value.int) ?? .null) }
    public mutating func bool(_ key: String?, _ b: Bool) { value(key, .bool(b)) }

    private mutating func open(_ key: String?, _ bracket: String) {
        item(key)
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        text += bracket
        if indent == 0 { text += "\n" }
    }

    private mutating func item(_ key: String?) {
        if let last = needsComma.last {
            if last { text += "," }
            needsComma[needsComma.count - 1] = true
            newline()
        }
        if let key { text += Self.quote(key) + ": " }
    }

    private mutating func newline() {
        while indents.count <= indent { indents.append(indents[indents.count - 1] + "  ") }
        text += indents[indent]
        if sink != nil && text.utf8.count >= Self.blockSize { flush() }
    }

    static func render(_ v: Value) -> String {
        switch v {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let n): String(n)
        case .number(let x): formatNumber(x)
        case .string(let s): quote(s)
        }
    }

    /// Shortest round-trip decimal; integral values without a fraction.
    public static func formatNumber(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control
    /// characters escaped; everything else, Cyrillic included, as is.
    public static func quote(_ s: String) -> String {
        // Most strings need no escape: no control character, quote or
        // backslash, and no U+2028/U+2029 (whose UTF-8 starts with 0xE2).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

import JuryEngine

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

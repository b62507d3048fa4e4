/// Writes JSON with keys in the order given, two-space indentation and
/// numbers in Swift's shortest round-trip form (never rounded), so the same
/// values always give the same bytes. Non-finite numbers are written as null.
public struct JSONWriter {
    public private(set) var text = ""
    private var indent = 0
    private var needsComma: [Bool] = []

    public init() {}

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
        text += "\n" + String(repeating: "  ", count: indent)
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

/// Checks and conversions of single cells shared by the bundle files. Each
/// returns nil after logging a message that names the column and the value.
struct FieldParsing {
    let file: String

    /// An identifier: non-empty, without surrounding spaces.
    func identifier(_ text: String?, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> String? {
        guard let text, !text.isEmpty else {
            log.error(file, line, col, "missing \(column)")
            return nil
        }
        guard text.trimmingSpaces == text, !text.utf8.contains(UInt8(ascii: "\n")) else {
            log.error(file, line, col, "\(column) \"\(text)\" has surrounding spaces or a line break")
            return nil
        }
        return text
    }

    /// `yes` / `no` (case-insensitive); empty = not given.
    func yesNo(_ text: String?, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Bool? {
        guard let text, !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "yes": return true
        case "no": return false
        default:
            log.error(file, line, col, "\(column) must be yes or no, found \"\(text)\"")
            return nil
        }
    }

    /// A whole number; empty = not given.
    func integer(_ text: String?, column: String, at line: Int, _ col: Int?, min: Int = 0, log: inout DiagnosticLog) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let n = Int(text) else {
            log.error(file, line, col, "\(column) must be a whole number, found \"\(text)\"")
            return nil
        }
        guard n >= min else {
            log.error(file, line, col, "\(column) must be at least \(min), found \(n)")
            return nil
        }
        return n
    }

    /// A non-negative decimal number; empty = not given.
    func number(_ text: String?, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let x = Double(text), x.isFinite, x >= 0 else {
            log.error(file, line, col, "\(column) must be a non-negative number, found \"\(text)\"")
            return nil
        }
        return x
    }

    /// An ISO 8601 timestamp; empty = not given.
    func timestamp(_ text: String?, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Timestamp? {
        guard let text, !text.isEmpty else { return nil }
        guard let t = ISO8601.parse(text) else {
            log.error(file, line, col, "\(column) \"\(text)\" is not an ISO 8601 timestamp (e.g. 2025-05-10T12:00:00+05:00)")
            return nil
        }
        return t
    }
}

import JuryEngine

/// The same checks on a field's UTF-8 bytes, for the large files: no
/// `String` is made unless the value is kept or reported.
extension FieldParsing {
    static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    /// An identifier: non-empty, without surrounding spaces or a line break.
    func identifier(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Bool {
        guard let first = b.first, let last = b.last else {
            log.error(file, line, col, "missing \(column)")
            return false
        }
        if FieldParsing.isBlank(first) || FieldParsing.isBlank(last) || b.contains(UInt8(ascii: "\n")) {
            log.error(file, line, col, "\(column) \"\(String(decoding: b, as: UTF8.self))\" has surrounding spaces or a line break")
            return false
        }
        return true
    }

    /// Whether the text has something other than spaces.
    static func hasText(_ b: UnsafeRawBufferPointer) -> Bool { b.contains { !isBlank($0) } }

    /// `yes` / `no` in any ASCII case; empty = not given.
    func yesNo(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Bool? {
        if b.isEmpty { return nil }
        func fold(_ x: UInt8) -> UInt8 { x | 0x20 }
        if b.count == 3 && fold(b[0]) == UInt8(ascii: "y") && fold(b[1]) == UInt8(ascii: "e") && fold(b[2]) == UInt8(ascii: "s") { return true }
        if b.count == 2 && fold(b[0]) == UInt8(ascii: "n") && fold(b[1]) == UInt8(ascii: "o") { return false }
        return yesNo(String(decoding: b, as: UTF8.self), column: column, at: line, col, log: &log)
    }

    /// A whole number; empty = not given. Plain digits are read from the
    /// bytes; anything else (a sign, a problem) takes the `String` path.
    func integer(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, min: Int = 0, log: inout DiagnosticLog) -> Int? {
        if b.isEmpty { return nil }
        if let n = FieldParsing.digits(b), n >= min { return n }
        return integer(String(decoding: b, as: UTF8.self), column: column, at: line, col, min: min, log: &log)
    }

    /// A non-negative decimal number; empty = not given. Plain decimals
    /// (`digits[.digits]`) are read from the bytes (`plainDecimal`); anything
    /// else (an exponent, a sign, a problem) takes the `String` path.
    func number(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Double? {
        if b.isEmpty { return nil }
        if let x = FieldParsing.plainDecimal(b) { return x }
        return number(String(decoding: b, as: UTF8.self), column: column, at: line, col, log: &log)
    }

    /// The value of 1–18 ASCII digits (as `Int(_:)` reads them), or nil for
    /// anything else.
    @inline(__always)
    static func digits(_ b: UnsafeRawBufferPointer) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var n = 0
        for byte in b {
            let d = byte &- 48
            guard d <= 9 else { return nil }
            n = n &* 10 &+ Int(d)
        }
        return n
    }

    /// Powers of ten exact in a `Double`: 10⁰ … 10²².
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// `digits` or `digits.digits`, read exactly as `Double(_:)` reads it,
    /// when the digits make an integer M ≤ 2⁵³ and at most 22 of them follow
    /// the point; nil for anything else. Then M and 10^k are both exact
    /// doubles and one IEEE division, correctly rounded, gives the correctly
    /// rounded M / 10^k: the fast path of Clinger, "How to Read Floating
    /// Point Numbers Accurately" (PLDI 1990), used by Go's `strconv` and
    /// Lemire's fast_float before their slower paths.
    static func plainDecimal(_ b: UnsafeRawBufferPointer) -> Double? {
        var mantissa: UInt64 = 0
        var digitCount = 0
        var afterPoint = -1
        for byte in b {
            let d = byte &- 48
            if d <= 9 {
                guard digitCount < 19 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(d)
                digitCount += 1
                if afterPoint >= 0 { afterPoint += 1 }
            } else if byte == UInt8(ascii: "."), afterPoint < 0, digitCount > 0 {
                afterPoint = 0
            } else {
                return nil
            }
        }
        guard digitCount > 0, afterPoint != 0, mantissa <= 1 << 53, afterPoint <= 22 else { return nil }
        return Double(mantissa) / exactPowersOfTen[max(afterPoint, 0)]
    }

    /// An ISO 8601 timestamp's instant; empty = not given.
    func timestamp(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Int64? {
        if b.isEmpty { return nil }
        guard let seconds = ISO8601.secondsSinceEpoch(b) else {
            log.error(file, line, col, "\(column) \"\(String(decoding: b, as: UTF8.self))\" is not an ISO 8601 timestamp (e.g. 2025-05-10T12:00:00+05:00)")
            return nil
        }
        return seconds
    }

    /// Calls `body` with each item of a `;`-separated list, trimmed of
    /// spaces and tabs; empty items are skipped.
    static func forEachItem(_ b: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        let n = b.count
        while start <= n {
            var end = start
            while end < n && b[end] != UInt8(ascii: ";") { end += 1 }
            var lo = start, hi = end
            while lo < hi && isBlank(b[lo]) { lo += 1 }
            while hi > lo && isBlank(b[hi - 1]) { hi -= 1 }
            if hi > lo { body(UnsafeRawBufferPointer(rebasing: b[lo..<hi])) }
            start = end + 1
        }
    }
}


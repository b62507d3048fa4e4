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

    /// A whole number; empty = not given.
    func integer(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, min: Int = 0, log: inout DiagnosticLog) -> Int? {
        if b.isEmpty { return nil }
        return integer(String(decoding: b, as: UTF8.self), column: column, at: line, col, min: min, log: &log)
    }

    /// A non-negative decimal number; empty = not given.
    func number(bytes b: UnsafeRawBufferPointer, column: String, at line: Int, _ col: Int?, log: inout DiagnosticLog) -> Double? {
        if b.isEmpty { return nil }
        return number(String(decoding: b, as: UTF8.self), column: column, at: line, col, log: &log)
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


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

    /// A `;`-separated list; empty items are dropped, items trimmed.
    func list(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        if !text.utf8.contains(UInt8(ascii: ";")) {
            let item = text.trimmingSpaces
            return item.isEmpty ? [] : [item]
        }
        return text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

import JuryEngine

import Foundation

/// A JSON document as a tree, decoded strictly: `true` is a `bool`, never a
/// number, and integers stay exact.
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// What the value is, for messages ("expected a number, found a string").
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    var double: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// Where and why a document is not valid JSON.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Parses `bytes`; on a syntax error returns the 1-based line and column
    /// of the character JSONSerialization points at.
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, SyntaxError> {
        let data = Data(bytes)
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let text = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            var offset = bytes.count
            if let range = text.range(of: "character "),
               let n = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                offset = min(n, bytes.count)
            }
            var line = 1, column = 1
            for b in bytes.prefix(offset) {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            let reason = text.replacingOccurrences(of: #" around character \d+\.?"#, with: "", options: .regularExpression)
            return .failure(SyntaxError(line: line, column: column, message: "not valid JSON: \(reason.lowercased())"))
        }
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: data))
        } catch {
            return .failure(SyntaxError(line: 1, column: 1, message: "not valid JSON: \(error)"))
        }
    }
}

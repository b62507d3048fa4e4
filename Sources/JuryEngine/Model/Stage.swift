/// One of the three stages of the competition (regulation 9.5), in the order
/// they are held: department (9.5.1), faculty (9.5.2), commission (9.5.3).
public enum Stage: UInt8, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case department = 0
    case faculty = 1
    case commission = 2

    /// The identifier used in bundles and outputs (`department`, `faculty`, `commission`).
    public var name: String {
        switch self {
        case .department: "department"
        case .faculty: "faculty"
        case .commission: "commission"
        }
    }

    public var description: String { name }

    /// Parses a stage identifier as written in bundles; nil when unknown.
    public init?(name: String) {
        switch name {
        case "department": self = .department
        case "faculty": self = .faculty
        case "commission": self = .commission
        default: return nil
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let stage = Stage(name: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown stage '\(text)'")
        }
        self = stage
    }
}

/// Why a synthetic bundle could not be made.
public enum SynthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A parameter is out of range, or parameters contradict each other.
    case invalidParameter(String)
    /// The drawn structure has too few candidates for what was asked, e.g.
    /// too few experts outside a department to fill a course's sheets.
    case infeasible(String)
    /// A file could not be written: the path, what was done, and the system's reason.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .invalidParameter(let message): message
        case .infeasible(let message): message
        case .io(let path, let operation, let reason): "\(path): cannot \(operation): \(reason)"
        }
    }
}

/// Collects every problem found while reading a bundle, so that a secretary
/// sees all of them at once rather than one per run.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func append(_ d: Diagnostic) { diagnostics.append(d) }

    public mutating func error(_ file: String, _ line: Int?, _ column: Int?, _ message: String) {
        diagnostics.append(.error(file, line, column, message))
    }

    public mutating func warning(_ file: String, _ line: Int?, _ column: Int?, _ message: String) {
        diagnostics.append(.warning(file, line, column, message))
    }

    /// The diagnostics in printing order (file in bundle order, line, column).
    public var sorted: [Diagnostic] { diagnostics.sorted() }
}

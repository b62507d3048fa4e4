/// A declared conflict of interest (`conflicts.csv`): the expert declares a
/// conflict with one course or with one author (and so with all their courses).
public struct DeclaredConflict: Sendable, Hashable, Codable {
    /// Index into `Competition.people`.
    public var expert: Int32
    public var target: Target
    public var reason: String

    public enum Target: Sendable, Hashable, Codable {
        /// Index into `Competition.courses`.
        case course(Int32)
        /// Index into `Competition.people`.
        case author(Int32)
    }

    public init(expert: Int32, target: Target, reason: String) {
        self.expert = expert
        self.target = target
        self.reason = reason
    }
}

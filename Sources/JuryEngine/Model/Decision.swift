/// A decision of the commission (`decisions.csv`) that settles what the rules
/// leave open: a tie at a cut-off line, a 9.11 disqualification.
public struct Decision: Sendable, Hashable, Codable {
    public var stage: Stage
    /// Department or faculty id, or `all` for the commission stage.
    public var unit: String
    /// Index into `Competition.courses`.
    public var course: Int32
    public var kind: Kind
    public var reason: String
    public var decidedAt: Timestamp?

    public enum Kind: Sendable, Hashable, Codable {
        case disqualify
        case advance
        case exclude
        case place(Int)

        /// Parses `disqualify`, `advance`, `exclude` or `place:N` (N ≥ 1).
        public init?(text: String) {
            switch text {
            case "disqualify": self = .disqualify
            case "advance": self = .advance
            case "exclude": self = .exclude
            default:
                guard text.hasPrefix("place:"), let n = Int(text.dropFirst(6)), n >= 1 else { return nil }
                self = .place(n)
            }
        }

        public var text: String {
            switch self {
            case .disqualify: "disqualify"
            case .advance: "advance"
            case .exclude: "exclude"
            case .place(let n): "place:\(n)"
            }
        }
    }

    public init(stage: Stage, unit: String, course: Int32, kind: Kind, reason: String, decidedAt: Timestamp? = nil) {
        self.stage = stage
        self.unit = unit
        self.course = course
        self.kind = kind
        self.reason = reason
        self.decidedAt = decidedAt
    }
}

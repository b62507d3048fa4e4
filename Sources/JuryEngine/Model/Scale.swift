/// The integer scale of one criterion score (F-03: 1 = very poor … 10 = excellent).
public struct Scale: Sendable, Hashable, Codable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// The regulation's scale, 1–10.
    public static let regulation = Scale(min: 1, max: 10)

    /// Number of distinct scores on the scale.
    public var count: Int { max - min + 1 }

    public func contains(_ score: Int) -> Bool { score >= min && score <= max }
}

/// An ISO 8601 instant as given in a bundle: the text as written (kept for
/// output, nothing the user gave is altered) and the instant in seconds since
/// 1970-01-01T00:00:00Z for comparisons. Parsing is the I/O layer's job.
public struct Timestamp: Sendable, Hashable, Codable, Comparable {
    public var text: String
    public var secondsSinceEpoch: Int64

    public init(text: String, secondsSinceEpoch: Int64) {
        self.text = text
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

/// A statistic that was either computed or is undefined for a stated reason
/// (too few units, zero variance, no complete block…), so that a report can
/// print the reason next to the missing number instead of a bare null.
///
/// Codable as `{"value": …}` or `{"reason": "…"}`.
public enum Computed<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    case value(Value)
    case undefined(reason: String)

    /// The value, or nil when undefined.
    public var value: Value? {
        if case let .value(v) = self { return v }
        return nil
    }

    /// Why there is no value, or nil when there is one.
    public var reason: String? {
        if case let .undefined(reason) = self { return reason }
        return nil
    }

    /// Applies `transform` to a value; keeps the reason of an undefined one.
    public func map<T>(_ transform: (Value) -> T) -> Computed<T> {
        switch self {
        case let .value(v): .value(transform(v))
        case let .undefined(reason): .undefined(reason: reason)
        }
    }

    private enum CodingKeys: String, CodingKey { case value, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let reason = try container.decodeIfPresent(String.self, forKey: .reason) {
            self = .undefined(reason: reason)
        } else {
            self = .value(try container.decode(Value.self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .value(v): try container.encode(v, forKey: .value)
        case let .undefined(reason): try container.encode(reason, forKey: .reason)
        }
    }
}

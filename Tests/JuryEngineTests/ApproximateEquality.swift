import Testing

/// |actual − expected| ≤ relative · |expected| (or ≤ relative when expected is 0).
func isClose(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
    if actual == expected { return true }
    let scale = expected == 0 ? 1 : abs(expected)
    return abs(actual - expected) <= relative * scale
}

/// Expects `actual` within a relative tolerance of `expected`, and says both on failure.
func expectClose(_ actual: Double, _ expected: Double, relative: Double,
                 _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(isClose(actual, expected, relative: relative),
            "\(actual) vs \(expected) (relative error \(abs(actual - expected) / (expected == 0 ? 1 : abs(expected))))\(comment.map { ": \($0)" } ?? "")",
            sourceLocation: sourceLocation)
}

/// Expects `actual` within an absolute tolerance of `expected`.
func expectNear(_ actual: Double, _ expected: Double, absolute: Double,
                _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= absolute,
            "\(actual) vs \(expected)\(comment.map { ": \($0)" } ?? "")",
            sourceLocation: sourceLocation)
}

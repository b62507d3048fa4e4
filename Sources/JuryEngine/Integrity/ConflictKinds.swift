/// The conflict kinds of one sheet (`StructuralConflicts.Finding.kinds`): a
/// set of `IntegrityKind.conflicts` in one byte, one bit each.
///
/// A sheet can have several kinds and a large stage has millions of
/// conflicted sheets (at 10 M synthetic sheets, 1.6 M of the same faculty):
/// a bit set keeps a finding at 8 bytes, where an array of kinds costs a heap
/// allocation each. It is a collection of the kinds it holds, always in the
/// order of `IntegrityKind.conflicts` (most serious first), so listing them
/// reads the same whatever order they were inserted in.
public struct ConflictKinds: Sendable, Hashable, Collection {
    /// Bit i stands for `IntegrityKind.conflicts[i]`.
    public private(set) var bits: UInt8 = 0

    public init() {}

    public init(_ kinds: some Sequence<IntegrityKind>) {
        for k in kinds { insert(k) }
    }

    /// Adds a conflict kind; a kind that is not a conflict is a programming
    /// error (only the six conflict kinds fit).
    public mutating func insert(_ kind: IntegrityKind) {
        guard let i = Self.bitIndex(kind) else { preconditionFailure("\(kind) is not a conflict kind") }
        bits |= 1 << i
    }

    public func contains(_ kind: IntegrityKind) -> Bool {
        guard let i = Self.bitIndex(kind) else { return false }
        return bits & (1 << i) != 0
    }

    @inline(__always)
    static func bitIndex(_ kind: IntegrityKind) -> Int? {
        switch kind {
        case .selfReview: 0
        case .declared: 1
        case .sameDepartment: 2
        case .sameFaculty: 3
        case .coauthor: 4
        case .earlierCoauthor: 5
        case .favouritism, .reciprocity, .ring, .selfVote: nil
        }
    }

    // Collection: positions are bit indices, from the lowest set bit up.
    public var startIndex: Int { bits == 0 ? 8 : bits.trailingZeroBitCount }
    public var endIndex: Int { 8 }
    public var isEmpty: Bool { bits == 0 }
    public var count: Int { bits.nonzeroBitCount }

    public subscript(position: Int) -> IntegrityKind {
        precondition(position >= 0 && position < 8 && bits & (1 << position) != 0, "index out of range")
        return IntegrityKind.conflicts[position]
    }

    public func index(after i: Int) -> Int {
        let above = i + 1 < 8 ? bits >> (i + 1) : 0
        return above == 0 ? 8 : i + 1 + above.trailingZeroBitCount
    }
}

/// The flags of a stage's integrity audit, in their order
/// (`IntegrityAnalysis`): first the conflict flags, one per conflicted sheet
/// and kind, each kept as its kind and the sheet's row (8 bytes) and made
/// when read (`StructuralConflicts.flags`); then the other flags
/// (favouritism, reciprocity, rings, self-votes), stored as they are.
///
/// Why: a conflict flag held as a value has three small arrays (experts,
/// courses, authors) and its evidence, about 140 bytes and three
/// allocations; at 10 M sheets the 1.58 M same-faculty flags of a synthetic
/// bundle took about 220 MB, the peak of `jury audit`. Read in order, each
/// flag is made once by whoever reads it (the output formats them in blocks
/// on every core); reading one twice makes it twice, equal both times.
public struct IntegrityFlags: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// A conflict flag: the index of its kind in `IntegrityKind.allCases` and its sheet's row.
    struct ConflictEntry: Sendable {
        var kind: UInt8
        var row: Int32
    }

    private let entries: [ConflictEntry]
    private let maker: ConflictFlagMaker?
    private let others: [IntegrityFlag]

    init(conflicts entries: [ConflictEntry], maker: ConflictFlagMaker?, others: [IntegrityFlag]) {
        precondition(entries.isEmpty || maker != nil, "conflict entries need their maker")
        self.entries = entries
        self.maker = maker
        self.others = others
    }

    /// Flags held as values.
    public init(_ flags: [IntegrityFlag]) {
        self.init(conflicts: [], maker: nil, others: flags)
    }

    public init(arrayLiteral flags: IntegrityFlag...) {
        self.init(flags)
    }

    /// These flags followed by `more`.
    public func appending<S: Sequence<IntegrityFlag>>(_ more: S) -> IntegrityFlags {
        IntegrityFlags(conflicts: entries, maker: maker, others: others + more)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count + others.count }

    public subscript(i: Int) -> IntegrityFlag {
        if i < entries.count, let maker { return maker.flag(entries[i]) }
        return others[i - entries.count]
    }

    /// The same flags in the same order, however they are held.
    public static func == (a: IntegrityFlags, b: IntegrityFlags) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }
}

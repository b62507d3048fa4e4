import JuryEngine

/// Interns faculty and department names straight from the reader's bytes:
/// one hash lookup a field, and a `String` only the first time a name is seen.
struct UnitInterner: Sendable {
    private var index = IdIndex()
    private(set) var names = UnitNames()

    mutating func unit(_ name: UnsafeRawBufferPointer) -> Int32 {
        let (unit, inserted) = index.insert(utf8: name)
        if inserted {
            let interned = names.intern(String(decoding: name, as: UTF8.self))
            assert(interned == unit)
        }
        return unit
    }

    /// The index of a unit given as a `String`.
    mutating func unit(named name: String) -> Int32 {
        var name = name
        return name.withUTF8 { unit(UnsafeRawBufferPointer($0)) }
    }

    /// The index here of every unit of `other`, adding the names not yet known.
    mutating func absorb(_ other: UnitNames) -> [Int32] {
        other.names.map { unit(named: $0) }
    }
}

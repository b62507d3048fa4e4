#if canImport(Glibc)
import Glibc
#endif

/// Maps identifiers to their index without building a `String` per lookup:
/// the key is looked up by its UTF-8 bytes straight from the reader's block.
///
/// Two ways to find an id, chosen by the ids themselves:
///
/// - **Direct**, while every id is one of at most eight shapes, each a fixed
///   prefix followed by a fixed number of digits (`M0000001`, `E00042`,
///   `F01`), with dense numbers (the largest at most 4 × the ids of that
///   shape + 1024): a key is parsed into (shape, number) and its index read
///   from one array slot; no hashing, no comparison of bytes (a key of
///   another shape cannot be in the index). Inserting such ids in any order
///   costs the same.
/// - **Hashed**, from the first id that does not fit: open addressing with
///   linear probing over a power-of-two table kept at most half full. The
///   hash reads the key eight bytes at a time and mixes each word with a
///   multiply and a xor-shift (the finaliser of SplitMix64, Steele, Lea &
///   Flood 2014); ids differ mostly in their last digits, which every word
///   reaches. `optimizeForLookups()` rebuilds the direct path when the ids
///   allow it after all.
///
/// Either way a lookup is O(length of the id) expected.
///
/// Memory: the direct path holds no id's bytes, only its tables of 4 bytes
/// a number (every id of a shape is its prefix and its number written with
/// the shape's digits, so the ids can be spelled again from the tables when
/// an id arrives that leaves the direct path). The hashed path keeps a copy
/// of every id and its start (8 bytes) besides its slots: at 10 M sheets'
/// 4.85 M people and courses, 75 MB the direct path does not hold.
public struct IdIndex: Sendable {
    /// The ids' bytes and where each starts (`starts[i] ..< starts[i + 1]`),
    /// kept by the hashed path only; empty while the direct path is used.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Number of ids.
    public private(set) var count = 0
    /// Slot → index + 1 (0 = empty); empty while the direct path is used.
    private var slots: [Int32] = []
    private var mask = 0
    private var dense: DensePath? = DensePath(shapes: [])

    /// Ids of the form prefix + `digits` decimal digits: number → index + 1.
    private struct DenseShape: Sendable {
        var prefix: [UInt8]
        var digits: Int
        var table: [Int32]
        var members: Int
    }

    private struct DensePath: Sendable {
        var shapes: [DenseShape]
        /// The shape of the last key placed: ids of one file mostly share one.
        var lastShape = 0

        /// The (shape, number) of a key that fits the direct path, making
        /// room for it (a new shape or a longer table), or nil when it does
        /// not fit.
        mutating func slot(_ key: UnsafeRawBufferPointer) -> (Int, Int)? {
            guard let (prefixLength, digits, n) = IdIndex.split(key) else { return nil }
            var s: Int
            if lastShape < shapes.count, shapes[lastShape].digits == digits,
               IdIndex.isPrefix(shapes[lastShape].prefix, of: key, length: prefixLength) {
                s = lastShape
            } else if let found = shapes.firstIndex(where: {
                $0.digits == digits && IdIndex.isPrefix($0.prefix, of: key, length: prefixLength)
            }) {
                s = found
            } else {
                guard shapes.count < 8 else { return nil }
                shapes.append(DenseShape(prefix: Array(key[0..<prefixLength]), digits: digits, table: [], members: 0))
                s = shapes.count - 1
            }
            if n >= shapes[s].table.count {
                let members = shapes[s].members
                guard n <= 4 * (members + 1) + 1024 else { return nil }
                let size = max(n + 1, min(2 * shapes[s].table.count, 4 * (members + 1) + 1025), 16)
                shapes[s].table.append(contentsOf: repeatElement(0, count: size - shapes[s].table.count))
            }
            lastShape = s
            return (s, n)
        }
    }

    public init() {}

    /// Whether lookups take the direct path (see the type's documentation).
    public var isDirect: Bool { dense != nil }

    /// Adds an id; returns its index, or the existing index when already present.
    @discardableResult
    public mutating func insert(_ id: String) -> (index: Int32, inserted: Bool) {
        var id = id
        return id.withUTF8 { insert(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Adds an id given as UTF-8 bytes; returns its index, or the existing
    /// index when already present.
    @discardableResult
    public mutating func insert(utf8 key: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
        // The direct path is taken out while it changes, so that its arrays
        // have one reference and change in place.
        if var path = dense.take() {
            if let (shape, number) = path.slot(key) {
                let entry = path.shapes[shape].table[number]
                if entry != 0 {
                    dense = path
                    return (entry - 1, false)
                }
                let index = Int32(count)
                count += 1
                path.shapes[shape].table[number] = index + 1
                path.shapes[shape].members += 1
                dense = path
                return (index, true)
            }
            dense = path
            buildHashTable()
        }
        let h = IdIndex.hash(key)
        if let existing = find(key, hash: h) { return (existing, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let index = Int32(count)
        append(key)
        count += 1
        place(index: index, hash: h)
        return (index, true)
    }

    private mutating func append(_ key: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
    }

    /// Whether the first `length` bytes of `key` are `prefix` (a byte loop:
    /// prefixes are a few bytes, and a generic comparison of an array with
    /// a slice of raw bytes costs more than the rest of an insert).
    @inline(__always)
    private static func isPrefix(_ prefix: [UInt8], of key: UnsafeRawBufferPointer, length: Int) -> Bool {
        guard prefix.count == length else { return false }
        for i in 0..<length where prefix[i] != key[i] { return false }
        return true
    }

    /// A key as (prefix length, number of trailing digits, their value), or
    /// nil when it does not end in 1–9 digits.
    private static func split(_ key: UnsafeRawBufferPointer) -> (prefixLength: Int, digits: Int, number: Int)? {
        var digits = 0
        while digits < key.count, key[key.count - 1 - digits] &- 48 <= 9 { digits += 1 }
        guard digits > 0, digits <= 9 else { return nil }
        let prefixLength = key.count - digits
        var n = 0
        for k in prefixLength ..< key.count { n = n * 10 + Int(key[k] &- 48) }
        return (prefixLength, digits, n)
    }

    /// Leaves the direct path: hashes every id so far (tests use it to
    /// compare the two paths).
    mutating func buildHashTable() {
        if let path = dense.take() { spellIds(of: path) }
        var size = 16
        while size < (count + 1) * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        rehash()
    }

    /// Writes the ids of the direct path's tables into `bytes` and `starts`,
    /// in index order, as the hashed path keeps them: the id of number `n`
    /// in a shape is the shape's prefix and `n` in the shape's digits,
    /// leading zeros included (a prefix ends in no digit, so this is the id
    /// as it was given).
    private mutating func spellIds(of path: DensePath) {
        var place = [(shape: Int32, number: Int32)](repeating: (0, 0), count: count)
        var length = 0
        for (s, shape) in path.shapes.enumerated() {
            for (n, entry) in shape.table.enumerated() where entry != 0 {
                place[Int(entry - 1)] = (Int32(s), Int32(n))
                length += shape.prefix.count + shape.digits
            }
        }
        bytes = []
        bytes.reserveCapacity(length)
        starts = [0]
        starts.reserveCapacity(count + 1)
        for (s, n) in place {
            let shape = path.shapes[Int(s)]
            bytes.append(contentsOf: shape.prefix)
            let end = bytes.count + shape.digits
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: shape.digits))
            var rest = Int(n), at = end
            while rest > 0 {
                at -= 1
                bytes[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            starts.append(end)
        }
    }

    /// Takes the direct path when every id fits it, judging the density on
    /// all the ids (inserting them in an unlucky order, the largest numbers
    /// first, leaves the direct path early); otherwise lookups stay hashed.
    /// Nothing to do while the direct path is in use.
    public mutating func optimizeForLookups() {
        guard dense == nil else { return }
        var shapes: [DenseShape] = []
        var largest: [Int] = []
        for i in 0..<count {
            let fits: Bool = bytes.withUnsafeBytes { pool in
                let key = UnsafeRawBufferPointer(rebasing: pool[starts[i] ..< starts[i + 1]])
                guard let (prefixLength, digits, n) = IdIndex.split(key) else { return false }
                if let s = shapes.firstIndex(where: { $0.digits == digits && IdIndex.isPrefix($0.prefix, of: key, length: prefixLength) }) {
                    shapes[s].members += 1
                    largest[s] = max(largest[s], n)
                    return true
                }
                guard shapes.count < 8 else { return false }
                shapes.append(DenseShape(prefix: Array(key[0..<prefixLength]), digits: digits, table: [], members: 1))
                largest.append(n)
                return true
            }
            guard fits else { return }
        }
        for s in shapes.indices {
            guard largest[s] <= 4 * shapes[s].members + 1024 else { return }
            // Sized for every number, so the inserts below never judge density again.
            shapes[s].table = [Int32](repeating: 0, count: largest[s] + 1)
            shapes[s].members = 0
        }
        var candidate = IdIndex()
        candidate.dense = DensePath(shapes: shapes)
        for i in 0..<count {
            bytes.withUnsafeBytes { pool in
                _ = candidate.insert(utf8: UnsafeRawBufferPointer(rebasing: pool[starts[i] ..< starts[i + 1]]))
            }
        }
        if candidate.isDirect { self = candidate }
    }

    /// The index of the id spelled by `key`, or nil.
    @inline(__always)
    public func lookup(_ key: UnsafeRawBufferPointer) -> Int32? {
        if let dense { return IdIndex.denseFind(key, dense) }
        return find(key, hash: IdIndex.hash(key))
    }

    @inline(__always)
    private static func denseFind(_ key: UnsafeRawBufferPointer, _ dense: DensePath) -> Int32? {
        for shape in dense.shapes where key.count == shape.prefix.count + shape.digits {
            let p = shape.prefix.count
            var matches = true
            for k in 0..<p where key[k] != shape.prefix[k] {
                matches = false
                break
            }
            guard matches else { continue }
            var n = 0
            for k in p..<key.count {
                let d = key[k] &- 48
                if d > 9 { return nil }
                n = n &* 10 &+ Int(d)
            }
            guard n < shape.table.count else { return nil }
            let entry = shape.table[n]
            return entry == 0 ? nil : entry - 1
        }
        return nil
    }

    public func lookup(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }

    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBytes { pool in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let i = Int(entry - 1)
                let start = starts[i], end = starts[i + 1]
                if end - start == key.count {
                    if key.count == 0 || memcmp(pool.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                        return Int32(i)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func place(index: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = index + 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        rehash()
    }

    private mutating func rehash() {
        for i in 0..<count {
            let h = bytes.withUnsafeBytes { pool in
                IdIndex.hash(UnsafeRawBufferPointer(rebasing: pool[starts[i] ..< starts[i + 1]]))
            }
            place(index: Int32(i), hash: h)
        }
    }

    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        // An empty key hashes the same with or without an address (an empty
        // `String`'s bytes have one, `FieldParsing.empty` has none).
        guard let base = key.baseAddress, !key.isEmpty else { return mix(h) }
        var i = 0
        let n = key.count
        while i + 8 <= n {
            h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return h
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 31)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Maps identifiers to their index without building a `String` per lookup:
/// the key is looked up by its UTF-8 bytes straight from the reader's block.
///
/// Open addressing with linear probing over a power-of-two table kept at most
/// half full. The hash reads the key eight bytes at a time and mixes each word
/// with a multiply and a xor-shift (the finaliser of SplitMix64, Steele, Lea &
/// Flood 2014); ids differ mostly in their last digits, which every word
/// reaches. Lookup is O(length of the id) expected.
public struct IdIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Slot → index + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    public init<S: Sequence<String>>(_ ids: S) {
        let array = Array(ids)
        self.init(capacity: array.count)
        for id in array { _ = insert(id) }
    }

    public var count: Int { starts.count - 1 }

    /// Adds an id; returns its index, or the existing index when already present.
    @discardableResult
    public mutating func insert(_ id: String) -> (index: Int32, inserted: Bool) {
        var utf8 = Array(id.utf8)
        if let existing = utf8.withUnsafeBytes({ lookup($0) }) { return (existing, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let index = Int32(count)
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        utf8.withUnsafeBytes { place(index: index, hash: IdIndex.hash($0)) }
        utf8.removeAll()
        return (index, true)
    }

    /// The index of the id spelled by `key`, or nil.
    @inlinable
    public func lookup(_ key: UnsafeRawBufferPointer) -> Int32? {
        find(key)
    }

    public func lookup(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    @usableFromInline
    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        var slot = Int(truncatingIfNeeded: IdIndex.hash(key)) & mask
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
        for i in 0..<count {
            let h = bytes.withUnsafeBytes { pool in
                IdIndex.hash(UnsafeRawBufferPointer(rebasing: pool[starts[i] ..< starts[i + 1]]))
            }
            place(index: Int32(i), hash: h)
        }
    }

    @usableFromInline
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return mix(h) }
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

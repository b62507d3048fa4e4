/// Open-addressing table of distinct 64-bit keys (linear probing, Knuth
/// vol. 3, 6.4, algorithm L), numbering each key by first appearance.
/// UInt64.max marks an empty slot: it is the key of no number (a NaN's).
struct KeyTable {
    private var keys: [UInt64]
    private var buckets: [Int32]
    private var byBucket: [UInt64] = []
    private let shift: UInt64

    init(capacity: Int) {
        var size = 1, bits: UInt64 = 0
        while size < capacity {
            size <<= 1
            bits += 1
        }
        keys = [UInt64](repeating: .max, count: size)
        buckets = [Int32](repeating: 0, count: size)
        shift = 64 - max(bits, 1)
    }

    /// The bucket of `key`; a new key takes the number `new()` gives.
    @inline(__always)
    mutating func slot(_ key: UInt64, new: () -> Int) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let k = keys[i]
            if k == key { return Int(buckets[i]) }
            if k == .max {
                let b = new()
                // A full table takes no more keys (the caller stops first).
                if byBucket.count >= mask { return b }
                keys[i] = key
                buckets[i] = Int32(b)
                byBucket.append(key)
                return b
            }
            i = (i + 1) & mask
        }
    }

    func key(ofBucket b: Int) -> UInt64 { byBucket[b] }
}

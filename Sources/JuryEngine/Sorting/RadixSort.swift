/// A stable sort of items by 64-bit keys: least-significant-digit radix sort
/// with 11-bit digits (Knuth, "The Art of Computer Programming", vol. 3,
/// 5.2.5; counting passes as in Seward's and Friend's distribution sorts).
/// Each pass is a stable counting sort on one digit, from the lowest, and a
/// digit on which all keys agree is skipped, so items with equal keys keep
/// the order they were given in.
///
/// Complexity: O(n) per pass, at most six passes, plus one counting pass.
enum RadixSort {
    static let digitBits = 11
    static let passes = 6   // 6 · 11 ≥ 64

    /// Reorders `items` (and `keys` with them) by ascending key, stably.
    static func sort(_ items: inout [Int32], keys: inout [UInt64]) {
        let n = items.count
        precondition(keys.count == n, "one key per item")
        guard n > 1 else { return }
        let buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        var counts = [Int](repeating: 0, count: passes * buckets)
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for k in keys {
                    for p in 0..<passes { counts[p * buckets + Int((k >> UInt64(p * digitBits)) & mask)] += 1 }
                }
            }
        }
        var otherItems = [Int32](repeating: 0, count: n)
        var otherKeys = [UInt64](repeating: 0, count: n)
        for p in 0..<passes {
            let shift = UInt64(p * digitBits)
            // A digit shared by every key moves nothing.
            let first = Int((keys[0] >> shift) & mask)
            if counts[p * buckets + first] == n { continue }
            counts.withUnsafeMutableBufferPointer { counts in
                var sum = 0
                for b in 0..<buckets {
                    let c = counts[p * buckets + b]
                    counts[p * buckets + b] = sum
                    sum += c
                }
                keys.withUnsafeBufferPointer { keys in
                    items.withUnsafeBufferPointer { items in
                        otherKeys.withUnsafeMutableBufferPointer { outKeys in
                            otherItems.withUnsafeMutableBufferPointer { outItems in
                                for i in 0..<n {
                                    let k = keys[i]
                                    let slot = p * buckets + Int((k >> shift) & mask)
                                    let at = counts[slot]
                                    counts[slot] = at + 1
                                    outKeys[at] = k
                                    outItems[at] = items[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&items, &otherItems)
            swap(&keys, &otherKeys)
        }
    }

    /// A key whose ascending order is the descending order of doubles (not
    /// NaN) by `>`: −0.0 and +0.0 share a key, as they are equal.
    @inline(__always)
    static func descendingKey(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0.0 : x).bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        return ~ascending
    }
}

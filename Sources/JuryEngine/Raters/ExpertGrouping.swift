/// Values of a stage's sheets, given in row order, regrouped by expert:
/// expert e's values go to `out[expertStart[e] ..< filled[e]]`, in the order
/// given. A direct scatter writes each value to one of as many places as
/// there are experts, one cache line each, and with tens of thousands of
/// experts those lines no longer stay in cache. So, as in a two-pass radix
/// partition (Knuth, "The Art of Computer Programming", vol. 3, 5.2.5;
/// cache-conscious partitioning after Manegold, Boncz & Kersten 2000,
/// "What happens during a join?"), values are first appended to the block of
/// `blockSize` experts they belong to, few places at a time, and then each
/// block is scattered to its experts while their lines stay in cache. Both
/// passes keep the order given, so the result is that of the direct scatter.
/// With at most `blockSize` experts the values are scattered directly.
struct ExpertGrouping: ~Copyable {
    static let blockBits = 12
    static let blockSize = 1 << blockBits

    private let expertStart: UnsafeBufferPointer<Int32>
    private let blocked: Bool
    private var value: UnsafeMutablePointer<Double>
    private var expert: UnsafeMutablePointer<Int32>
    /// Each block's first place in `value` and `expert`, and its next free one.
    private let start: [Int]
    private let next: UnsafeMutableBufferPointer<Int>

    /// - Parameters:
    ///   - expertStart: the first place of each expert's values, and the count (`StageSheets.expertStart`);
    ///     valid while the grouping is used.
    init(expertStart: UnsafeBufferPointer<Int32>) {
        self.expertStart = expertStart
        let experts = expertStart.count - 1
        blocked = experts > Self.blockSize
        let count = blocked ? Int(expertStart[experts]) : 0
        value = .allocate(capacity: max(count, 1))
        expert = .allocate(capacity: max(count, 1))
        let blocks = blocked ? (experts + Self.blockSize - 1) / Self.blockSize : 0
        start = (0..<blocks).map { Int(expertStart[$0 * Self.blockSize]) }
        next = .allocate(capacity: max(blocks, 1))
        _ = next.initialize(from: start)
    }

    deinit {
        value.deallocate()
        expert.deallocate()
        next.deallocate()
    }

    /// Starts a new grouping: `filled[e] = expertStart[e]`.
    mutating func reset(filled: UnsafeMutableBufferPointer<Int32>) {
        for e in filled.indices { filled[e] = expertStart[e] }
        for b in start.indices { next[b] = start[b] }
    }

    /// Adds expert e's next value.
    @inline(__always)
    mutating func add(_ v: Double, expert e: Int, out: UnsafeMutablePointer<Double>,
                      filled: UnsafeMutableBufferPointer<Int32>) {
        if blocked {
            let b = e >> Self.blockBits
            let p = next[b]
            next[b] = p + 1
            value[p] = v
            expert[p] = Int32(e)
        } else {
            out[Int(filled[e])] = v
            filled[e] += 1
        }
    }

    /// Writes the blocks' values to their experts' places.
    mutating func finish(out: UnsafeMutablePointer<Double>, filled: UnsafeMutableBufferPointer<Int32>) {
        guard blocked else { return }
        for b in start.indices {
            for p in start[b] ..< next[b] {
                let e = Int(expert[p])
                out[Int(filled[e])] = value[p]
                filled[e] += 1
            }
        }
    }
}

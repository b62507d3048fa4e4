/// The median of the other values of a small group (a course's sheet totals)
/// for each member, from the group's values sorted once.
///
/// With s_0 ≤ … ≤ s_{k−1} the sorted values of the group and x one member's
/// value, the others are s less one copy of x (the first s_j == x); with
/// m = k − 1 of them, indexed o_0 … o_{m−1}:
///
///     median(others) = o_{m/2}                       (m odd)
///                    = (o_{m/2 − 1} + o_{m/2}) / 2   (m even)
///
/// which is the ordinary median (Tukey 1977, "Exploratory Data Analysis",
/// ch. 2) of the others without sorting them again. Which copy of an equal
/// value is dropped does not change the others as a multiset, so the result
/// is the median of "every value but this member's".
///
/// The sort is a straight insertion sort for groups under 64 values, with
/// exactly the comparisons and exchanges of the standard library's `sort()`
/// for such sizes (its stable sort starts with an insertion sort below 64
/// elements), so the sorted values, and every median taken from them, are
/// the same bit for bit as `Array.sort()` gives, even for NaN or −0.0;
/// larger groups use the standard library's sort itself.
struct OthersMedian: ~Copyable {
    /// Sorted values of the current group; capacity grows to the largest group.
    private var sorted: UnsafeMutableBufferPointer<Double>
    private(set) var count = 0

    init(capacity: Int) {
        sorted = .allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { sorted.deallocate() }

    /// Takes the values of a new group: `value(i)` for i in 0..<k.
    @inline(__always)
    mutating func load(count k: Int, value: (Int) -> Double) {
        if k > sorted.count {
            sorted.deallocate()
            sorted = .allocate(capacity: k)
        }
        count = k
        let s = sorted.baseAddress.unsafelyUnwrapped
        for i in 0..<k { s[i] = value(i) }
        if k < 64 {
            Self.insertionSort(s, count: k)
        } else {
            var all = UnsafeMutableBufferPointer(start: s, count: k)
            all.sort()
        }
    }

    /// The median of the group's values less one copy of `x` (count ≥ 2).
    @inline(__always)
    func median(excluding x: Double) -> Double {
        let s = sorted.baseAddress.unsafelyUnwrapped
        var skip = 0
        for i in 0..<count where s[i] == x {
            skip = i
            break
        }
        @inline(__always) func other(_ i: Int) -> Double { s[i < skip ? i : i + 1] }
        let m = count - 1
        return m % 2 == 1 ? other(m / 2) : (other(m / 2 - 1) + other(m / 2)) / 2
    }

    /// Sorts `s[0..<k]` ascending by `<`: insertion by adjacent exchanges,
    /// the standard library's algorithm for fewer than 64 elements.
    @inline(__always)
    static func insertionSort(_ s: UnsafeMutablePointer<Double>, count k: Int) {
        var end = 1
        while end < k {
            var i = end
            while i > 0 {
                let a = s[i], b = s[i - 1]
                guard a < b else { break }
                s[i] = b
                s[i - 1] = a
                i -= 1
            }
            end += 1
        }
    }
}

/// The median of a few hundred numbers by quickselect with three-way
/// partitions that compile without branches on the data (Hoare 1961,
/// "Algorithm 65: FIND"; the three-way split of equal keys after Bentley &
/// McIlroy 1993, "Engineering a Sort Function"): each level moves the
/// numbers below the pivot to the front, then those equal to it, by
/// exchanges whose target advances by the comparison's 0 or 1, so a
/// comparison's outcome is never a branch to mispredict, and a run of equal
/// numbers ends the search at once.
///
/// Without NaN and −0.0 equal numbers are equal in every bit, so the k-th
/// smallest is one bit pattern whichever algorithm finds it, and the result
/// is that of `OutlierRatings.median`: the k-th smallest, k = ⌊n/2⌋, and for
/// even n the mean of it and the largest of the k smaller ones.
enum ThreeWaySelect {
    /// Whether `values` may be given to `median`: no NaN and no −0.0.
    static func accepts(_ values: UnsafeMutableBufferPointer<Double>) -> Bool {
        for v in values where v.isNaN || (v == 0 && v.sign == .minus) { return false }
        return true
    }

    /// The median of `values` (count ≥ 1, `accepts(values)`). Reorders `values`.
    static func median(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let a = values.baseAddress.unsafelyUnwrapped
        let n = values.count, k = n / 2
        let high = select(a, count: n, k)
        if n % 2 == 1 { return high }
        // The k smallest are now a[..<k].
        var low = -Double.infinity
        for i in 0..<k where a[i] > low { low = a[i] }
        return (low + high) / 2
    }

    /// The k-th smallest of a[0..<count]; afterwards a[..<k] holds the k smallest.
    static func select(_ a: UnsafeMutablePointer<Double>, count: Int, _ k: Int) -> Double {
        var lo = 0, hi = count
        while hi - lo > 1 {
            let x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1]
            let pivot = max(min(x, y), min(max(x, y), z))
            var less = lo
            for i in lo..<hi {
                let v = a[i]
                a[i] = a[less]
                a[less] = v
                less += v < pivot ? 1 : 0
            }
            if k < less {
                hi = less
                continue
            }
            var equal = less
            for i in less..<hi {
                let v = a[i]
                a[i] = a[equal]
                a[equal] = v
                equal += v == pivot ? 1 : 0
            }
            if k < equal { return pivot }
            lo = equal
        }
        return a[k]
    }
}

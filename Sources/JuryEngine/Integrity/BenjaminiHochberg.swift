/// Benjamini–Hochberg false discovery rate control (Benjamini & Hochberg
/// 1995, "Controlling the false discovery rate: a practical and powerful
/// approach to multiple testing", JRSS B 57:289–300,
/// doi:10.1111/j.2517-6161.1995.tb02031.x).
///
/// With the m p-values sorted, p_(1) ≤ … ≤ p_(m), the adjusted p-value
/// (q-value) of the test of rank i is
///
///     q_(i) = min_{j ≥ i} min(1, m · p_(j) / j),
///
/// and rejecting every test with q ≤ α is the step-up procedure of the paper
/// at level α. Equal p-values get equal q-values. Agrees with R's
/// `p.adjust(p, method = "BH")` and SciPy's `false_discovery_control`.
///
/// Complexity: O(k log k) for the k p-values given.
public enum BenjaminiHochberg {
    /// The q-values of `p`, in the order given.
    ///
    /// - Parameter familySize: m, the number of tests in the family, when
    ///   `p` holds only the smallest of them (every p-value of the family
    ///   that is not given must be at least as large as every one given).
    ///   The q-values of the given tests are then exact wherever they are at
    ///   most the largest p-value left out, which is all a decision at a level
    ///   α needs when the p-values above α are the ones left out (a q-value
    ///   is never below its p-value). nil = `p.count`.
    public static func adjusted(_ p: [Double], familySize: Int? = nil) -> [Double] {
        let m = Double(familySize ?? p.count)
        precondition(m >= Double(p.count), "the family holds at least the tests given")
        let order = p.indices.sorted { (p[$0], $0) < (p[$1], $1) }
        var q = [Double](repeating: 1, count: p.count)
        var running = 1.0
        for rank in stride(from: order.count, through: 1, by: -1) {
            let i = order[rank - 1]
            running = min(running, m * p[i] / Double(rank))
            q[i] = running
        }
        return q
    }
}

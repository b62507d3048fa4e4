/// The Schulze method (M. Schulze 2011, "A new monotonic, clone-independent,
/// reversal symmetric, and Condorcet-consistent single-winner election
/// method", Social Choice and Welfare 36:267–303, doi:10.1007/s00355-010-0475-4),
/// with winning votes as the link strength.
///
/// - d[x][y]: the number of ballots that prefer x to y.
/// - The link x → y exists when d[x][y] > d[y][x] and has strength d[x][y].
///   A path's strength is its weakest link; p[x][y] is the strength of the
///   strongest path from x to y, 0 when there is none.
/// - x beats y when p[x][y] > p[y][x]. This relation is transitive (Schulze
///   2011, §4.1), so it is a strict partial order; it is complete when no two
///   paths tie, e.g. when there are no pairwise ties in d.
public enum SchulzeMethod {
    /// Runs the Schulze method in one unit.
    ///
    /// Ballots are weak orders (see `Ballot`): on a ranked ballot the unranked
    /// candidates are below every ranked one and equal among themselves (the
    /// spec's rule, and Schulze's own reading of a partial ballot); an approval ballot puts its approved
    /// candidates, equal among themselves, above the others, so it counts for
    /// each approved candidate against each one not approved and for no pair
    /// inside either set.
    ///
    /// Strongest paths by the Floyd–Warshall variant of Schulze 2011 §2.3:
    /// p[x][y] = d[x][y] if d[x][y] > d[y][x] else 0; then for each i, for
    /// each j ≠ i, k ∉ {i, j}: p[j][k] = max(p[j][k], min(p[j][i], p[i][k])).
    ///
    /// Tally: the number of candidates x beats. Order: the partial order in
    /// layers — the first group holds the candidates nobody beats (the set of
    /// potential winners, x with p[x][y] ≥ p[y][x] for every y), the next those
    /// beaten only by candidates of earlier groups, and so on. So x beats y
    /// implies x's group comes first, and candidates in one group are not
    /// ordered; when the relation is complete every group is a single
    /// candidate and the order is the Schulze ranking. When it is not, two
    /// candidates in different groups may still be unordered, and the tally
    /// need not fall along the order (a candidate that beats no one and no one
    /// beats is a potential winner with tally 0).
    ///
    /// Edge cases: no ballots — d and p all 0, nobody beats anybody, one tie
    /// group; one candidate — d = p = [[0]], one group; a Condorcet cycle whose
    /// links are equally strong — every p equal, one group; no candidates —
    /// empty order.
    ///
    /// - Complexity: O(B·n² + n³) for B ballots and n candidates.
    public static func tally(_ box: BallotBox) -> VoteTally {
        let n = box.candidateCount
        let d = pairwisePreferences(box)
        let p = strongestPaths(d, n: n)
        var beats = [Int](repeating: 0, count: n)
        for x in 0..<n {
            for y in 0..<n where p[x * n + y] > p[y * n + x] { beats[x] += 1 }
        }
        let rows = { (m: [Int]) in (0..<n).map { Array(m[$0 * n ..< ($0 + 1) * n]) } }
        return VoteTally(method: .schulze, candidates: box.candidates, ballotCount: box.ballots.count,
                         tally: beats.map(Double.init), order: layers(p, n: n),
                         evidence: .schulze(d: rows(d), p: rows(p)))
    }

    /// d, row-major n × n: d[x·n + y] = number of ballots preferring x to y.
    /// Complexity: O(B·n²).
    static func pairwisePreferences(_ box: BallotBox) -> [Int] {
        let n = box.candidateCount
        var d = [Int](repeating: 0, count: n * n)
        // level[c]: preference group of c on the current ballot, lower = better;
        // unmarked candidates share the level after the last group.
        var level = [Int](repeating: 0, count: n)
        d.withUnsafeMutableBufferPointer { d in
            for ballot in box.ballots {
                let groups = ballot.groupRanges
                for c in 0..<n { level[c] = groups.count }
                for (g, range) in groups.enumerated() {
                    for mark in ballot.marks[range] { level[mark.candidate] = g }
                }
                for x in 0..<n {
                    for y in 0..<n where level[x] < level[y] { d[x * n + y] += 1 }
                }
            }
        }
        return d
    }

    /// p, row-major n × n, by the Floyd–Warshall variant. Complexity: O(n³).
    static func strongestPaths(_ d: [Int], n: Int) -> [Int] {
        var p = [Int](repeating: 0, count: n * n)
        p.withUnsafeMutableBufferPointer { p in
            for x in 0..<n {
                for y in 0..<n where x != y && d[x * n + y] > d[y * n + x] {
                    p[x * n + y] = d[x * n + y]
                }
            }
            for i in 0..<n {
                for j in 0..<n where j != i {
                    let ji = p[j * n + i]
                    guard ji > 0 else { continue }
                    for k in 0..<n where k != i && k != j {
                        let through = min(ji, p[i * n + k])
                        if through > p[j * n + k] { p[j * n + k] = through }
                    }
                }
            }
        }
        return p
    }

    /// The beats relation in layers: each group is the set of remaining
    /// candidates that no remaining candidate beats. Complexity: O(n³).
    static func layers(_ p: [Int], n: Int) -> [[Int]] {
        var remaining = Array(0..<n)
        var groups: [[Int]] = []
        while !remaining.isEmpty {
            let group = remaining.filter { y in
                !remaining.contains { x in p[x * n + y] > p[y * n + x] }
            }
            // Non-empty because the relation is acyclic (Schulze 2011, §4.1).
            precondition(!group.isEmpty, "the Schulze relation has a cycle")
            groups.append(group)
            remaining.removeAll { group.contains($0) }
        }
        return groups
    }
}

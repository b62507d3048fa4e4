/// Reciprocity and collusion rings: the directed cycles of the favours graph
/// (`FavourEdge`: A → B when expert A favours the courses of author B).
///
/// A cycle of length 2 is a mutual pair (`reciprocity`); longer ones, up to
/// `ring_max_length`, are rings (`ring`). Each simple cycle is reported once,
/// in its canonical rotation: starting at its smallest node, then following
/// the edges. The enumeration is a depth-first search from each node s that
/// visits only nodes greater than s (so the cycle through s is found only
/// from its smallest node) and stops at the maximum length — the bounded
/// form of Johnson's (1975, "Finding all the elementary circuits of a
/// directed graph", SIAM J. Comput. 4:77–84, doi:10.1137/0204007) idea of
/// rooting each circuit at its least vertex.
///
/// Complexity: O(V · d^(L−1)) for V nodes of out-degree at most d and
/// maximum length L; the favours graph is sparse (an edge needs a strong
/// excess), so this is small.
public enum FavourCycles {
    /// Every simple directed cycle with 2 ≤ length ≤ `maxLength`, as node
    /// lists in canonical rotation, ordered by their node lists.
    ///
    /// Self-loops and repeated edges are ignored.
    public static func cycles(edges: [(from: Int32, to: Int32)], maxLength: Int) -> [[Int32]] {
        guard maxLength >= 2 else { return [] }
        var adjacency: [Int32: [Int32]] = [:]
        for (a, b) in edges where a != b { adjacency[a, default: []].append(b) }
        for key in adjacency.keys { adjacency[key] = Array(Set(adjacency[key] ?? [])).sorted() }
        var out: [[Int32]] = []
        var path: [Int32] = []
        var onPath = Set<Int32>()
        func extend(_ start: Int32, _ node: Int32) {
            for next in adjacency[node] ?? [] {
                if next == start {
                    if path.count >= 2 { out.append(path) }
                } else if next > start && !onPath.contains(next) && path.count < maxLength {
                    path.append(next)
                    onPath.insert(next)
                    extend(start, next)
                    onPath.remove(next)
                    path.removeLast()
                }
            }
        }
        for start in adjacency.keys.sorted() {
            path = [start]
            onPath = [start]
            extend(start, start)
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `reciprocity` flags for the mutual pairs and `ring` flags for the
    /// cycles of length 3 … `maxLength`, each with the evidence of every edge.
    ///
    /// effect = the smallest edge effect (the weakest link); p = the largest
    /// edge p-value, the intersection–union test that every edge is real
    /// (Berger 1982, "Multiparameter hypothesis testing and acceptance
    /// sampling", Technometrics 24:295–300, doi:10.2307/1267823); q is null
    /// (the cycle is not a member of the Benjamini–Hochberg family).
    public static func flags(edges: [FavourEdge], maxLength: Int) -> [IntegrityFlag] {
        var byPair: [Int64: FavourEdge] = [:]
        for e in edges { byPair[Int64(e.from) << 32 | Int64(e.to)] = e }
        return cycles(edges: edges.map { ($0.from, $0.to) }, maxLength: max(2, maxLength)).compactMap { cycle in
            let path: [FavourEdge] = cycle.indices.compactMap { i in
                byPair[Int64(cycle[i]) << 32 | Int64(cycle[(i + 1) % cycle.count])]
            }
            guard path.count == cycle.count else { return nil }
            var moocs: [Int32] = []
            for e in path {
                for s in e.sheets where !moocs.contains(s.course) { moocs.append(s.course) }
            }
            return IntegrityFlag(kind: cycle.count == 2 ? .reciprocity : .ring, severity: .high, experts: cycle,
                                 moocs: moocs, authors: cycle, effect: path.map(\.effect).min(),
                                 pValue: path.map(\.pValue).max(), qValue: nil, recused: false,
                                 evidence: .cycle(edges: path))
        }
    }
}

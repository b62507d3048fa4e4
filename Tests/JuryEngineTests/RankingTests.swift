import Testing
@testable import JuryEngine

@Suite("Ranking")
struct RankingTests {
    static func column(_ ids: [String]) -> TextColumn {
        var column = TextColumn()
        for id in ids { column.append(id) }
        return column
    }

    static func candidate(_ course: Int32, score: Double, median: Double, min: Double = 0, sheets: Int = 3) -> Ranking.Candidate {
        Ranking.Candidate(course: course, score: score,
                          sheets: CourseScore(course: course, sheets: sheets, score: score, mean: score,
                                              median: median, min: min, max: 10))
    }

    @Test("a tie broken by median, then by lot; the lot recorded only where the chain reached it")
    func lotReachedOrNot() {
        let ids = Self.column(["c", "a", "d", "b", "e"])
        let candidates = [
            Self.candidate(0, score: 10, median: 5),
            Self.candidate(1, score: 10, median: 5),
            Self.candidate(2, score: 10, median: 4),
            Self.candidate(3, score: 9, median: 1),
            Self.candidate(4, score: 12, median: 0),
        ]
        let entries = Ranking.rank(candidates, ids: ids, chain: [.median, .lot], seed: 7, criterionMean: { _, _ in 0 })
        let lotC = Ranking.lotDraw(seed: 7, id: "c"), lotA = Ranking.lotDraw(seed: 7, id: "a")
        #expect(lotC != lotA)
        let (first, second): (Int32, Int32) = lotC > lotA ? (0, 1) : (1, 0)
        #expect(entries.map(\.course) == [4, first, second, 2, 3])
        #expect(entries.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(entries.map(\.tieBreak) == [nil, "score", "lot", "median", "score"])
        #expect(entries[1].lot == Ranking.lotDraw(seed: 7, id: ids[Int(first)]))
        #expect(entries[2].lot == Ranking.lotDraw(seed: 7, id: ids[Int(second)]))
        // "d" is separated by the median: its lot was never drawn on.
        #expect(entries[3].lot == nil)
        #expect(entries[0].lot == nil && entries[4].lot == nil)
    }

    @Test("entries equal on the whole chain share a rank (1224) and are listed by id")
    func sharedRanks() {
        let ids = Self.column(["b", "a", "c", "d"])
        let candidates = [
            Self.candidate(0, score: 8, median: 5),
            Self.candidate(1, score: 8, median: 5),
            Self.candidate(2, score: 9, median: 5),
            Self.candidate(3, score: 8, median: 4),
        ]
        let entries = Ranking.rank(candidates, ids: ids, chain: [.median], seed: 0, criterionMean: { _, _ in 0 })
        #expect(entries.map(\.course) == [2, 1, 0, 3])
        #expect(entries.map(\.rank) == [1, 2, 2, 4])
        #expect(entries.map(\.tieBreak) == [nil, "score", nil, "median"])
        #expect(entries.allSatisfy { $0.lot == nil })
    }

    @Test("ASCII ids order as bytes the way String < orders them; others as strings")
    func idOrder() {
        var g = SeededGenerator(seed: 4)
        let letters = Array("aAb0_-Z~ ".utf8)
        func places(_ order: IdOrder, _ count: Int) -> [Int] {
            var byPlace = [Int](repeating: -1, count: count)
            for i in 0..<count { byPlace[Int(order.rank(i))] = i }
            return byPlace
        }
        for _ in 0..<50 {
            let ids = (0..<30).map { _ in
                String(decoding: (0..<Int.random(in: 0...3, using: &g)).map { _ in letters[Int.random(in: 0..<letters.count, using: &g)] },
                       as: UTF8.self)
            }
            let candidates = (0..<Int32(ids.count)).shuffled(using: &g).map { Ranking.Candidate(course: $0, score: 0, sheets: nil) }
            let order = IdOrder(candidates, ids: Self.column(ids))
            let expected = (0..<candidates.count).sorted { ids[Int(candidates[$0].course)] < ids[Int(candidates[$1].course)] }
            #expect(places(order, candidates.count) == expected)
            #expect((order.byId ?? (0..<Int32(candidates.count)).map { $0 }).map(Int.init) == expected)
        }
        // Not ASCII: "é" written composed and decomposed are equal strings, so by
        // position; both come after "f" (U+00E9 > U+0066).
        let ids = ["e\u{301}", "é", "f", "e"]
        let order = IdOrder((0..<4).map { Ranking.Candidate(course: $0, score: 0, sheets: nil) }, ids: Self.column(ids))
        #expect(places(order, 4) == [3, 2, 0, 1])
        #expect(places(order, 4) == (0..<4).sorted { ids[$0] < ids[$1] })
        // Already in order: no table.
        let sorted = IdOrder((0..<3).map { Ranking.Candidate(course: $0, score: 0, sheets: nil) }, ids: Self.column(["a", "ab", "b"]))
        #expect(sorted.byId == nil)
        #expect(places(sorted, 3) == [0, 1, 2])
    }

    @Test("id order checks split over ranges: a step down or a non-ASCII id at a range's edge is seen")
    func idOrderAcrossRanges() {
        let n = 3 * IdOrder.candidatesPerRange + 17
        var ids = (0..<n).map { "c" + String(repeating: "0", count: 7 - String($0).count) + String($0) }
        let inOrder = (0..<Int32(n)).map { Ranking.Candidate(course: $0, score: 0, sheets: nil) }
        #expect(IdOrder(inOrder, ids: Self.column(ids)).byId == nil)
        // The first candidate of the second range is out of step with the last of the first.
        let split = Concurrently.ranges(n, minimum: IdOrder.candidatesPerRange)
        #expect(split.count > 1)
        let edge = split[1].lowerBound
        var swapped = inOrder
        swapped.swapAt(edge - 1, edge)
        let order = IdOrder(swapped, ids: Self.column(ids))
        #expect(order.byId != nil)
        #expect(order.rank(edge) == Int32(edge - 1))
        #expect(order.rank(edge - 1) == Int32(edge))
        // Non-ASCII ids in the last range only: "é" decomposed, then composed,
        // ascend as bytes but are equal strings, so only the string order
        // (taken when some id is not ASCII) finds them out of step.
        ids[n - 2] = "de\u{301}"
        ids[n - 1] = "d\u{E9}"
        let strings = IdOrder(inOrder, ids: Self.column(ids))
        #expect(strings.byId != nil)
        #expect(strings.rank(0) == 0)
    }

    @Test("the ranking equals the straightforward sort on random ties (small and large groups, NaN)")
    func matchesReference() {
        var g = SeededGenerator(seed: 17)
        let chains: [[TieBreakRule]] = [
            [.median, .min], [.lot], [.median, .lot], [.criterion(key: "a", index: 0), .count, .lot], [], [.max, .lot, .median],
        ]
        for round in 0..<40 {
            // Every tenth round: more distinct scores than a counting sort takes, and one large tie.
            let many = round % 10 == 9
            let n = many ? 9000 : Int.random(in: 1...400, using: &g)
            let nonASCII = round % 5 == 4
            let ids = (0..<n).map { i in nonASCII && i % 7 == 0 ? "é\(Int.random(in: 0..<1000, using: &g))" : "m\(Int.random(in: 0..<100_000, using: &g))" }
            let withNaN = round % 8 == 7
            let distinct = Int.random(in: 1...6, using: &g)
            var candidates: [Ranking.Candidate] = []
            var sheetsOf: [Int32: CourseScore] = [:]
            for c in 0..<n {
                var score = many && c % 2 == 1 ? Double(c) : Double(Int.random(in: 0..<distinct, using: &g))
                if withNaN && Int.random(in: 0..<20, using: &g) == 0 { score = .nan }
                if score == 0 && c % 2 == 0 { score = -0.0 }
                let median = Double(Int.random(in: 0...2, using: &g))
                let sheets = CourseScore(course: Int32(c), sheets: Int.random(in: 1...3, using: &g), score: score, mean: score,
                                         median: median, min: Double(Int.random(in: 0...1, using: &g)), max: 4)
                candidates.append(Ranking.Candidate(course: Int32(c), score: score, sheets: sheets))
                sheetsOf[Int32(c)] = sheets
            }
            candidates.shuffle(using: &g)
            let means = (0..<n).map { _ in Double(Int.random(in: 0...3, using: &g)) }
            let mean: (Int32, Int) -> Double = { course, _ in withNaN && course % 11 == 0 ? .nan : means[Int(course)] }
            for chain in chains {
                let got = Ranking.rank(candidates, ids: Self.column(ids), chain: chain, seed: 99, criterionMean: mean)
                let want = ReferenceRanking.rank(candidates, sheets: { sheetsOf[$0] }, ids: ids, chain: chain, seed: 99,
                                                 criterionMean: mean)
                #expect(got.map(\.course) == want.map(\.course), "round \(round), chain \(chain)")
                #expect(got.map(\.rank) == want.map(\.rank))
                #expect(got.map(\.tieBreak) == want.map(\.tieBreak))
                #expect(got.map { $0.lot?.bitPattern } == want.map { $0.lot?.bitPattern })
            }
        }
    }
}

/// The ranking as first written: ids as strings, one comparison sort by
/// score, each group of equal scores sorted by its chain keys.
private enum ReferenceRanking {
    static func rank(_ candidates: [Ranking.Candidate], sheets: (Int32) -> CourseScore?, ids: [String], chain: [TieBreakRule],
                     seed: UInt64, criterionMean: (Int32, Int) -> Double) -> [RankedEntry] {
        let n = candidates.count
        let id = candidates.map { ids[Int($0.course)] }
        let byId = (0..<n).sorted { id[$0] < id[$1] }
        var idRank = [Int](repeating: 0, count: n)
        for (p, c) in byId.enumerated() { idRank[c] = p }
        var order = Array(0..<n)
        order.sort {
            let a = candidates[$0].score, b = candidates[$1].score
            if a != b { return a > b }
            return idRank[$0] < idRank[$1]
        }
        var out: [RankedEntry] = []
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && candidates[order[j]].score == candidates[order[i]].score { j += 1 }
            let first: String? = i == 0 ? nil : "score"
            let group = Array(order[i..<j])
            let allHaveSheets = group.allSatisfy { sheets(candidates[$0].course) != nil }
            let rules = chain.indices.filter { !chain[$0].usesSheets || allHaveSheets }
            let keys: [[Double]] = group.map { c in
                rules.map { r -> Double in
                    let s = sheets(candidates[c].course)
                    switch chain[r] {
                    case .median: return s?.median ?? 0
                    case .min: return s?.min ?? 0
                    case .max: return s?.max ?? 0
                    case .count: return Double(s?.sheets ?? 0)
                    case .criterion(_, let index): return criterionMean(candidates[c].course, index)
                    case .lot: return Ranking.lotDraw(seed: seed, id: id[c])
                    }
                }
            }
            var local = Array(group.indices)
            local.sort { a, b in
                for r in rules.indices where keys[a][r] != keys[b][r] { return keys[a][r] > keys[b][r] }
                return idRank[group[a]] < idRank[group[b]]
            }
            let lotIndex = rules.firstIndex { chain[$0] == .lot }
            var rank = i + 1
            for (p, g) in local.enumerated() {
                var tieBreak = first
                if p > 0 {
                    if let r = rules.indices.first(where: { keys[local[p - 1]][$0] != keys[g][$0] }) {
                        tieBreak = chain[rules[r]].description
                        rank = i + 1 + p
                    } else {
                        tieBreak = nil
                    }
                }
                var lot: Double?
                if let li = lotIndex, group.count > 1 {
                    func reaches(_ q: Int) -> Bool { (0..<li).allSatisfy { keys[q][$0] == keys[g][$0] } }
                    if (p > 0 && reaches(local[p - 1])) || (p + 1 < local.count && reaches(local[p + 1])) {
                        lot = keys[g][li]
                    }
                }
                out.append(RankedEntry(course: candidates[group[g]].course, rank: rank, tieBreak: tieBreak, lot: lot))
            }
            i = j
        }
        return out
    }
}

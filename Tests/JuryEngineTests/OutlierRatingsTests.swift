import Testing
@testable import JuryEngine

@Suite("OutlierRatings")
struct OutlierRatingsTests {
    /// The median of `values` less the one at `index`, by sorting them.
    static func medianOfOthers(_ values: [Double], excluding index: Int) -> Double {
        var others = values
        others.remove(at: index)
        others.sort()
        let m = others.count
        return m % 2 == 1 ? others[m / 2] : (others[m / 2 - 1] + others[m / 2]) / 2
    }

    @Test("median of the others matches the definition for groups of 2…8 values with ties")
    func othersMedianSmallGroups() {
        var g = SeededGenerator(seed: 11)
        var group = OthersMedian(capacity: 2)
        for k in 2...8 {
            for _ in 0..<400 {
                // Few distinct values, so that most groups hold equal totals.
                let values = (0..<k).map { _ in Double(Int.random(in: 0...4, using: &g)) * 2.5 }
                group.load(count: k) { values[$0] }
                for i in 0..<k {
                    #expect(group.median(excluding: values[i]) == Self.medianOfOthers(values, excluding: i),
                            "values \(values), sheet \(i)")
                }
            }
        }
    }

    @Test("hand-worked medians of the others")
    func othersMedianByHand() {
        var group = OthersMedian(capacity: 1)
        let values: [Double] = [7, 3, 7, 10]
        group.load(count: 4) { values[$0] }
        // Others of 7: 3, 7, 10 → 7; of 3: 7, 7, 10 → 7; of 10: 3, 7, 7 → 7.
        #expect(group.median(excluding: 7) == 7)
        #expect(group.median(excluding: 3) == 7)
        #expect(group.median(excluding: 10) == 7)
        let five: [Double] = [1, 2, 3, 4, 100]
        group.load(count: 5) { five[$0] }
        // Others of 1: 2, 3, 4, 100 → 3.5; of 100: 1, 2, 3, 4 → 2.5.
        #expect(group.median(excluding: 1) == 3.5)
        #expect(group.median(excluding: 100) == 2.5)
        #expect(group.median(excluding: 3) == 3)
        let two: [Double] = [4, 9]
        group.load(count: 2) { two[$0] }
        #expect(group.median(excluding: 4) == 9)
        #expect(group.median(excluding: 9) == 4)
    }

    @Test("a large group (past the insertion sort) gives the definition's medians")
    func othersMedianLargeGroup() {
        var g = SeededGenerator(seed: 5)
        var group = OthersMedian(capacity: 4)
        for k in [63, 64, 65, 100] {
            let values = (0..<k).map { _ in Double(Int.random(in: 0...30, using: &g)) }
            group.load(count: k) { values[$0] }
            for i in 0..<k { #expect(group.median(excluding: values[i]) == Self.medianOfOthers(values, excluding: i)) }
        }
    }

    @Test("the small sort leaves the same bits as Array.sort(), NaN and −0.0 included")
    func insertionSortMatchesStandardSort() {
        var g = SeededGenerator(seed: 3)
        let pool: [Double] = [.nan, -0.0, 0.0, 1, 1, 2, -3, .infinity, -.infinity, 0.5]
        for k in 0..<64 {
            for _ in 0..<50 {
                let values = (0..<k).map { _ in pool[Int.random(in: 0..<pool.count, using: &g)] }
                var expected = values
                expected.sort()
                var got = values
                got.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { OthersMedian.insertionSort(base, count: k) } }
                #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "values \(values)")
            }
        }
    }

    @Test("median by selection equals the median of the sorted values")
    func medianBySelection() {
        var g = SeededGenerator(seed: 9)
        for n in 1...40 {
            let values = (0..<n).map { _ in Double(Int.random(in: -5...5, using: &g)) / 4 }
            let s = values.sorted()
            let expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
            var work = values
            #expect(OutlierRatings.median(&work) == expected)
        }
    }

    @Test("radix selection gives the median of the sorted values (duplicates, zeros, large and tiny numbers)")
    func radixSelection() {
        var g = SeededGenerator(seed: 13)
        let sizes = [1, 2, 3, 4, 63, 64, 65, 66, 1000, 1001, 20_000, 20_001]
        for n in sizes {
            for kind in 0..<4 {
                let values: [Double] = (0..<n).map { _ in
                    switch kind {
                    case 0: Double(Int.random(in: 0...3, using: &g)) * 0.25            // few values
                    case 1: Double(Int.random(in: 0...200, using: &g)) / 8             // a lattice
                    case 2: Double.random(in: 0..<1e-300, using: &g)                   // tiny
                    default: Int.random(in: 0..<10, using: &g) == 0 ? .infinity : Double.random(in: 0..<1e6, using: &g)
                    }
                }
                let s = values.sorted()
                let expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
                var work = values
                let got = work.withUnsafeMutableBufferPointer { RadixSelect.medianOfNonNegative($0) }
                #expect(got.bitPattern == expected.bitPattern, "n \(n), kind \(kind)")
                var quick = values
                #expect(OutlierRatings.median(&quick).bitPattern == expected.bitPattern)
            }
        }
    }

    @Test("three-way selection gives the median of the sorted values (runs of equal values, 1…300 numbers)")
    func threeWaySelection() {
        var g = SeededGenerator(seed: 19)
        for n in 1...300 {
            for kind in 0..<3 {
                let values: [Double] = (0..<n).map { _ in
                    switch kind {
                    case 0: Double(Int.random(in: -2...2, using: &g)) * 0.5             // long runs of equal values
                    case 1: Double(Int.random(in: -100...100, using: &g)) / 4
                    default: Double.random(in: -1e3..<1e3, using: &g)
                    }
                }.map { $0 == 0 ? 0 : $0 }                                                // no −0.0
                let s = values.sorted()
                let expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
                var work = values
                let got = work.withUnsafeMutableBufferPointer { ThreeWaySelect.median($0) }
                #expect(got.bitPattern == expected.bitPattern, "n \(n), kind \(kind)")
            }
        }
        var signed: [Double] = [1, -0.0, 2]
        #expect(!signed.withUnsafeMutableBufferPointer { ThreeWaySelect.accepts($0) })
        var nan: [Double] = [1, .nan]
        #expect(!nan.withUnsafeMutableBufferPointer { ThreeWaySelect.accepts($0) })
    }

    @Test("grouping by expert keeps each expert's values in the order given, in blocks or directly")
    func expertGrouping() {
        var g = SeededGenerator(seed: 23)
        for experts in [3, ExpertGrouping.blockSize, ExpertGrouping.blockSize + 1, 3 * ExpertGrouping.blockSize + 17] {
            let rows = 4 * experts
            let owner = (0..<rows).map { _ in Int.random(in: 0..<experts, using: &g) }
            var start = [Int32](repeating: 0, count: experts + 1)
            for e in owner { start[e + 1] += 1 }
            for e in 0..<experts { start[e + 1] += start[e] }
            // Some rows give no value, as a NaN deviation is left out.
            let given = (0..<rows).filter { _ in Int.random(in: 0..<5, using: &g) != 0 }
            var expected = [[Double]](repeating: [], count: experts)
            for r in given { expected[owner[r]].append(Double(r)) }
            var out = [Double](repeating: -1, count: rows)
            var filled = [Int32](repeating: 0, count: experts)
            start.withUnsafeBufferPointer { start in
                out.withUnsafeMutableBufferPointer { out in
                    filled.withUnsafeMutableBufferPointer { filled in
                        var grouping = ExpertGrouping(expertStart: start)
                        // Twice, as the assessment does: a second grouping starts afresh.
                        for _ in 0..<2 {
                            grouping.reset(filled: filled)
                            for r in given {
                                grouping.add(Double(r), expert: owner[r], out: out.baseAddress.unsafelyUnwrapped, filled: filled)
                            }
                            grouping.finish(out: out.baseAddress.unsafelyUnwrapped, filled: filled)
                        }
                    }
                }
            }
            for e in 0..<experts {
                #expect(Array(out[Int(start[e]) ..< Int(filled[e])]) == expected[e], "experts \(experts), expert \(e)")
            }
        }
    }

    @Test("the assessment equals the straightforward computation with more experts than a grouping block")
    func matchesReferenceManyExperts() {
        var g = SeededGenerator(seed: 29)
        let experts = ExpertGrouping.blockSize + 900, courses = 6000
        var b = SheetTable.Builder(criterionCount: 1, weights: [1])
        for c in 0..<courses {
            let k = Int.random(in: 1...7, using: &g)
            var chosen = Set<Int>()
            while chosen.count < k { chosen.insert(Int.random(in: 0..<experts, using: &g)) }
            for e in chosen.sorted() {
                b.append(stage: .commission, course: Int32(c), expert: Int32(e),
                         scores: [UInt8(Int.random(in: 1...10, using: &g))])
            }
        }
        let table = b.build(courseCount: courses).table
        let view = StageSheets(table, stage: .commission, courseCount: courses, expertCount: experts)
        var rules = Rules()
        rules.criteria = [Criterion(key: "a", title: "a")]
        rules.weights = [1]
        let got = OutlierRatings(table: table, view: view, rules: rules)
        let want = ReferenceOutliers(table: table, view: view, rules: rules)
        #expect(!got.assessed.isEmpty)
        #expect(got.assessed.map(\.row) == want.assessed.map(\.row))
        #expect(got.assessed.map(\.consensus.bitPattern) == want.assessed.map(\.consensus.bitPattern))
        #expect(got.assessed.map(\.robustZ.bitPattern) == want.assessed.map(\.robustZ.bitPattern))
        #expect(got.expertOffset.map(\.bitPattern) == want.expertOffset.map(\.bitPattern))
        #expect(got.scale.bitPattern == want.scale.bitPattern)
        #expect(got.pooledMAD.bitPattern == want.pooledMAD.bitPattern)
    }

    @Test("the assessment equals the straightforward computation on random stages")
    func matchesReference() {
        var g = SeededGenerator(seed: 21)
        var outliers = 0
        for round in 0..<60 {
            let courses = Int.random(in: 1...40, using: &g)
            let experts = Int.random(in: 8...14, using: &g)
            var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1.5])
            for c in 0..<courses {
                // 1…8 sheets, distinct experts; a few sheets far off.
                let k = Int.random(in: 1...8, using: &g)
                var pool = Array(0..<experts)
                pool.shuffle(using: &g)
                let level = Int.random(in: 2...8, using: &g)
                for e in pool.prefix(k).sorted() {
                    let bias = e % 3 - 1
                    var s = level + bias + Int.random(in: -1...1, using: &g)
                    if Int.random(in: 0..<15, using: &g) == 0 { s = Int.random(in: 0...10, using: &g) }
                    let score = UInt8(min(max(s, 0), 10))
                    b.append(stage: .commission, course: Int32(c), expert: Int32(e), scores: [score, score])
                }
            }
            let table = b.build(courseCount: courses).table
            let view = StageSheets(table, stage: .commission, courseCount: courses, expertCount: experts)
            var rules = Rules()
            rules.criteria = [Criterion(key: "a", title: "a"), Criterion(key: "b", title: "b")]
            rules.weights = [1, 1.5]
            let got = OutlierRatings(table: table, view: view, rules: rules)
            let want = ReferenceOutliers(table: table, view: view, rules: rules)
            #expect(got.assessed.map(\.row) == want.assessed.map(\.row), "round \(round)")
            #expect(got.assessed.map(\.total.bitPattern) == want.assessed.map(\.total.bitPattern))
            #expect(got.assessed.map(\.consensus.bitPattern) == want.assessed.map(\.consensus.bitPattern))
            #expect(got.assessed.map(\.robustZ.bitPattern) == want.assessed.map(\.robustZ.bitPattern))
            #expect(got.outliers == want.assessed.filter { abs($0.robustZ) > rules.audit.outlierThreshold })
            outliers += got.outliers.count
            #expect(got.expertOffset.map(\.bitPattern) == want.expertOffset.map(\.bitPattern))
            #expect(got.scale.bitPattern == want.scale.bitPattern)
            #expect(got.pooledMAD.bitPattern == want.pooledMAD.bitPattern)
        }
        #expect(outliers > 10)
    }
}

/// The assessment as first written: every step in its own full-size array,
/// each course's totals sorted by `Array.sort()`, the others' median found
/// with `firstIndex(of:)`. The reference for `matchesReference`.
private struct ReferenceOutliers {
    var assessed: [OutlierRatings.Assessment] = []
    var scale: Double = 0
    var pooledMAD: Double = 0
    var expertOffset: [Double] = []

    init(table: SheetTable, view: StageSheets, rules: Rules) {
        let floor = 0.5 * rules.weights.reduce(0, +)
        let base = view.rows.lowerBound
        let raw = Self.deviations(view: view, minimumOthers: 1) { table.total[$0] }
        var offset = [Double](repeating: 0, count: view.expertCount)
        for e in 0..<view.expertCount {
            var buffer = view.sheets(ofExpert: e).map { raw.deviation[Int($0) - base] }.filter { !$0.isNaN }
            if buffer.count >= OutlierRatings.minimumSheetsForOffset { offset[e] = Self.median(&buffer) }
        }
        expertOffset = offset
        let adjusted = Self.deviations(view: view, minimumOthers: OutlierRatings.minimumOthers) {
            table.total[$0] - offset[Int(table.expert[$0])]
        }
        let range = rules.totalRange
        var deviation = [Double](repeating: .nan, count: view.count)
        var expected = [Double](repeating: .nan, count: view.count)
        var absolute: [Double] = []
        for r in view.rows {
            let med = adjusted.othersMedian[r - base]
            guard !med.isNaN else { continue }
            let e = min(max(med + offset[Int(table.expert[r])], range.lowerBound), range.upperBound)
            expected[r - base] = e
            deviation[r - base] = table.total[r] - e
            absolute.append(abs(table.total[r] - e))
        }
        guard !absolute.isEmpty else { return }
        pooledMAD = Self.median(&absolute)
        scale = max(1.4826 * pooledMAD, floor)
        var expertScale = [Double](repeating: scale, count: view.expertCount)
        for e in 0..<view.expertCount {
            var buffer = view.sheets(ofExpert: e).map { deviation[Int($0) - base] }.filter { !$0.isNaN }.map { abs($0) }
            if buffer.count >= OutlierRatings.minimumSheetsForOwnScale {
                expertScale[e] = max(scale, 1.4826 * Self.median(&buffer))
            }
        }
        for r in view.rows {
            let d = deviation[r - base]
            guard !d.isNaN else { continue }
            assessed.append(OutlierRatings.Assessment(row: Int32(r), total: table.total[r], consensus: expected[r - base],
                                                      robustZ: d / expertScale[Int(table.expert[r])]))
        }
    }

    static func deviations(view: StageSheets, minimumOthers: Int,
                           value: (Int) -> Double) -> (deviation: [Double], othersMedian: [Double]) {
        var deviation = [Double](repeating: .nan, count: view.count)
        var othersMedian = [Double](repeating: .nan, count: view.count)
        let base = view.rows.lowerBound
        for c in 0..<view.courseCount {
            let rows = view.sheets(ofCourse: c)
            guard rows.count - 1 >= minimumOthers else { continue }
            var sorted = rows.map(value)
            sorted.sort()
            let m = sorted.count - 1
            for r in rows {
                let x = value(r)
                let skip = sorted.firstIndex(of: x) ?? 0
                func other(_ i: Int) -> Double { sorted[i < skip ? i : i + 1] }
                let med = m % 2 == 1 ? other(m / 2) : (other(m / 2 - 1) + other(m / 2)) / 2
                deviation[r - base] = x - med
                othersMedian[r - base] = med
            }
        }
        return (deviation, othersMedian)
    }

    /// The median by sorting (the same value as selection).
    static func median(_ values: inout [Double]) -> Double {
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}

import Testing
@testable import JuryEngine

@Suite("Concurrently")
struct ConcurrentlyTests {
    @Test("ranges split 0 ..< count into consecutive ranges of at least the minimum, at most maximumRanges of them")
    func rangesSplit() {
        for count in [0, 1, 7, 100, 1000, 12_345] {
            for minimum in [1, 3, 64, 1000, 100_000] {
                let split = Concurrently.ranges(count, minimum: minimum)
                #expect(split.first?.lowerBound == 0 && split.last?.upperBound == count)
                #expect(zip(split, split.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(split.count <= Concurrently.maximumRanges)
                if split.count > 1 { #expect(split.allSatisfy { $0.count >= minimum }) }
                if count < 2 * minimum { #expect(split.count == 1) }
            }
        }
    }

    @Test("mapRanges, array and joined give what a serial loop gives")
    func sameAsSerial() {
        let count = 10_007
        let serial = (0..<count).map { $0 &* 2_654_435_761 % 1000 }
        let parts = Concurrently.mapRanges(count, minimum: 100) { range in range.map { $0 &* 2_654_435_761 % 1000 } }
        #expect(parts.count == Concurrently.maximumRanges)
        #expect(Concurrently.joined(parts) == serial)
        #expect(Concurrently.array(count, minimum: 100) { $0 &* 2_654_435_761 % 1000 } == serial)
        #expect(Concurrently.array(0, minimum: 100) { $0 }.isEmpty)
        // Uneven parts, each filled in place.
        let uneven = [0..<1, 1..<5000, 5000..<5000, 5000..<count]
        let filled = Concurrently.array(count, parts: uneven) { (p: Int, slots: UnsafeMutableBufferPointer<Int>) in
            for k in slots.indices { slots.initializeElement(at: k, to: (uneven[p].lowerBound + k) &* 2_654_435_761 % 1000) }
        }
        #expect(filled == serial)
        #expect(Concurrently.joined([[1], [], [2, 3]]) == [1, 2, 3])
        #expect(Concurrently.joined([[Int]]()) == [])
    }

    /// 3 000 courses of one to three authors in 40 departments of 8 faculties,
    /// 600 experts (some of them authors), 4 to 8 seeded random sheets a
    /// course on two criteria, and declared conflicts on courses and authors.
    static func competition(seed: UInt64) -> Competition {
        var g = SeededGenerator(seed: seed)
        let people = (0..<600).map { p in
            Person(id: "P" + String(1000 + p), fullName: "P\(p)", faculty: "F\(p % 8)", department: "D\(p % 40)",
                   roles: p % 3 == 0 ? [.expert, .author] : p < 300 ? [.expert] : [.author])
        }
        let courses = (0..<3000).map { c in
            let authors = (0..<(1 + c % 3)).map { _ in Int32(Int.random(in: 0..<600, using: &g)) }
            return Course(id: "M" + String(10_000 + c), title: "M\(c)", authors: Array(Set(authors)).sorted(),
                          faculty: "F\(c % 8)", department: "D\(c % 40)")
        }
        var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        for c in 0..<3000 {
            var experts = Set<Int32>()
            while experts.count < 4 + c % 5 {
                let e = Int.random(in: 0..<300, using: &g) / 3 * 3
                experts.insert(Int32(e))
            }
            for e in experts.sorted() {
                b.append(stage: .commission, course: Int32(c), expert: e,
                         scores: [UInt8.random(in: 1...10, using: &g), UInt8.random(in: 1...10, using: &g)])
            }
        }
        var rules = Rules()
        rules.criteria = [Criterion(key: "a", title: "a"), Criterion(key: "b", title: "b")]
        rules.weights = [1, 1]
        rules.scoring.tieBreak = [.median, .min, .lot]
        let conflicts = (0..<200).map { (i: Int) -> DeclaredConflict in
            let target: DeclaredConflict.Target = i % 2 == 0 ? .course(Int32(i * 13)) : .author(Int32(i))
            return DeclaredConflict(expert: Int32(i * 3 % 300), target: target, reason: "r")
        }
        return Competition(id: "c", title: "c", rules: rules, people: people, courses: courses,
                           sheets: b.build(courseCount: 3000).table, conflicts: conflicts)
    }

    @Test("conflicts, scores and the ranking are the same on one core and split into sixteen ranges")
    func splitDoesNotChangeResults() {
        let c = Self.competition(seed: 11)
        let view = c.stageSheets(.commission)
        let whole = StructuralConflicts(competition: c, view: view, sheetsPerRange: .max)
        let split = StructuralConflicts(competition: c, view: view, sheetsPerRange: 1)
        #expect(!whole.findings.isEmpty)
        #expect(Set(whole.findings.flatMap { Array($0.kinds) }).count >= 4)
        #expect(whole.findings == split.findings)
        // The flags, kind by kind and row by row, whatever the split of the findings.
        let consensus = Consensus(table: c.sheets, view: view)
        let flags = whole.flags(competition: c, consensus: consensus, findingsPerRange: .max)
        #expect(flags.count == whole.findings.reduce(0) { $0 + Array($1.kinds).count })
        #expect(Set(flags.map(\.kind)).count >= 4)
        #expect(flags == whole.flags(competition: c, consensus: consensus, findingsPerRange: 1))
        #expect(flags == whole.flags(competition: c, consensus: consensus, findingsPerRange: 7))
        #expect(flags.contains {
            if case .conflict(_, let reasons) = $0.evidence { $0.kind == .declared && reasons == ["r"] } else { false }
        })

        let counted = [Bool](repeating: true, count: c.sheets.count)
        for method in ScoringMethod.allCases {
            let one = RatingScores.compute(table: c.sheets, view: view, method: method, counted: counted, coursesPerRange: .max)
            let many = RatingScores.compute(table: c.sheets, view: view, method: method, counted: counted, coursesPerRange: 1)
            #expect(one.count == 3000)
            #expect(one == many)
        }
        // A course without counted sheets is left out, wherever it falls.
        var some = counted
        for r in view.sheets(ofCourse: 1234) { some[r] = false }
        let left = RatingScores.compute(table: c.sheets, view: view, method: .mean, counted: some, coursesPerRange: 1)
        #expect(left.count == 2999 && !left.contains { $0.course == 1234 })
        // Each scored course's position, -1 for the one left out, for any split.
        let positions = RatingScores.positions(of: left, courseCount: 3000, coursesPerRange: 1)
        #expect(positions == RatingScores.positions(of: left, courseCount: 3000, coursesPerRange: .max))
        #expect(positions[1234] == -1)
        #expect(left.indices.allSatisfy { positions[Int(left[$0].course)] == Int32($0) })

        let scores = RatingScores.compute(table: c.sheets, view: view, method: .mean, counted: counted)
        let candidates = scores.map { Ranking.Candidate(course: $0.course, score: $0.score, sheets: $0) }
        let means = CriterionMeans(table: c.sheets, view: view, counted: counted)
        let rankOne = Ranking.rank(candidates, ids: c.courses.ids, chain: c.rules.scoring.tieBreak, seed: 5,
                                   groupsPerRange: .max, criterionMean: means.mean)
        let rankMany = Ranking.rank(candidates, ids: c.courses.ids, chain: c.rules.scoring.tieBreak, seed: 5,
                                    groupsPerRange: 1, criterionMean: means.mean)
        #expect(rankOne.count == 3000)
        #expect(rankOne == rankMany)
        #expect(rankOne.contains { $0.lot != nil })
    }
}

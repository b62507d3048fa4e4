import Foundation
import Testing
@testable import JuryEngine

@Suite("Integrity")
struct IntegrityTests {
    // MARK: A small competition with one sheet of every conflict kind

    /// People: 0 E0 (F1/D1), 1 E1 (F1/D2, author of M2), 2 E2 (F2/D3),
    /// 3 A3 (author, F1/D1), 4 P4 (expert and author, F2/D3).
    /// Courses: M0 by A3 (F1/D1), M1 by P4 and A3 (F2/D3), M2 by E1 (F1/D2).
    /// Declared: E2 with course M0; E0 with author P4 (so with M1).
    static func conflictCompetition(recuse: [String]? = nil) -> Competition {
        let people = [
            Person(id: "E0", fullName: "E0", faculty: "F1", department: "D1", roles: [.expert, .voter]),
            Person(id: "E1", fullName: "E1", faculty: "F1", department: "D2", roles: [.expert, .author]),
            Person(id: "E2", fullName: "E2", faculty: "F2", department: "D3", roles: [.expert]),
            Person(id: "A3", fullName: "A3", faculty: "F1", department: "D1", roles: [.author, .voter]),
            Person(id: "P4", fullName: "P4", faculty: "F2", department: "D3", roles: [.expert, .author, .voter]),
        ]
        let courses = [
            Course(id: "M0", title: "M0", authors: [3], faculty: "F1", department: "D1"),
            Course(id: "M1", title: "M1", authors: [4, 3], faculty: "F2", department: "D3"),
            Course(id: "M2", title: "M2", authors: [1], faculty: "F1", department: "D2"),
        ]
        var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        b.append(stage: .commission, course: 0, expert: 0, scores: [5, 5])
        b.append(stage: .commission, course: 0, expert: 1, scores: [6, 6])
        b.append(stage: .commission, course: 0, expert: 2, scores: [7, 7])
        b.append(stage: .commission, course: 0, expert: 4, scores: [8, 8])
        b.append(stage: .commission, course: 1, expert: 0, scores: [4, 4])
        b.append(stage: .commission, course: 1, expert: 2, scores: [6, 6])
        b.append(stage: .commission, course: 2, expert: 1, scores: [9, 9])
        b.append(stage: .commission, course: 2, expert: 2, scores: [3, 3])
        var rules = Rules()
        rules.criteria = [Criterion(key: "a", title: "a"), Criterion(key: "b", title: "b")]
        rules.weights = [1, 1]
        if let recuse { rules.integrity.recuse = recuse }
        var votes = VoteTable()
        votes.append(stage: .department, unit: "D3", voter: 4, course: 1, rank: nil)
        votes.append(stage: .department, unit: "D1", voter: 0, course: 0, rank: nil)
        votes.append(stage: .faculty, unit: "F1", voter: 3, course: 0, rank: 1)
        return Competition(id: "c", title: "c", rules: rules, people: people, courses: courses,
                           sheets: b.build(courseCount: 3).table, votes: votes,
                           conflicts: [DeclaredConflict(expert: 2, target: .course(0), reason: "reviewed the draft"),
                                       DeclaredConflict(expert: 0, target: .author(4), reason: "PhD supervisor")])
    }

    static func analyse(_ c: Competition, _ stage: Stage = .commission) -> IntegrityAnalysis {
        let view = c.stageSheets(stage)
        return IntegrityAnalysis(competition: c, view: view, consensus: Consensus(table: c.sheets, view: view))
    }

    /// (kind, expert, course) of the conflict flags.
    static func conflictKeys(_ a: IntegrityAnalysis) -> [String] {
        a.flags.filter { IntegrityKind.conflicts.contains($0.kind) }.map { "\($0.kind.rawValue) E\($0.experts[0]) M\($0.moocs[0])" }
    }

    @Test("every conflict kind becomes a flag on its sheet, a declared sheet included")
    func conflictKinds() {
        let a = Self.analyse(Self.conflictCompetition())
        #expect(Self.conflictKeys(a) == [
            "declared E2 M0", "declared E0 M1",
            "self_review E1 M2",
            "same_department E0 M0", "same_department E2 M1", "same_department E1 M2",
            "same_faculty E1 M0",
            "coauthor E4 M0",
        ])
    }

    @Test("recused follows integrity.recuse, and a self-review is always recused")
    func recusedFlag() {
        let byDefault = Self.analyse(Self.conflictCompetition()).flags
        #expect(byDefault.filter(\.recused).map(\.kind.rawValue) == ["declared", "declared", "self_review",
                                                                     "same_department", "same_department", "same_department"])
        let none = Self.analyse(Self.conflictCompetition(recuse: [])).flags
        #expect(none.filter(\.recused).map(\.kind) == [.selfReview])
        let all = Self.analyse(Self.conflictCompetition(recuse: ["same_faculty", "coauthor"])).flags
        #expect(all.filter { IntegrityKind.conflicts.contains($0.kind) && $0.recused }.map(\.kind) == [.selfReview, .sameFaculty, .coauthor])
    }

    @Test("recusals: the sheets with a recused kind, each with its most serious recused kind as the reason")
    func recusalReasons() {
        func reasons(_ recuse: [String]) -> [String] {
            let c = Self.conflictCompetition(recuse: recuse)
            let conflicts = StructuralConflicts(competition: c, view: c.stageSheets(.commission))
            return conflicts.recusals(recuse: recuse, table: c.sheets).map { "\($0.row) \($0.reason)" }
        }
        // Row 6 (E1 on M2, their own course, in their department) holds two kinds.
        #expect(reasons([]) == ["6 self_review"])
        #expect(reasons(["same_department"]) == ["0 same_department", "5 same_department", "6 self_review"])
        #expect(reasons(["coauthor", "same_faculty", "declared", "unknown"])
            == ["1 same_faculty", "2 declared", "3 coauthor", "4 declared", "6 self_review"])
    }

    @Test("a conflict flag carries severity, authors, the sheet's excess and the declared reason")
    func conflictEvidence() throws {
        let flags = Self.analyse(Self.conflictCompetition()).flags
        let declared = try #require(flags.first { $0.kind == .declared && $0.experts == [2] })
        #expect(declared.severity == .high)
        #expect(declared.authors == [3])
        // E2 gave M0 14; the others 10, 12, 16: consensus 38/3.
        #expect(declared.effect == 14 - 38.0 / 3)
        #expect(declared.evidence.reasons == ["reviewed the draft"])
        #expect(declared.evidence.sheets.map(\.total) == [14])
        let viaAuthor = try #require(flags.first { $0.kind == .declared && $0.experts == [0] })
        #expect(viaAuthor.evidence.reasons == ["PhD supervisor"] && viaAuthor.authors == [4, 3])
        #expect(flags.first { $0.kind == .sameFaculty }?.severity == .low)
        #expect(flags.first { $0.kind == .coauthor }?.severity == .medium)
        #expect(flags.first { $0.kind == .selfReview }.map { $0.pValue == nil && $0.qValue == nil } == true)
    }

    @Test("a sheet on a course with no other sheet has no consensus and no effect")
    func conflictWithoutConsensus() throws {
        var c = Self.conflictCompetition()
        var b = SheetTable.Builder(criterionCount: 2, weights: [1, 1])
        b.append(stage: .commission, course: 2, expert: 1, scores: [9, 9])
        c.sheets = b.build(courseCount: 3).table
        let flag = try #require(Self.analyse(c).flags.first { $0.kind == .selfReview })
        #expect(flag.effect == nil && flag.evidence.sheets[0].consensus == nil)
    }

    // MARK: Self-votes

    @Test("a ballot for one's own course is a self-vote at its stage only")
    func selfVotes() throws {
        let c = Self.conflictCompetition()
        #expect(SelfVotes.rows(in: c.votes, courses: c.courses) == [0, 2])
        #expect(SelfVotes.rows(in: c.votes, courses: c.courses, stage: .faculty) == [2])
        let department = SelfVotes.flags(competition: c, stage: .department)
        #expect(department.count == 1)
        let flag = try #require(department.first)
        #expect(flag.kind == .selfVote && flag.experts == [4] && flag.moocs == [1] && flag.authors == [4, 3])
        #expect(flag.recused && flag.severity == .medium)
        #expect(flag.evidence.vote?.unit == "D3" && flag.evidence.vote?.rank == nil)
        #expect(SelfVotes.flags(competition: c, stage: .faculty).map(\.experts) == [[3]])
        #expect(SelfVotes.flags(competition: c, stage: .commission).isEmpty)
    }

    @Test("a self-vote that counts in the tally is high severity and not recused")
    func countedSelfVote() {
        var c = Self.conflictCompetition()
        c.rules.integrity.excludeSelfVotes = false
        let flag = SelfVotes.flags(competition: c, stage: .department).first
        #expect(flag?.recused == false && flag?.severity == .high)
        #expect(Self.analyse(c, .department).flags.map(\.kind) == [.selfVote])
    }

    // MARK: Favouritism, reciprocity and rings on a hand-made competition

    /// Experts X (0) and Y (1), who also author courses CX (0) and CY (1);
    /// honest experts H (2, 3, 4); authors N (5…) of the neutral courses
    /// 2…. Everyone rates every neutral course; the honest experts also rate
    /// CX and CY. Scores vary by ±1 around each course's level.
    static func collusionCompetition(xRatesY: [UInt8]?, yRatesX: [UInt8]?, neutral: Int = 10,
                                     yCoursesRatedByX: Int = 1) -> Competition {
        var people = [
            Person(id: "X", fullName: "X", faculty: "F1", department: "D1", roles: [.expert, .author]),
            Person(id: "Y", fullName: "Y", faculty: "F2", department: "D2", roles: [.expert, .author]),
        ]
        for h in 0..<3 { people.append(Person(id: "H\(h)", fullName: "H", faculty: "F3", department: "D3", roles: [.expert])) }
        var courses = [Course(id: "CX", title: "CX", authors: [0], faculty: "F1", department: "D1")]
        for k in 0..<yCoursesRatedByX { courses.append(Course(id: "CY\(k)", title: "CY", authors: [1], faculty: "F2", department: "D2")) }
        let firstNeutral = courses.count
        for k in 0..<neutral {
            people.append(Person(id: "N\(k)", fullName: "N", faculty: "F4", department: "D4", roles: [.author]))
            courses.append(Course(id: "C\(k)", title: "C", authors: [Int32(people.count - 1)], faculty: "F4", department: "D4"))
        }
        var b = SheetTable.Builder(criterionCount: 7, weights: Array(repeating: 1, count: 7))
        func sheet(_ c: Int, _ e: Int32, _ level: UInt8) {
            let wobble = UInt8((c * 7 + Int(e) * 3) % 3)  // 0, 1 or 2
            b.append(stage: .commission, course: Int32(c), expert: e, scores: Array(repeating: level + wobble, count: 7))
        }
        for c in firstNeutral..<courses.count {
            for e: Int32 in 0...4 { sheet(c, e, 4 + UInt8(c % 3)) }
        }
        for c in 0..<firstNeutral {
            for e: Int32 in 2...4 { sheet(c, e, 4) }
        }
        if let s = yRatesX { b.append(stage: .commission, course: 0, expert: 1, scores: s) }
        if let s = xRatesY {
            for c in 1..<firstNeutral { b.append(stage: .commission, course: Int32(c), expert: 0, scores: s) }
        }
        var rules = Rules()
        rules.seed = 99
        return Competition(id: "x", title: "x", rules: rules, people: people, courses: courses,
                           sheets: b.build(courseCount: courses.count).table)
    }

    @Test("two experts who author courses and favour each other once each way are a reciprocity flag")
    func reciprocity() throws {
        let c = Self.collusionCompetition(xRatesY: Array(repeating: 8, count: 7), yRatesX: Array(repeating: 8, count: 7))
        let a = Self.analyse(c)
        #expect(a.edges.map { [$0.from, $0.to] } == [[0, 1], [1, 0]])
        #expect(a.edges.allSatisfy { $0.rule == .smallGroup && $0.qValue == nil && $0.sheets.count == 1 })
        let flag = try #require(a.flags.first { $0.kind == .reciprocity })
        #expect(flag.experts == [0, 1] && flag.authors == [0, 1] && flag.severity == .high)
        #expect(flag.moocs == [1, 0])  // X's sheet on CY, then Y's sheet on CX
        #expect(flag.effect == a.edges.map(\.effect).min())
        #expect(flag.pValue == a.edges.map(\.pValue).max())
        // One sheet among the expert's eleven with a consensus, the largest: p = 1/11.
        #expect(a.edges.allSatisfy { abs($0.pValue - 1.0 / 11) < 1e-15 })
        #expect(flag.evidence.edges?.count == 2 && flag.evidence.sheets.count == 2)
        #expect(!a.flags.contains { $0.kind == .ring })
    }

    @Test("favour in one direction only is an edge but no flag; honest scores are not even an edge")
    func oneWayFavour() {
        let oneWay = Self.analyse(Self.collusionCompetition(xRatesY: Array(repeating: 8, count: 7), yRatesX: Array(repeating: 4, count: 7)))
        #expect(oneWay.edges.map { [$0.from, $0.to] } == [[0, 1]])
        #expect(!oneWay.flags.contains { $0.kind == .reciprocity })
        // The honest experts give CY 35 and CX 28; so do X and Y.
        let honest = Self.analyse(Self.collusionCompetition(xRatesY: Array(repeating: 5, count: 7), yRatesX: Array(repeating: 4, count: 7)))
        #expect(honest.edges.isEmpty)
    }

    @Test("an author group with enough sheets is tested, flagged as favouritism, and makes a group-test edge")
    func authorGroupTest() throws {
        let c = Self.collusionCompetition(xRatesY: Array(repeating: 8, count: 7), yRatesX: Array(repeating: 8, count: 7),
                                          yCoursesRatedByX: 4)
        let a = Self.analyse(c)
        let favour = try #require(a.flags.first { $0.kind == .favouritism && $0.authors == [1] })
        #expect(favour.experts == [0] && favour.moocs == [1, 2, 3, 4])
        let f = try #require(favour.evidence.favouritism)
        #expect(f.group == .author(1) && f.groupSheets == 4 && f.otherSheets == 10)
        // C(14, 4) = 1001 > B, so Monte Carlo first; no draw reaches the four
        // largest excesses, so the tail is counted: one subset of 1001.
        #expect(f.test.method == .tailCount && abs(f.test.pValue - 1.0 / 1001) < 1e-15)
        #expect((favour.qValue ?? 1) <= 0.05 && (favour.effect ?? 0) >= 7)
        #expect(try #require(f.ciLow) > 0)
        #expect(a.edges.contains { $0.from == 0 && $0.to == 1 && $0.rule == .groupTest })
        #expect(a.flags.contains { $0.kind == .reciprocity && $0.experts == [0, 1] })
    }

    @Test("cycles of the favours graph: each once, from its smallest node, up to the maximum length")
    func cycles() {
        let edges: [(from: Int32, to: Int32)] = [
            (1, 2), (2, 3), (3, 1), (1, 3),          // ring 1→2→3→1 and the pair 1↔3
            (5, 4), (4, 5), (4, 5),                  // a pair, one edge given twice
            (6, 7), (7, 8), (8, 9), (9, 6),          // ring of four
            (10, 11), (11, 12), (12, 13), (13, 14), (14, 10),  // ring of five
            (15, 15), (16, 17),                      // a self-loop and a dead end
        ]
        #expect(FavourCycles.cycles(edges: edges, maxLength: 4) == [[1, 2, 3], [1, 3], [4, 5], [6, 7, 8, 9]])
        #expect(FavourCycles.cycles(edges: edges, maxLength: 5).last == [10, 11, 12, 13, 14])
        #expect(FavourCycles.cycles(edges: edges, maxLength: 2) == [[1, 3], [4, 5]])
        #expect(FavourCycles.cycles(edges: [], maxLength: 4).isEmpty)
    }

    @Test("a ring flag lists its edges in cycle order with the weakest effect and the largest p")
    func ringFlags() throws {
        func edge(_ a: Int32, _ b: Int32, _ effect: Double, _ p: Double) -> FavourEdge {
            FavourEdge(from: a, to: b, rule: .smallGroup, effect: effect, z: 3, pValue: p, qValue: nil,
                       sheets: [FlaggedSheet(row: a, expert: a, course: 100 + b, total: 60, consensus: 40)])
        }
        let flags = FavourCycles.flags(edges: [edge(7, 3, 20, 0.02), edge(3, 5, 12, 0.05), edge(5, 7, 15, 0.01), edge(9, 3, 30, 0.01)],
                                       maxLength: 4)
        let ring = try #require(flags.first)
        #expect(flags.count == 1 && ring.kind == .ring && ring.severity == .high)
        #expect(ring.experts == [3, 5, 7] && ring.moocs == [105, 107, 103])
        #expect(ring.effect == 12 && ring.pValue == 0.05 && ring.qValue == nil)
        #expect(ring.evidence.edges?.map(\.from) == [3, 5, 7])
        #expect(FavourCycles.flags(edges: [edge(7, 3, 20, 0.02), edge(3, 5, 12, 0.05), edge(5, 7, 15, 0.01)], maxLength: 2).isEmpty)
    }

    // MARK: The analysis as a whole

    @Test("flags come grouped by kind in a fixed order, the same on every run")
    func orderAndDeterminism() {
        let c = Self.collusionCompetition(xRatesY: Array(repeating: 8, count: 7), yRatesX: Array(repeating: 8, count: 7),
                                          yCoursesRatedByX: 4)
        let a = Self.analyse(c), b = Self.analyse(c)
        #expect(a.flags == b.flags && a.edges == b.edges)
        let order = a.flags.map { IntegrityKind.allCases.firstIndex(of: $0.kind) ?? -1 }
        #expect(order == order.sorted())
    }

    /// 60 experts and 600 courses with 4 favouring experts and a reciprocal
    /// pair: the commission stage, its consensus and its units.
    static func favouritingCommission() -> (Competition, StageSheets, Consensus, Units) {
        var p = PlantedCompetition()
        p.experts = 60
        p.courses = 600
        p.favouringExperts = 4
        p.pairs = 1
        p.rings = 0
        let (c, _) = p.build()
        let view = c.stageSheets(.commission)
        return (c, view, Consensus(table: c.sheets, view: view), Units(c.courses))
    }

    @Test("favouritism tests do not depend on the order in which experts are scanned")
    func testOrderIndependence() {
        let (c, view, consensus, units) = Self.favouritingCommission()
        func scan(_ experts: [Int]) -> [String] {
            var s = FavouritismScan(competition: c, view: view, units: units)
            let counts = ExpertExcesses.Counts(table: c.sheets, view: view, consensus: consensus, units: units)
            var block = ExpertExcesses(table: c.sheets, view: view, consensus: consensus, units: units, experts: 0..<view.expertCount, counts: counts)
            for e in experts { s.test(expert: e, in: &block) }
            return s.candidates.map { "\($0.expert) \($0.kind) \($0.group) \($0.outcome.pValue)" }.sorted()
        }
        let forward = scan(Array(0..<view.expertCount))
        #expect(!forward.isEmpty)
        #expect(forward == scan(Array((0..<view.expertCount).reversed())))
    }

    @Test("experts gathered in ranges hold what the whole gathering holds for them")
    func gatheredInRanges() {
        let (c, view, consensus, units) = Self.favouritingCommission()
        let counts = ExpertExcesses.Counts(table: c.sheets, view: view, consensus: consensus, units: units)
        let whole = ExpertExcesses(table: c.sheets, view: view, consensus: consensus, units: units, experts: 0..<view.expertCount, counts: counts)
        let ranges = ExpertExcesses.ranges(view: view, maxSheets: 97)
        #expect(ranges.count > 3)
        for range in ranges {
            let part = ExpertExcesses(table: c.sheets, view: view, consensus: consensus, units: units, experts: range, counts: counts)
            for e in range {
                #expect(part.sheets(of: e).map { part.excess[$0] } == whole.sheets(of: e).map { whole.excess[$0] })
                #expect(part.sheets(of: e).map { part.department[$0] } == whole.sheets(of: e).map { whole.department[$0] })
                #expect(part.authorEntries(of: e).map { part.authorKeys[$0] } == whole.authorEntries(of: e).map { whole.authorKeys[$0] })
            }
        }
    }

    @Test("a stage without sheets, or experts with too few sheets, gives no tests and no behavioural flags")
    func edgeCases() {
        let empty = Competition(id: "e", title: "e", rules: Rules(), people: [], courses: [],
                                sheets: SheetTable.Builder(criterionCount: 7, weights: Array(repeating: 1, count: 7)).build(courseCount: 0).table)
        let a = Self.analyse(empty)
        #expect(a.flags.isEmpty && a.edges.isEmpty && a.favouritismTests == 0)
        let few = Self.analyse(Self.conflictCompetition())
        #expect(few.favouritismTests == 0)
        #expect(!few.flags.contains { [.favouritism, .reciprocity, .ring].contains($0.kind) })
    }

    @Test("a flag encodes exactly the ten keys of the JSON contract, missing values as null")
    func jsonKeys() throws {
        let flag = try #require(Self.analyse(Self.conflictCompetition()).flags.first)
        let data = try JSONEncoder().encode(flag)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "severity", "experts", "moocs", "authors", "effect", "p_value", "q_value", "recused", "evidence"])
        #expect(object["p_value"] is NSNull && object["q_value"] is NSNull)
        #expect(object["kind"] as? String == "declared" && object["severity"] as? String == "high")
        #expect(try JSONDecoder().decode(IntegrityFlag.self, from: data) == flag)
    }
}

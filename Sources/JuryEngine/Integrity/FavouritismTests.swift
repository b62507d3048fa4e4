import Dispatch

/// Behavioural favouritism: an expert who scores a group of courses — a
/// faculty, a department, or the courses of one author — systematically
/// above the other experts, beyond that expert's general leniency.
///
/// For expert E, let x_i = total_i − consensus_i be the excess of each of
/// E's sheets that has a consensus (`Consensus`: the mean of the other
/// experts' totals for the course); sheets of single-sheet courses take no
/// part. For a group G with n of E's sheets and N − n outside it,
///
///     effect = mean_{i∈G} x_i − mean_{i∉G} x_i
///
/// (design.md "Analytics (audit)"): the first mean is E's excess on the
/// group, the second E's leniency elsewhere, so a lenient expert is not
/// taken for a partial one. The test is `PermutationTest.upperTail` of the
/// group's sum among E's N excesses (one-sided: favour, not disfavour),
/// seeded by the competition's seed and the names of E and G, so a result
/// never depends on the order of the tests. Only groups with at least
/// `min_group_sheets` sheets inside and outside are tested, and every such
/// (expert, group) test of the stage forms one Benjamini–Hochberg family of
/// m tests. A test is flagged when q ≤ `favouritism_alpha` and effect ≥ the
/// minimum effect (`IntegrityRules`); the flag carries the 95 % Welch
/// interval of the effect (`WelchInterval`) and the group's sheets.
///
/// A test whose effect is below the minimum cannot be flagged, so it is not
/// resampled: it enters the family with p = 1. That is a valid p-value (it
/// is never below the permutation p-value, and it is a non-increasing
/// function of the test statistic, so the positive dependence under which
/// Benjamini–Hochberg controls the false discovery rate is kept), and the
/// procedure stays the step-up procedure over all m tests; its q-values are
/// the exact BH q-values unless a test below the minimum effect had a
/// smaller p-value than a flagged one, and are then larger (conservative).
/// It matters for speed: honest groups are almost all below the minimum
/// (by chance one in ~5 000 with four sheets, `IntegrityRules.minGroupSheets`),
/// so nearly no test draws at all, where resampling every test cost about
/// 1 µs of CPU per sheet (measured at 2 million sheets).
///
/// The same pass builds the edges of the favours graph (`FavourEdge`), from
/// an expert who is also an author to an author who also rates at this
/// stage (only such people can close a cycle):
/// - `group_test`: the author group was tested and flagged;
/// - `small_group`: the group has fewer sheets than a test needs (one sheet
///   each way is the design's planted collusion). With s = max(1.4826 ·
///   MAD(x), ½ Σ weights) the expert's robust spread (MAD about the median
///   over all N excesses, scaled to a normal sd as in `OutlierRatings`,
///   with the same floor of half a point per criterion),
///
///       z = effect / (s · √(1/n + 1/(N − n))),
///
///   the edge needs effect ≥ the minimum effect and z ≥ `edge_z`, and N ≥ 5
///   so that the spread rests on at least five sheets. The edge's p-value
///   (exact for one sheet: the share of E's sheets with at least its excess)
///   is evidence only: it is outside the Benjamini–Hochberg family.
///
/// Complexity: one sequential pass over the stage's rows, then one per block
/// of experts (`ExpertExcesses`), then O(N log N) per expert to form the groups
/// (accumulators indexed by faculty and department, a sort of the author
/// entries), plus the permutation tests of the groups at or above the
/// minimum effect (see `PermutationTest`). Only tests with p ≤ α are kept
/// for the Benjamini–Hochberg step: a q-value is never below its p-value,
/// so no other test can be flagged, and the kept ones hold the smallest
/// p-values of the family, which is all their q-values need.
public struct FavouritismTests: Sendable {
    /// Favouritism flags, by expert, then group.
    public private(set) var flags: [IntegrityFlag] = []
    /// Edges of the favours graph, by (from, to).
    public private(set) var edges: [FavourEdge] = []
    /// m, the number of (expert, group) tests in the Benjamini–Hochberg family.
    public private(set) var testCount = 0

    /// Sheets gathered per block of experts (`ExpertExcesses`): about 16 MB
    /// of gathered columns, small next to the sheet table at any size where
    /// it matters.
    static let blockSheets = 1 << 20

    public init(competition: Competition, view: StageSheets, consensus: Consensus) {
        let rules = competition.rules
        let table = competition.sheets
        let units = Units(competition.courses)
        let template = FavouritismScan(competition: competition, view: view, units: units)
        let ranges = ExpertExcesses.ranges(view: view, maxSheets: Self.blockSheets)
        let counts = ExpertExcesses.Counts(table: table, view: view, consensus: consensus, units: units)
        // Blocks are independent and merged in block order, so the result does
        // not depend on how the blocks were scheduled over the cores.
        let scans = Concurrently.map(ranges.count) { b in
            var scan = template
            var block = ExpertExcesses(table: table, view: view, consensus: consensus, units: units, experts: ranges[b], counts: counts)
            for e in ranges[b] { scan.test(expert: e, in: &block) }
            return scan
        }
        testCount = scans.reduce(0) { $0 + $1.tests }
        let alpha = rules.integrity.favouritismAlpha
        let minEffect = rules.integrity.minimumEffect(weights: rules.weights)

        // Benjamini–Hochberg over the family; `candidates` holds every test at
        // or above the minimum effect with p ≤ α, the others have p > α.
        let candidates = scans.flatMap(\.candidates)
        let q = BenjaminiHochberg.adjusted(candidates.map(\.outcome.pValue), familySize: testCount)
        var edges = scans.flatMap(\.edges)
        for (i, t) in candidates.enumerated() where q[i] <= alpha {
            let group: FavouredGroup = switch t.kind {
            case .faculty: .faculty(units.facultyNames[Int(t.group)])
            case .department: .department(units.departmentNames[Int(t.group)])
            case .author: .author(t.group)
            }
            var inside = Welford(), outside = Welford()
            var sheets: [FlaggedSheet] = []
            for r in view.sheets(ofExpert: Int(t.expert)) where !consensus[Int(r)].isNaN {
                let c = Int(table.course[Int(r)])
                let x = table.total[Int(r)] - consensus[Int(r)]
                let member = switch t.kind {
                case .faculty: units.courseFaculty[c] == t.group
                case .department: units.courseDepartment[c] == t.group
                case .author: units.authors(of: c).contains(t.group)
                }
                if member {
                    inside.add(x)
                    sheets.append(FlaggedSheet(row: r, expert: t.expert, course: Int32(c), total: table.total[Int(r)], consensus: consensus[Int(r)]))
                } else {
                    outside.add(x)
                }
            }
            let ci = WelchInterval.difference(inside, outside)
            let evidence = FavouritismEvidence(group: group, groupSheets: inside.count, otherSheets: outside.count,
                                               groupMeanExcess: inside.mean, otherMeanExcess: outside.mean,
                                               ciLow: ci?.lowerBound, ciHigh: ci?.upperBound, test: t.outcome)
            flags.append(IntegrityFlag(kind: .favouritism, severity: t.effect >= 2 * minEffect ? .high : .medium,
                                       experts: [t.expert], moocs: Array(Set(sheets.map(\.course))).sorted(),
                                       authors: t.kind == .author ? [t.group] : [], effect: t.effect,
                                       pValue: t.outcome.pValue, qValue: q[i], recused: false,
                                       evidence: .favouritism(evidence, sheets: sheets)))
            if t.kind == .author && template.isAuthor[Int(t.expert)] && template.ratesHere[Int(t.group)] {
                edges.append(FavourEdge(from: t.expert, to: t.group, rule: .groupTest, effect: t.effect, z: nil,
                                        pValue: t.outcome.pValue, qValue: q[i], sheets: sheets))
            }
        }
        flags.sort { a, b in
            if a.experts != b.experts { return a.experts.lexicographicallyPrecedes(b.experts) }
            guard let ga = a.evidence.favouritism?.group, let gb = b.evidence.favouritism?.group else { return false }
            return ga < gb
        }
        // Small-group edges get their sheets once they are known to be edges.
        for i in edges.indices where edges[i].rule == .smallGroup {
            let from = edges[i].from, to = edges[i].to
            edges[i].sheets = view.sheets(ofExpert: Int(from)).compactMap { r in
                let c = Int(table.course[Int(r)])
                guard !consensus[Int(r)].isNaN, units.authors(of: c).contains(to) else { return nil }
                return FlaggedSheet(row: r, expert: from, course: Int32(c), total: table.total[Int(r)], consensus: consensus[Int(r)])
            }
        }
        edges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        self.edges = edges
    }
}

/// The per-expert work of `FavouritismTests`: forms the groups of one
/// expert's gathered sheets, runs the family's tests, keeps those with
/// p ≤ α, and applies the small-group edge rule.
struct FavouritismScan: Sendable {
    /// A test at or above the minimum effect whose p-value is at most α.
    struct Candidate: Sendable {
        var expert: Int32
        var kind: FavouredGroup.Kind
        /// Faculty or department number (`Units`), or person index.
        var group: Int32
        var effect: Double
        var outcome: PermutationTest.Outcome
    }

    let minSheets: Int
    let maxDraws: Int
    let alpha: Double
    let minEffect: Double
    let edgeZ: Double
    let spreadFloor: Double
    let seed: UInt64
    let units: Units
    let personHash: [UInt64]
    /// Whether a person authors some course / rates at this stage.
    let isAuthor: [Bool]
    let ratesHere: [Bool]

    private(set) var tests = 0
    private(set) var candidates: [Candidate] = []
    private(set) var edges: [FavourEdge] = []
    private var faculty: Accumulator
    private var department: Accumulator
    private var scratch: [Double] = []

    init(competition: Competition, view: StageSheets, units: Units) {
        let rules = competition.rules
        minSheets = max(1, rules.integrity.minGroupSheets)
        maxDraws = max(1, rules.integrity.permutations)
        alpha = rules.integrity.favouritismAlpha
        minEffect = rules.integrity.minimumEffect(weights: rules.weights)
        edgeZ = rules.integrity.edgeZ
        spreadFloor = 0.5 * rules.weights.reduce(0, +)
        seed = rules.seed
        self.units = units
        let people = competition.people
        // Every person's id hashed from its bytes on every core (2.85 M people at L;
        // making each `Person` value took half a second on one core).
        let ids = people.ids
        personHash = Concurrently.array(people.count, minimum: 1 << 16) { i in
            ids.withUTF8(i) { PermutationTest.stableHash(utf8: $0) }
        }
        var isAuthor = [Bool](repeating: false, count: people.count)
        for a in units.authorList { isAuthor[Int(a)] = true }
        self.isAuthor = isAuthor
        ratesHere = (0..<people.count).map { $0 < view.expertCount && view.sheetCount(ofExpert: $0) > 0 }
        faculty = Accumulator(count: units.facultyNames.count)
        department = Accumulator(count: units.departmentNames.count)
    }

    mutating func test(expert e: Int, in block: inout ExpertExcesses) {
        let sheets = block.sheets(of: e)
        let count = sheets.count
        let mayTest = count >= 2 * minSheets
        let mayEdge = isAuthor[e] && count >= 5
        guard mayTest || mayEdge else { return }
        let values = Array(block.excess[sheets])
        var sum = 0.0
        for x in values { sum += x }
        if mayTest {
            for i in sheets {
                faculty.add(block.faculty[i], block.excess[i])
                department.add(block.department[i], block.excess[i])
            }
            for f in faculty.touched where faculty.inRange(f, minSheets, count) {
                familyTest(e, .faculty, f, units.facultyHash[Int(f)], values, sum, n: faculty.n(f), groupSum: faculty.sum(f))
            }
            for d in department.touched where department.inRange(d, minSheets, count) {
                familyTest(e, .department, d, units.departmentHash[Int(d)], values, sum, n: department.n(d), groupSum: department.sum(d))
            }
            faculty.reset()
            department.reset()
        }
        // Author groups: runs of equal authors once the entries are sorted.
        let entries = block.authorEntries(of: e)
        block.authorKeys[entries].sort()
        var spread: Double?
        var i = entries.lowerBound
        while i < entries.upperBound {
            let a = Int32(bitPattern: UInt32(block.authorKeys[i] >> 32))
            var n = 0, groupSum = 0.0
            while i < entries.upperBound && Int32(bitPattern: UInt32(block.authorKeys[i] >> 32)) == a {
                groupSum += values[Int(block.authorKeys[i] & 0xFFFF_FFFF)]
                n += 1
                i += 1
            }
            if mayTest && n >= minSheets && count - n >= minSheets {
                familyTest(e, .author, a, personHash[Int(a)], values, sum, n: n, groupSum: groupSum)
            } else if mayEdge && ratesHere[Int(a)] && n < count {
                let s = spread ?? robustSpread(values)
                spread = s
                let effect = groupSum / Double(n) - (sum - groupSum) / Double(count - n)
                let z = effect / (s * (1 / Double(n) + 1 / Double(count - n)).squareRoot())
                guard effect >= minEffect && z >= edgeZ else { continue }
                let outcome = permutationTest(e, .author, personHash[Int(a)], values, n: n, groupSum: groupSum)
                edges.append(FavourEdge(from: Int32(e), to: a, rule: .smallGroup, effect: effect, z: z,
                                        pValue: outcome.pValue, qValue: nil, sheets: []))
            }
        }
    }

    private mutating func familyTest(_ e: Int, _ kind: FavouredGroup.Kind, _ group: Int32, _ groupHash: UInt64,
                                     _ values: [Double], _ sum: Double, n: Int, groupSum: Double) {
        tests += 1
        let effect = groupSum / Double(n) - (sum - groupSum) / Double(values.count - n)
        // Below the minimum effect: p = 1, not resampled (see the type's documentation).
        guard effect >= minEffect else { return }
        let outcome = permutationTest(e, kind, groupHash, values, n: n, groupSum: groupSum)
        if outcome.pValue <= alpha {
            candidates.append(Candidate(expert: Int32(e), kind: kind, group: group, effect: effect, outcome: outcome))
        }
    }

    /// The seeded test of one (expert, group): the seed mixes the competition's
    /// seed with the hashes of the expert's id, the group's kind and its name.
    private mutating func permutationTest(_ e: Int, _ kind: FavouredGroup.Kind, _ groupHash: UInt64, _ values: [Double],
                                          n: Int, groupSum: Double) -> PermutationTest.Outcome {
        let testSeed = PermutationTest.seed(seed, personHash[e], UInt64(FavouredGroup.Kind.allCases.firstIndex(of: kind) ?? 0), groupHash)
        if scratch.count < values.count { scratch = [Double](repeating: 0, count: values.count) }
        return values.withUnsafeBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { work in
                PermutationTest.upperTail(values: x, groupSize: n, observedSum: groupSum, maxDraws: maxDraws, seed: testSeed, scratch: work)
            }
        }
    }

    /// max(1.4826 · MAD, floor): the MAD about the median, scaled to a normal sd.
    private func robustSpread(_ values: [Double]) -> Double {
        var work = values
        let median = OutlierRatings.median(&work)
        for i in work.indices { work[i] = abs(values[i] - median) }
        return max(1.4826 * OutlierRatings.median(&work), spreadFloor)
    }
}

/// Faculties and departments of the courses as small integers, and the
/// authors of each course in one flat list (compressed rows).
struct Units: Sendable {
    var facultyNames: [String] = []
    var departmentNames: [String] = []
    var facultyHash: [UInt64] = []
    var departmentHash: [UInt64] = []
    var courseFaculty: [Int32] = []
    var courseDepartment: [Int32] = []
    var authorStart: [Int32] = [0]
    var authorList: [Int32] = []

    init(_ courses: CourseTable) {
        var faculties: [String: Int32] = [:], departments: [String: Int32] = [:]
        // Faculties and departments numbered apart, in order of first use.
        var facultyOfUnit = [Int32](repeating: -1, count: courses.units.count)
        var departmentOfUnit = [Int32](repeating: -1, count: courses.units.count)
        for c in courses.indices {
            let f = Int(courses.facultyUnit[c]), d = Int(courses.departmentUnit[c])
            if facultyOfUnit[f] < 0 { facultyOfUnit[f] = Self.intern(courses.units[Int32(f)], &faculties, &facultyNames) }
            if departmentOfUnit[d] < 0 { departmentOfUnit[d] = Self.intern(courses.units[Int32(d)], &departments, &departmentNames) }
            courseFaculty.append(facultyOfUnit[f])
            courseDepartment.append(departmentOfUnit[d])
        }
        authorList = courses.authorList
        authorStart = courses.authorStart
        facultyHash = facultyNames.map(PermutationTest.stableHash)
        departmentHash = departmentNames.map(PermutationTest.stableHash)
    }

    private static func intern(_ name: String, _ ids: inout [String: Int32], _ names: inout [String]) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        ids[name] = id
        names.append(name)
        return id
    }

    func authors(of course: Int) -> ArraySlice<Int32> {
        authorList[Int(authorStart[course]) ..< Int(authorStart[course + 1])]
    }
}

/// Per-group count and sum of one expert's excesses, indexed by group number,
/// with the list of groups touched so that a reset costs only what was used.
struct Accumulator: Sendable {
    private var counts: [Int32]
    private var sums: [Double]
    private(set) var touched: [Int32] = []

    init(count: Int) {
        counts = [Int32](repeating: 0, count: count)
        sums = [Double](repeating: 0, count: count)
    }

    @inline(__always)
    mutating func add(_ group: Int32, _ x: Double) {
        let g = Int(group)
        if counts[g] == 0 { touched.append(group) }
        counts[g] += 1
        sums[g] += x
    }

    func n(_ group: Int32) -> Int { Int(counts[Int(group)]) }
    func sum(_ group: Int32) -> Double { sums[Int(group)] }

    /// Whether the group has at least `minimum` sheets, and so do the others of `total`.
    func inRange(_ group: Int32, _ minimum: Int, _ total: Int) -> Bool {
        let n = n(group)
        return n >= minimum && total - n >= minimum
    }

    mutating func reset() {
        for g in touched {
            counts[Int(g)] = 0
            sums[Int(g)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }
}

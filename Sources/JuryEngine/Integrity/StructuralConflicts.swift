/// Declared and structural conflicts of interest of every sheet of a stage.
///
/// For a sheet of expert E on course C with authors A(C):
/// - `self_review`: E ∈ A(C);
/// - `declared`: `conflicts.csv` names (E, C) or (E, a) for some a ∈ A(C);
/// - `same_department`: E's department is C's department;
/// - `same_faculty`: E's faculty is C's faculty, in another department;
/// - `coauthor`: E co-authors some other course C' ≠ C with an author a ∈ A(C), a ≠ E;
/// - `earlier_coauthor`: E and some a ∈ A(C), a ≠ E, wrote a course together in
///   an earlier year (`earlierCoauthorships`, from the archive; people matched
///   by `person_id`).
///
/// Complexity: O(sheets × authors per course) after O(courses × authors²)
/// preparation; units are compared as interned integers.
public struct StructuralConflicts: Sendable {
    /// One conflicted sheet: its row and every kind that applies (8 bytes).
    public struct Finding: Sendable, Hashable {
        public var row: Int32
        public var kinds: ConflictKinds
    }

    public private(set) var findings: [Finding] = []
    /// The earlier years' co-authorships the check was given (the evidence of
    /// `earlier_coauthor`).
    public let earlierCoauthorships: Coauthorships

    /// - Parameter earlierCoauthorships: co-authorships of earlier years; empty
    ///   (the default) when no archive is given.
    /// - Parameter sheetsPerRange: sheets checked by one task at least; the
    ///   findings are the same for any value (the tests split finer).
    public init(competition: Competition, view: StageSheets, earlierCoauthorships: Coauthorships = Coauthorships(),
                sheetsPerRange: Int = Self.sheetsPerRange) {
        self.earlierCoauthorships = earlierCoauthorships
        let people = competition.people
        let courses = competition.courses
        // People and courses share one `UnitNames`: units compare as integers.
        let personDepartment = people.departmentUnit, personFaculty = people.facultyUnit
        let courseDepartment = courses.departmentUnit, courseFaculty = courses.facultyUnit
        let authorStart = courses.authorStart, authorList = courses.authorList
        let (coauthorStart, coauthors) = Self.coauthorships(courses: courses, personCount: people.count)
        let (declaredCourse, declaredAuthor) = Self.declaredPairs(competition.conflicts)
        let earlierPairs = Self.earlierPairs(earlierCoauthorships, people: people)
        let checkDeclared = !declaredCourse.isEmpty || !declaredAuthor.isEmpty
        let table = competition.sheets
        // Ranges of sheets on every core, their findings joined in row order.
        let rows = view.rows
        let parts = Concurrently.mapRanges(rows.count, minimum: sheetsPerRange) { range -> [Finding] in
            var findings: [Finding] = []
            /// Whether `person` is an author of the course whose authors are `authorList[authors]`.
            func isAuthor(_ person: Int32, _ authors: Range<Int>) -> Bool {
                for i in authors where authorList[i] == person { return true }
                return false
            }
            for r in rows.lowerBound + range.lowerBound ..< rows.lowerBound + range.upperBound {
                let e = table.expert[r], c = table.course[r]
                let authors = Int(authorStart[Int(c)]) ..< Int(authorStart[Int(c) + 1])
                var kinds = ConflictKinds()
                if isAuthor(e, authors) { kinds.insert(.selfReview) }
                if checkDeclared, declaredCourse.contains(Int64(e) << 32 | Int64(c))
                    || authors.contains(where: { declaredAuthor.contains(Int64(e) << 32 | Int64(authorList[$0])) }) {
                    kinds.insert(.declared)
                }
                if personDepartment[Int(e)] == courseDepartment[Int(c)] {
                    kinds.insert(.sameDepartment)
                } else if personFaculty[Int(e)] == courseFaculty[Int(c)] {
                    kinds.insert(.sameFaculty)
                }
                for k in Int(coauthorStart[Int(e)]) ..< Int(coauthorStart[Int(e) + 1]) {
                    let (person, course) = coauthors[k]
                    if course != c && person != e && isAuthor(person, authors) {
                        kinds.insert(.coauthor)
                        break
                    }
                }
                if !earlierPairs.isEmpty,
                   authors.contains(where: { authorList[$0] != e && earlierPairs.contains(Int64(e) << 32 | Int64(authorList[$0])) }) {
                    kinds.insert(.earlierCoauthor)
                }
                if !kinds.isEmpty { findings.append(Finding(row: Int32(r), kinds: kinds)) }
            }
            return findings
        }
        findings = Concurrently.joined(parts)
    }

    /// Co-authorship, person p's entries `coauthors[coauthorStart[p] ..< coauthorStart[p + 1]]`:
    /// (co-author, course) for every course with p and another author.
    static func coauthorships(courses: CourseTable, personCount: Int) -> (start: [Int32], entries: [(person: Int32, course: Int32)]) {
        let authorStart = courses.authorStart
        var start = [Int32](repeating: 0, count: personCount + 1)
        for c in courses.indices where authorStart[c + 1] - authorStart[c] > 1 {
            let authors = courses.authors(c)
            for a in authors { start[Int(a) + 1] += Int32(authors.count - 1) }
        }
        for p in 0..<personCount { start[p + 1] += start[p] }
        var entries = [(person: Int32, course: Int32)](repeating: (0, 0), count: Int(start[personCount]))
        var next = start
        for c in courses.indices where authorStart[c + 1] - authorStart[c] > 1 {
            let authors = courses.authors(c)
            for a in authors {
                for b in authors where b != a {
                    entries[Int(next[Int(a)])] = (b, Int32(c))
                    next[Int(a)] += 1
                }
            }
        }
        return (start, entries)
    }

    /// Declared conflicts as (expert << 32 | course) and (expert << 32 | author).
    static func declaredPairs(_ conflicts: [DeclaredConflict]) -> (courses: Set<Int64>, authors: Set<Int64>) {
        var courses = Set<Int64>(), authors = Set<Int64>()
        for d in conflicts {
            switch d.target {
            case .course(let c): courses.insert(Int64(d.expert) << 32 | Int64(c))
            case .author(let p): authors.insert(Int64(d.expert) << 32 | Int64(p))
            }
        }
        return (courses, authors)
    }

    /// Earlier co-authors among this year's people, as (person << 32 | person), both ways.
    static func earlierPairs(_ earlier: Coauthorships, people: PersonTable) -> Set<Int64> {
        var pairs = Set<Int64>()
        guard !earlier.isEmpty else { return pairs }
        var index: [String: Int32] = [:]
        for i in people.indices { index[people.ids[i]] = Int32(i) }
        for pair in earlier.coursesByPair.keys {
            guard let a = index[pair.first], let b = index[pair.second] else { continue }
            pairs.insert(Int64(a) << 32 | Int64(b))
            pairs.insert(Int64(b) << 32 | Int64(a))
        }
        return pairs
    }

    /// Sheets checked by one task at least, by default (fewer are checked on one core).
    public static let sheetsPerRange = 1 << 16

    /// The conflict kinds that leave the score under `recuse`
    /// (`integrity.recuse`): those it names, and a self-review always.
    static func recusedKinds(_ recuse: [String]) -> Set<IntegrityKind> {
        Set(recuse.compactMap(IntegrityKind.init(rawValue:))).union([.selfReview])
    }

    /// The sheets that leave the score: those with a kind listed in `recuse`
    /// (and every self-review), with the most serious such kind as the reason.
    public func recusals(recuse: [String], table: SheetTable) -> [Exclusion] {
        let recused = Self.recusedKinds(recuse)
        // The reason for every set of kinds a finding can hold (its bits):
        // millions of findings then cost a table lookup each, not a hash.
        // (Bit i stands for `IntegrityKind.conflicts[i]`, most serious first.)
        let kinds = IntegrityKind.conflicts
        let reasons: [String?] = (0 ..< 1 << kinds.count).map { bits in
            kinds.indices.first { bits & 1 << $0 != 0 && recused.contains(kinds[$0]) }.map { kinds[$0].rawValue }
        }
        return findings.compactMap { f in
            guard let reason = reasons[Int(f.kinds.bits)] else { return nil }
            return Exclusion(row: f.row, expert: table.expert[Int(f.row)], course: table.course[Int(f.row)], reason: reason)
        }
    }
}

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
    public init(competition: Competition, view: StageSheets, earlierCoauthorships: Coauthorships = Coauthorships()) {
        self.earlierCoauthorships = earlierCoauthorships
        let people = competition.people
        let courses = competition.courses
        // People and courses share one `UnitNames`: units compare as integers.
        let personDepartment = people.departmentUnit, personFaculty = people.facultyUnit
        let courseDepartment = courses.departmentUnit, courseFaculty = courses.facultyUnit
        let authorStart = courses.authorStart, authorList = courses.authorList
        // Co-authorship, person p's entries `coauthorStart[p] ..< coauthorStart[p + 1]`:
        // (co-author, course) for every course with p and another author.
        var coauthorStart = [Int32](repeating: 0, count: people.count + 1)
        for c in courses.indices where authorStart[c + 1] - authorStart[c] > 1 {
            let authors = courses.authors(c)
            for a in authors { coauthorStart[Int(a) + 1] += Int32(authors.count - 1) }
        }
        for p in people.indices { coauthorStart[p + 1] += coauthorStart[p] }
        var coauthors = [(person: Int32, course: Int32)](repeating: (0, 0), count: Int(coauthorStart[people.count]))
        var nextCoauthor = coauthorStart
        for c in courses.indices where authorStart[c + 1] - authorStart[c] > 1 {
            let authors = courses.authors(c)
            for a in authors {
                for b in authors where b != a {
                    coauthors[Int(nextCoauthor[Int(a)])] = (b, Int32(c))
                    nextCoauthor[Int(a)] += 1
                }
            }
        }
        var declaredCourse = Set<Int64>()
        var declaredAuthor = Set<Int64>()
        for d in competition.conflicts {
            switch d.target {
            case .course(let c): declaredCourse.insert(Int64(d.expert) << 32 | Int64(c))
            case .author(let p): declaredAuthor.insert(Int64(d.expert) << 32 | Int64(p))
            }
        }
        // Earlier co-authors among this year's people, as (person << 32 | person), both ways.
        var earlierPairs = Set<Int64>()
        if !earlierCoauthorships.isEmpty {
            var index: [String: Int32] = [:]
            for i in people.indices { index[people.ids[i]] = Int32(i) }
            for pair in earlierCoauthorships.coursesByPair.keys {
                guard let a = index[pair.first], let b = index[pair.second] else { continue }
                earlierPairs.insert(Int64(a) << 32 | Int64(b))
                earlierPairs.insert(Int64(b) << 32 | Int64(a))
            }
        }
        let table = competition.sheets
        for r in view.rows {
            let e = table.expert[r], c = table.course[r]
            let authors = authorList[Int(authorStart[Int(c)]) ..< Int(authorStart[Int(c) + 1])]
            var kinds = ConflictKinds()
            if authors.contains(e) { kinds.insert(.selfReview) }
            if declaredCourse.contains(Int64(e) << 32 | Int64(c))
                || (!declaredAuthor.isEmpty && authors.contains { declaredAuthor.contains(Int64(e) << 32 | Int64($0)) }) {
                kinds.insert(.declared)
            }
            if personDepartment[Int(e)] == courseDepartment[Int(c)] {
                kinds.insert(.sameDepartment)
            } else if personFaculty[Int(e)] == courseFaculty[Int(c)] {
                kinds.insert(.sameFaculty)
            }
            let mine = coauthors[Int(coauthorStart[Int(e)]) ..< Int(coauthorStart[Int(e) + 1])]
            if !mine.isEmpty, mine.contains(where: { $0.course != c && $0.person != e && authors.contains($0.person) }) {
                kinds.insert(.coauthor)
            }
            if !earlierPairs.isEmpty, authors.contains(where: { $0 != e && earlierPairs.contains(Int64(e) << 32 | Int64($0)) }) {
                kinds.insert(.earlierCoauthor)
            }
            if !kinds.isEmpty { findings.append(Finding(row: Int32(r), kinds: kinds)) }
        }
    }

    /// The sheets that leave the score: those with a kind listed in `recuse`
    /// (and every self-review), with the most serious such kind as the reason.
    public func recusals(recuse: [String], table: SheetTable) -> [Exclusion] {
        let recused = Set(recuse.compactMap(IntegrityKind.init(rawValue:))).union([.selfReview])
        return findings.compactMap { f in
            guard let kind = IntegrityKind.conflicts.first(where: { f.kinds.contains($0) && recused.contains($0) }) else { return nil }
            return Exclusion(row: f.row, expert: table.expert[Int(f.row)], course: table.course[Int(f.row)], reason: kind.rawValue)
        }
    }
}

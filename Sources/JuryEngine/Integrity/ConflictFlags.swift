extension StructuralConflicts {
    /// One flag per conflicted sheet and kind: a sheet that exists despite a
    /// declared conflict is a `declared` flag in itself, and each structural
    /// conflict a flag of its kind.
    ///
    /// Severity: `IntegritySeverity.ofConflict`. `recused` = whether the kind
    /// leaves the score under `integrity.recuse` (a self-review always does),
    /// as in `recusals(recuse:table:)`. effect = total − consensus, the
    /// sheet's excess over the other experts (null when the course has no
    /// other sheet). A declared flag carries the reasons of every matching
    /// line of `conflicts.csv`; an `earlier_coauthor` flag, one reason per
    /// course the expert wrote with one of the authors in an earlier year
    /// (`"<mooc_id> (<competition id>, <year>) with <person_id>"`).
    ///
    /// Order: by kind in `IntegrityKind.allCases` order, then by row.
    ///
    /// Kept as each flag's kind and row (8 bytes), the flag made when read
    /// (`IntegrityFlags`). The entries are found on every core and written in
    /// place: the findings are split into ranges, and the flags of one kind
    /// from one range are a consecutive segment of the result (kind by kind,
    /// range by range), filled by one task. The result does not depend on the
    /// split (`findingsPerRange`; the tests split finer).
    public func flags(competition: Competition, consensus: Consensus,
                      findingsPerRange: Int = Self.sheetsPerRange) -> IntegrityFlags {
        let kinds = IntegrityKind.allCases
        let findings = self.findings
        let ranges = Concurrently.ranges(findings.count, minimum: findingsPerRange)
        // counts[p][k]: flags of kind k from the findings of range p.
        let counts = Concurrently.map(ranges.count) { p in
            var n = [Int](repeating: 0, count: kinds.count)
            for f in findings[ranges[p]] {
                for (k, kind) in kinds.enumerated() where f.kinds.contains(kind) { n[k] += 1 }
            }
            return n
        }
        // Part k × ranges.count + p of the result: the flags of kind k from range p.
        var parts: [Range<Int>] = []
        var end = 0
        for k in kinds.indices {
            for p in ranges.indices {
                parts.append(end ..< end + counts[p][k])
                end += counts[p][k]
            }
        }
        let entries = Concurrently.array(end, parts: parts) { part, slots in
            let (k, p) = part.quotientAndRemainder(dividingBy: ranges.count)
            let kind = kinds[k]
            var next = 0
            for f in findings[ranges[p]] where f.kinds.contains(kind) {
                slots.initializeElement(at: next, to: IntegrityFlags.ConflictEntry(kind: UInt8(k), row: f.row))
                next += 1
            }
        }
        return IntegrityFlags(conflicts: entries, maker: ConflictFlagMaker(competition: competition, consensus: consensus,
                                                                            earlierCoauthorships: earlierCoauthorships),
                              others: [])
    }
}

/// Makes the flag of one conflicted sheet and kind when it is read
/// (`IntegrityFlags`), as `StructuralConflicts.flags` describes it.
struct ConflictFlagMaker: Sendable {
    let competition: Competition
    /// The competition's sheet table, held here so that making a flag does not copy it out each time.
    let table: SheetTable
    let consensus: Consensus
    let earlierCoauthorships: Coauthorships
    /// Whether each kind of `IntegrityKind.allCases` recuses its sheets.
    let recused: [Bool]
    /// Each expert's lines of `conflicts.csv`.
    let declarations: [Int32: [DeclaredConflict]]

    init(competition: Competition, consensus: Consensus, earlierCoauthorships: Coauthorships) {
        self.competition = competition
        table = competition.sheets
        self.consensus = consensus
        self.earlierCoauthorships = earlierCoauthorships
        let recusing = StructuralConflicts.recusedKinds(competition.rules.integrity.recuse)
        recused = IntegrityKind.allCases.map(recusing.contains)
        var declarations: [Int32: [DeclaredConflict]] = [:]
        for d in competition.conflicts { declarations[d.expert, default: []].append(d) }
        self.declarations = declarations
    }

    func flag(_ entry: IntegrityFlags.ConflictEntry) -> IntegrityFlag {
        let kind = IntegrityKind.allCases[Int(entry.kind)]
        let r = Int(entry.row)
        let e = table.expert[r], c = table.course[r]
        let authors = Array(competition.courses.authors(Int(c)))
        let agreed = consensus[r]
        let sheet = FlaggedSheet(row: Int32(r), expert: e, course: c, total: table.total[r], consensus: agreed.isNaN ? nil : agreed)
        var reasons: [String]?
        if kind == .declared {
            reasons = (declarations[e] ?? []).filter { d in
                switch d.target {
                case .course(let x): x == c
                case .author(let p): authors.contains(p)
                }
            }.map(\.reason)
        } else if kind == .earlierCoauthor {
            let expertID = competition.people[Int(e)].id
            reasons = authors.filter { $0 != e }.flatMap { a in
                let authorID = competition.people[Int(a)].id
                guard expertID != authorID else { return [String]() }
                return (earlierCoauthorships.coursesByPair[Coauthorships.Pair(expertID, authorID)] ?? []).map {
                    "\($0.courseID) (\($0.competitionID), \($0.year)) with \(authorID)"
                }
            }
        }
        return IntegrityFlag(kind: kind, severity: .ofConflict(kind), experts: [e], moocs: [c], authors: authors,
                             effect: sheet.excess, recused: recused[Int(entry.kind)],
                             evidence: .conflict(sheet: sheet, reasons: reasons))
    }
}

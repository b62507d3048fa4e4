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
    public func flags(competition: Competition, consensus: Consensus) -> [IntegrityFlag] {
        let table = competition.sheets
        let kinds = IntegrityKind.allCases
        let recusing = Set(competition.rules.integrity.recuse.compactMap(IntegrityKind.init(rawValue:))).union([.selfReview])
        let recused = kinds.map(recusing.contains)
        var declarations: [Int32: [DeclaredConflict]] = [:]
        for d in competition.conflicts { declarations[d.expert, default: []].append(d) }
        var byKind = [[IntegrityFlag]](repeating: [], count: kinds.count)
        for f in findings {
            let r = Int(f.row)
            let e = table.expert[r], c = table.course[r]
            let authors = Array(competition.courses.authors(Int(c)))
            let agreed = consensus[r]
            let sheet = FlaggedSheet(row: f.row, expert: e, course: c, total: table.total[r], consensus: agreed.isNaN ? nil : agreed)
            for kind in f.kinds {
                let k = kinds.firstIndex(of: kind) ?? 0
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
                byKind[k].append(IntegrityFlag(kind: kind, severity: .ofConflict(kind), experts: [e], moocs: [c], authors: authors,
                                               effect: sheet.excess, recused: recused[k],
                                               evidence: .conflict(sheet: sheet, reasons: reasons)))
            }
        }
        return byKind.flatMap { $0 }
    }
}

import Testing
@testable import JuryEngine

/// `IntegrityFlags` keeps each conflict flag as its kind and row and makes
/// the flag when read: every flag read must be the one the documentation of
/// `StructuralConflicts.flags` describes, read straight from the sheet, in
/// kind order then row order, and the collection must behave as an array of
/// those flags.
@Suite("integrity flags: conflict flags made when read")
struct IntegrityFlagsTests {
    @Test("each conflict flag read is its sheet's, kind by kind and row by row; equal to its flags held as values")
    func conflictFlagsRead() {
        let c = ConcurrentlyTests.competition(seed: 5)
        let view = c.stageSheets(.commission)
        let conflicts = StructuralConflicts(competition: c, view: view)
        let consensus = Consensus(table: c.sheets, view: view)
        let flags = conflicts.flags(competition: c, consensus: consensus)
        let recusing = Set(c.rules.integrity.recuse.compactMap(IntegrityKind.init(rawValue:))).union([.selfReview])
        var expected: [(IntegrityKind, Int32)] = []
        for kind in IntegrityKind.allCases {
            for f in conflicts.findings where f.kinds.contains(kind) { expected.append((kind, f.row)) }
        }
        #expect(flags.count == expected.count && expected.count > 100)
        for (flag, (kind, row)) in zip(flags, expected) {
            let r = Int(row), table = c.sheets
            guard case .conflict(let sheet, _) = flag.evidence else {
                Issue.record("a conflict flag has conflict evidence")
                continue
            }
            #expect(flag.kind == kind && sheet.row == row && flag.severity == .ofConflict(kind))
            #expect(flag.experts == [table.expert[r]] && flag.moocs == [table.course[r]])
            #expect(flag.authors == Array(c.courses.authors(Int(table.course[r]))))
            #expect(flag.recused == recusing.contains(kind))
            let agreed = consensus[r]
            #expect(agreed.isNaN ? flag.effect == nil : flag.effect == table.total[r] - agreed)
        }
        // Read again, or held as values: the same flags.
        let held = IntegrityFlags(Array(flags))
        #expect(held == flags && Array(held) == Array(flags))
        let extra = IntegrityFlag(kind: .selfVote, severity: .high, experts: [1], moocs: [2], authors: [], effect: nil,
                                  recused: false, evidence: .conflict(sheet: FlaggedSheet(row: 0, expert: 1, course: 2, total: 3, consensus: nil), reasons: nil))
        let more = flags.appending([extra])
        #expect(more.count == flags.count + 1 && more.last == extra && Array(more.dropLast()) == Array(flags))
        #expect(more != flags && ([] as IntegrityFlags).isEmpty && IntegrityFlags([extra]) == [extra])
    }
}

import Testing
@testable import JuryEngine

/// Detection power at the default thresholds on planted data (design.md,
/// "Detection power the defaults must reach"), with `PlantedCompetition`:
/// 300 experts, 5 sheets per course, ten experts favouring their own faculty
/// by 2 points per criterion on a tenth of their sheets, five reciprocal
/// pairs and two rings of three adding 3 points per criterion, one sheet per
/// edge. A planted item counts as found when its own flag is raised (the
/// favouring expert with their faculty; the pair; the ring in canonical
/// rotation). A behavioural flag (favouritism, reciprocity, ring) is false
/// unless it is a planted item or a favouring expert's flag on their own
/// faculty or one of its departments.
@Suite("Integrity detection")
struct IntegrityDetectionTests {
    struct Score {
        var found = 0, planted = 0, falseFlags = 0, experts = 0
        var recall: Double { Double(found) / Double(max(planted, 1)) }
    }

    static func score(courses: Int, seeds: ClosedRange<UInt64>) -> Score {
        var s = Score()
        for seed in seeds {
            var p = PlantedCompetition()
            p.seed = seed
            p.courses = courses
            let (c, truth) = p.build()
            let view = c.stageSheets(.commission)
            let a = IntegrityAnalysis(competition: c, view: view, consensus: Consensus(table: c.sheets, view: view))
            s.experts += p.experts
            let favouritism = a.flags.filter { $0.kind == .favouritism }
            let pairs = a.flags.filter { $0.kind == .reciprocity }.map(\.experts)
            let rings = a.flags.filter { $0.kind == .ring }.map(\.experts)
            for (e, faculty) in truth.favouring {
                s.planted += 1
                if favouritism.contains(where: { $0.experts == [e] && $0.evidence.favouritism?.group == .faculty(faculty) }) { s.found += 1 }
            }
            for pair in truth.pairs {
                s.planted += 1
                if pairs.contains(pair) { s.found += 1 }
            }
            for ring in truth.rings {
                s.planted += 1
                if rings.contains(ring) { s.found += 1 }
            }
            for flag in favouritism {
                guard let group = flag.evidence.favouritism?.group, let faculty = truth.favouring[flag.experts[0]] else {
                    s.falseFlags += 1
                    continue
                }
                let own = group == .faculty(faculty) || (group.kind == .department && (group.name ?? "").hasPrefix(faculty + "D"))
                if !own { s.falseFlags += 1 }
            }
            s.falseFlags += pairs.filter { !truth.pairs.contains($0) }.count + rings.filter { !truth.rings.contains($0) }.count
        }
        return s
    }

    @Test("100 sheets per expert (the design's standard): recall ≥ 0.95, at most one false flag per 1 000 experts")
    func designStandard() {
        let s = Self.score(courses: 6000, seeds: 1...4)
        #expect(s.recall >= 0.95, "recall \(s.found)/\(s.planted)")
        #expect(Double(s.falseFlags) <= Double(s.experts) / 1000, "\(s.falseFlags) false flags for \(s.experts) experts")
    }

    @Test("50 sheets per expert: recall ≥ 0.95, at most one false flag per 1 000 experts")
    func halfTheSheets() {
        let s = Self.score(courses: 3000, seeds: 1...4)
        #expect(s.recall >= 0.95, "recall \(s.found)/\(s.planted)")
        #expect(Double(s.falseFlags) <= Double(s.experts) / 1000, "\(s.falseFlags) false flags for \(s.experts) experts")
    }
}

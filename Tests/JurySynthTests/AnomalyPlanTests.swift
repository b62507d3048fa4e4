import Foundation
import JurySynth
import Testing

/// Planted anomalies are checked against a twin bundle with every planted
/// shift set to 0: the plan and every random draw are the same, so the two
/// differ exactly where an anomaly was planted, by its planted size.
@Suite("planted anomalies")
struct AnomalyPlanTests {
    /// The planted bundle, its twin without shifts, both bundles' sheets, and the truth.
    struct Twins {
        let planted: SynthFixture
        let truth: Truth
        let sheets: [String: Sheet]
        let base: [String: Sheet]

        init(_ config: SynthConfig = .smallWithAnomalies) throws {
            var zero = config
            zero.outlierShift = 0
            zero.severeShift = 0
            zero.lenientShift = 0
            zero.favouritismShift = 0
            zero.reciprocalShift = 0
            zero.ringShift = 0
            planted = try SynthFixture(config)
            let twin = try SynthFixture(zero)
            defer { twin.remove() }
            truth = try planted.truth()
            sheets = Sheet.byPair(try Sheet.all(planted))
            base = Sheet.byPair(try Sheet.all(twin))
        }

        /// Checks that sheet (expert, course) is the twin's sheet shifted by
        /// `shift` per criterion, up to rounding and clipping to 1–10.
        func expectShifted(_ expert: String, _ course: String, by shift: Double,
                           sourceLocation: SourceLocation = #_sourceLocation) {
            guard let sheet = sheets["\(expert)|\(course)"], let before = base["\(expert)|\(course)"] else {
                Issue.record("no sheet by \(expert) on \(course)", sourceLocation: sourceLocation)
                return
            }
            for (x, b) in zip(sheet.scores, before.scores) {
                // round(v + s) is round(v) + floor(s) or + ceil(s), then clipped; a
                // base score clipped at an end hides how far beyond it v was.
                func clip(_ y: Int) -> Int { min(max(y, 1), 10) }
                let low = b == 1 && shift > 0 ? 1 : clip(b + Int(shift.rounded(.down)))
                let high = b == 10 && shift < 0 ? 10 : clip(b + Int(shift.rounded(.up)))
                #expect((low...high).contains(x), "\(expert) on \(course): \(before.scores) → \(sheet.scores), shift \(shift)",
                        sourceLocation: sourceLocation)
            }
            #expect(shift > 0 ? sheet.total > before.total : sheet.total < before.total,
                    "\(expert) on \(course): total \(before.total) → \(sheet.total)", sourceLocation: sourceLocation)
        }

        /// Every (expert, course) whose sheet differs from the twin's.
        var changed: Set<String> { Set(sheets.keys.filter { sheets[$0]!.scores != base[$0]!.scores }) }
    }

    @Test("truth.json records every planted anomaly with the configured counts and sizes")
    func truthCounts() throws {
        let twins = try Twins()
        defer { twins.planted.remove() }
        let truth = twins.truth
        #expect(truth.schema == "jury/truth/v1")
        #expect(truth.seed == 7)
        #expect(truth.parameters == .smallWithAnomalies)
        #expect(truth.outlierSheets.count == 6)
        #expect(truth.outlierSheets.allSatisfy { abs($0.shift) == 4 && $0.stage == "commission" })
        #expect(truth.severeExperts.count == 2 && truth.severeExperts.allSatisfy { $0.shift == -3 })
        #expect(truth.lenientExperts.count == 2 && truth.lenientExperts.allSatisfy { $0.shift == 3 })
        #expect(truth.favouritism.count == 2 && truth.favouritism.allSatisfy { $0.shift == 2 && $0.groupKind == "faculty" })
        #expect(truth.reciprocalPairs.count == 2)
        #expect(truth.reciprocalPairs.allSatisfy { $0.experts.count == 2 && $0.moocs.count == 2 && $0.shift == 3 })
        #expect(truth.rings.count == 2)
        #expect(truth.rings.allSatisfy { (3...4).contains($0.experts.count) && $0.moocs.count == $0.experts.count && $0.shift == 3 })
        #expect(truth.selfVotes.count == 3)
    }

    @Test("the data differ from the unshifted twin exactly on the planted sheets, by the planted shifts")
    func plantedShiftsInData() throws {
        let twins = try Twins()
        defer { twins.planted.remove() }
        let truth = twins.truth
        var expected = Set<String>()
        for outlier in truth.outlierSheets {
            twins.expectShifted(outlier.expertID, outlier.moocID, by: outlier.shift)
            expected.insert("\(outlier.expertID)|\(outlier.moocID)")
        }
        for expert in truth.severeExperts + truth.lenientExperts {
            let own = twins.sheets.values.filter { $0.expert == expert.expertID }
            #expect(own.count > 10)
            for sheet in own {
                expected.insert("\(sheet.expert)|\(sheet.course)")
            }
            // Clipping at the ends of the scale eats part of a 3-point shift on
            // the best (lenient) or worst (severe) courses: check the whole
            // expert moves the planted way by at least half the planted size.
            let delta = own.map { twins.sheets["\($0.expert)|\($0.course)"]!.total - twins.base["\($0.expert)|\($0.course)"]!.total }
            let mean = Double(delta.reduce(0, +)) / Double(delta.count)
            #expect(mean * expert.shift > 0 && abs(mean) >= 3.5 * abs(expert.shift) && abs(mean) <= 7 * abs(expert.shift) + 1,
                    "\(expert.expertID): mean total shift \(mean)")
            for sheet in own { twins.expectShifted(sheet.expert, sheet.course, by: expert.shift) }
        }
        for favour in truth.favouritism {
            for course in favour.moocs {
                twins.expectShifted(favour.expertID, course, by: favour.shift)
                expected.insert("\(favour.expertID)|\(course)")
            }
        }
        for cycle in truth.reciprocalPairs + truth.rings {
            for (i, expert) in cycle.experts.enumerated() {
                let course = cycle.moocs[(i + 1) % cycle.moocs.count]
                twins.expectShifted(expert, course, by: cycle.shift)
                expected.insert("\(expert)|\(course)")
            }
        }
        #expect(twins.changed.isSubset(of: expected))
        // Only a sheet already clipped on every criterion could stay the same; none here.
        #expect(expected.subtracting(twins.changed).count <= 1)
    }

    @Test("planted anomalies do not collide: one mark per expert, one planted sheet per course")
    func noCollisions() throws {
        let twins = try Twins()
        defer { twins.planted.remove() }
        let truth = twins.truth
        let markedExperts = truth.severeExperts.map(\.expertID) + truth.lenientExperts.map(\.expertID)
            + truth.favouritism.map(\.expertID) + (truth.reciprocalPairs + truth.rings).flatMap(\.experts)
        #expect(Set(markedExperts).count == markedExperts.count)
        #expect(truth.outlierSheets.allSatisfy { !markedExperts.contains($0.expertID) })

        let plantedCourses = truth.outlierSheets.map(\.moocID) + truth.favouritism.flatMap(\.moocs)
            + (truth.reciprocalPairs + truth.rings).flatMap(\.moocs)
        #expect(Set(plantedCourses).count == plantedCourses.count)
        let selfVoted = truth.selfVotes.map(\.moocID)
        #expect(Set(selfVoted).isDisjoint(with: plantedCourses))

        // A course with a planted sheet has its other sheets from unmarked experts.
        let byCourse = Dictionary(grouping: twins.sheets.values, by: \.course)
        for course in plantedCourses {
            let marked = byCourse[course]!.filter { markedExperts.contains($0.expert) }
            #expect(marked.count <= 1, "\(course): \(marked.map(\.expert))")
        }
    }

    @Test("a favouring expert's own-faculty sheets are exactly the favoured ones, about a tenth of their sheets")
    func favouritismShare() throws {
        var config = SynthConfig()
        config.favouringExperts = 3
        let fixture = try SynthFixture(config)
        defer { fixture.remove() }
        let truth = try fixture.truth()
        let people = try fixture.table("people.csv")
        let personFaculty = people.column("faculty"), personDepartment = people.column("department")
        let peopleRows = people.index(by: "person_id")
        let courses = try fixture.table("moocs.csv")
        let courseFaculty = courses.column("faculty"), courseDepartment = courses.column("department")
        let courseRows = courses.index(by: "mooc_id")
        let sheets = try Sheet.all(fixture)
        for favour in truth.favouritism {
            let expert = peopleRows[favour.expertID]!
            #expect(favour.group == expert[personFaculty])
            let own = sheets.filter { $0.expert == favour.expertID }
            let ownFaculty = own.filter { courseRows[$0.course]![courseFaculty] == favour.group }.map(\.course)
            #expect(Set(ownFaculty) == Set(favour.moocs))
            #expect(favour.moocs.allSatisfy { courseRows[$0]![courseDepartment] != expert[personDepartment] })
            let share = Double(favour.moocs.count) / Double(own.count)
            #expect((0.06...0.16).contains(share), "\(favour.expertID): \(favour.moocs.count) of \(own.count)")
        }
    }

    @Test("pair and ring members lead-author their course and are marked author;expert")
    func cycleAuthorship() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let truth = try fixture.truth()
        let people = try fixture.table("people.csv")
        let roles = people.column("roles"), department = people.column("department")
        let peopleRows = people.index(by: "person_id")
        let courses = try fixture.table("moocs.csv")
        let authors = courses.column("authors"), courseDepartment = courses.column("department")
        let courseRows = courses.index(by: "mooc_id")
        for cycle in truth.reciprocalPairs + truth.rings {
            for (expert, course) in zip(cycle.experts, cycle.moocs) {
                let row = courseRows[course]!
                #expect(row[authors].split(separator: ";").first.map(String.init) == expert)
                #expect(peopleRows[expert]![roles].hasPrefix("author;expert"))
                #expect(row[courseDepartment] == peopleRows[expert]![department])
            }
            #expect(Set(cycle.experts.map { peopleRows[$0]![department] }).count == cycle.experts.count,
                    "members in distinct departments")
        }
        let expertAuthors = people.rows.filter { $0[roles].hasPrefix("author;expert") }.count
        #expect(expertAuthors == (truth.reciprocalPairs + truth.rings).flatMap(\.experts).count)
    }

    @Test("anomaly counts that the structure cannot hold are reported, not looped on")
    func infeasiblePlans() {
        var config = SynthConfig()
        config.courses = 40
        config.experts = 10
        config.perCourse = 3
        config.faculties = 2
        config.departments = 2
        config.rings = 1
        #expect(throws: SynthError.self) { try SyntheticBundle.write(config, to: "/nonexistent") }
    }
}

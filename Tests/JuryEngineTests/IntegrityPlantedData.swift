import Foundation
@testable import JuryEngine

/// A competition built in memory with planted favouritism, reciprocal pairs
/// and rings, and the truth about them (independent of JurySynth).
///
/// Scores are integers 1–10 per criterion:
/// round(5.5 + course quality + course×criterion + expert leniency + noise),
/// with standard deviations 1.2, 0.5, 0.6 and 1.0, clamped to the scale.
/// Every course gets `sheetsPerCourse` distinct experts who are not its
/// authors. Faculties have four departments each; one expert in five also
/// authors a course.
///
/// Planted (all on distinct experts):
/// - favouring experts add `favour` points per criterion to every course of
///   their own faculty, which is made `favouredShare` of their sheets
///   (design.md: "about a tenth of their sheets") by moving them onto
///   further courses of their faculty when chance gave them fewer;
/// - reciprocal pairs A, B: A rates one course of B and B one of A, each
///   with `collusion` points per criterion added;
/// - rings A → B → C → A: each rates one course of the next, with the same bonus.
struct PlantedCompetition {
    var experts = 300
    /// 6 000 courses × 5 sheets = 100 sheets per expert, the design's standard.
    var courses = 6000
    var sheetsPerCourse = 5
    var faculties = 10
    var favouringExperts = 10
    var favour = 2
    var favouredShare = 0.1
    var pairs = 5
    var rings = 2
    var ringLength = 3
    var collusion = 3
    var seed: UInt64 = 1

    struct Truth {
        /// Planted favouring expert → their faculty.
        var favouring: [Int32: String] = [:]
        var pairs: [[Int32]] = []
        /// In canonical rotation (smallest first).
        var rings: [[Int32]] = []
    }

    func build() -> (Competition, Truth) {
        var rng = SeededGenerator(seed: seed)
        func normal(_ sd: Double) -> Double {
            // Box–Muller.
            let u = 1 - rng.nextUnit(), v = rng.nextUnit()
            return sd * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        func uniform(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

        let departmentsPerFaculty = 4
        var people: [Person] = []
        for e in 0..<experts {
            let f = e % faculties, d = (e / faculties) % departmentsPerFaculty
            people.append(Person(id: "E\(e)", fullName: "Expert \(e)", faculty: "F\(f)", department: "F\(f)D\(d)",
                                 roles: e % 5 == 0 ? [.expert, .author] : [.expert]))
        }
        let expertAuthors = (0..<experts).filter { $0 % 5 == 0 }.map { Int32($0) }
        let plainAuthors = courses - expertAuthors.count
        for a in 0..<plainAuthors {
            let f = a % faculties, d = (a / faculties) % departmentsPerFaculty
            people.append(Person(id: "A\(a)", fullName: "Author \(a)", faculty: "F\(f)", department: "F\(f)D\(d)", roles: [.author]))
        }
        // One course per author; an expert-author's course is in their own unit.
        var courseList: [Course] = []
        for c in 0..<courses {
            let author: Int32 = c < expertAuthors.count ? expertAuthors[c] : Int32(experts + c - expertAuthors.count)
            let p = people[Int(author)]
            courseList.append(Course(id: "M\(c)", title: "Course \(c)", authors: [author], faculty: p.faculty, department: p.department))
        }
        let courseOf = Dictionary(uniqueKeysWithValues: (0..<expertAuthors.count).map { (expertAuthors[$0], Int32($0)) })

        // Assignments: distinct non-author experts per course.
        var assigned: [[Int32]] = []
        for c in 0..<courses {
            var chosen: [Int32] = []
            while chosen.count < sheetsPerCourse {
                let e = Int32(uniform(experts))
                if !chosen.contains(e) && !courseList[c].authors.contains(e) { chosen.append(e) }
            }
            assigned.append(chosen)
        }

        // Planted roles on distinct experts: colluders are expert-authors, favouring experts are not authors.
        var truth = Truth()
        var bonus: [Int64: Int] = [:]  // course << 32 | expert → points per criterion
        var colluders = expertAuthors.shuffled(using: &rng)
        func plantEdge(_ from: Int32, _ to: Int32) {
            guard let c = courseOf[to] else { return }
            if !assigned[Int(c)].contains(from) { assigned[Int(c)][uniform(sheetsPerCourse)] = from }
            bonus[Int64(c) << 32 | Int64(from)] = collusion
        }
        for _ in 0..<pairs {
            let a = colluders.removeLast(), b = colluders.removeLast()
            plantEdge(a, b)
            plantEdge(b, a)
            truth.pairs.append([min(a, b), max(a, b)])
        }
        for _ in 0..<rings {
            let ring = (0..<ringLength).map { _ in colluders.removeLast() }
            for i in ring.indices { plantEdge(ring[i], ring[(i + 1) % ring.count]) }
            let start = ring.indices.min { ring[$0] < ring[$1] } ?? 0
            truth.rings.append(Array(ring[start...] + ring[..<start]))
        }
        let honest = (0..<experts).map(Int32.init).filter { $0 % 5 != 0 }.shuffled(using: &rng)
        let planted = Set(bonus.keys.map { Int32(truncatingIfNeeded: $0) })
        for e in honest.prefix(favouringExperts) {
            let faculty = people[Int(e)].faculty
            truth.favouring[e] = faculty
            let rated = (0..<courses).filter { assigned[$0].contains(e) }
            var own = rated.filter { courseList[$0].faculty == faculty }.count
            var total = rated.count
            var others = (0..<courses).filter { courseList[$0].faculty == faculty && !assigned[$0].contains(e) }.shuffled(using: &rng)
            while Double(own) < favouredShare * Double(total), let c = others.popLast() {
                // Take the place of an expert with no planted role on this course.
                guard let slot = assigned[c].indices.first(where: { !planted.contains(assigned[c][$0]) && truth.favouring[assigned[c][$0]] == nil }) else { continue }
                assigned[c][slot] = e
                own += 1
                total += 1
            }
        }

        let quality = (0..<courses).map { _ in normal(1.2) }
        let leniency = (0..<experts).map { _ in normal(0.6) }
        let criteria = Criterion.regulation.count
        var builder = SheetTable.Builder(criterionCount: criteria, weights: Array(repeating: 1, count: criteria))
        for c in 0..<courses {
            let facet = (0..<criteria).map { _ in normal(0.5) }
            for e in assigned[c] {
                var add = bonus[Int64(c) << 32 | Int64(e)] ?? 0
                if truth.favouring[e] == courseList[c].faculty { add += favour }
                let scores = (0..<criteria).map { k -> UInt8 in
                    let x = (5.5 + quality[c] + facet[k] + leniency[Int(e)] + normal(1.0)).rounded()
                    return UInt8(min(10, max(1, Int(x) + add)))
                }
                builder.append(stage: .commission, course: Int32(c), expert: e, scores: scores)
            }
        }
        var rules = Rules()
        rules.seed = seed
        let table = builder.build(courseCount: courses).table
        return (Competition(id: "planted", title: "planted", rules: rules, people: people, courses: courseList, sheets: table), truth)
    }
}

import JuryEngine

/// What an expert carries in the plan. An expert carries at most one mark,
/// so planted effects never add up on one expert.
enum ExpertMark: UInt8, Sendable {
    case ordinary
    case severe
    case lenient
    case favouring
    /// An expert who is also the lead author of a course: a reciprocal pair or a ring.
    case author
}

/// The experts whose every year is marked: severe, lenient and favouring
/// experts are the same in each year of a data set (so that a favouritism
/// repeats). Drawn from the `marks` stream, each uniformly among the still
/// unmarked experts.
struct ExpertMarks: Sendable {
    private(set) var marks: [ExpertMark]
    /// Planted per-criterion shift of each expert's every sheet (severe, lenient).
    private(set) var expertShift: [Double]
    private(set) var severe: [Int32] = []
    private(set) var lenient: [Int32] = []
    private(set) var favouring: [Int32] = []

    init(pool: ExpertPool) throws(SynthError) {
        let config = pool.config
        marks = Array(repeating: .ordinary, count: config.experts)
        expertShift = Array(repeating: 0, count: config.experts)
        var generator = SeededGenerator(seed: config.seed, stream: .marks)
        func pick(_ what: String, _ accept: (Int) -> Bool = { _ in true }) throws(SynthError) -> Int32 {
            try pickUnmarked(what, marks: marks, generator: &generator, accept)
        }
        for _ in 0..<config.severeExperts {
            let e = try pick("a severe expert")
            marks[Int(e)] = .severe
            expertShift[Int(e)] = -config.severeShift
            severe.append(e)
        }
        for _ in 0..<config.lenientExperts {
            let e = try pick("a lenient expert")
            marks[Int(e)] = .lenient
            expertShift[Int(e)] = config.lenientShift
            lenient.append(e)
        }
        for _ in 0..<config.favouringExperts {
            let e = try pick("a favouring expert") { pool.departmentsOfFaculty[pool.faculty(ofExpert: $0)].count >= 2 }
            marks[Int(e)] = .favouring
            favouring.append(e)
        }
    }
}

/// A uniformly drawn expert whose mark is `.ordinary` and who satisfies
/// `accept`, by rejection with a generous bound on the draws (a failing draw
/// is cheap, and the structure may make a candidate rare).
func pickUnmarked(_ what: String, marks: [ExpertMark], generator: inout SeededGenerator,
                  _ accept: (Int) -> Bool) throws(SynthError) -> Int32 {
    for _ in 0..<(64 * marks.count + 10_000) {
        let e = generator.below(marks.count)
        if marks[e] == .ordinary && accept(e) { return Int32(e) }
    }
    throw .infeasible("found no expert for \(what): too few unmarked experts; lower the anomaly counts or add experts")
}

import JuryEngine

/// A sheet whose scores carry a planted shift.
struct PlantedSheet: Sendable, Hashable {
    var expert: Int32
    /// Points added to each criterion score before rounding and clipping.
    var shift: Double
}

/// What the plan says about one course. At most one planted sheet per course,
/// so a planted sheet's course-mates are all unplanted.
struct CoursePlan: Sendable, Hashable {
    var planted: PlantedSheet?
    /// The expert who is the course's lead author (pairs and rings).
    var expertAuthor: Int32?
    /// The course's lead author approves it at the department vote.
    var selfVote = false
}

/// Where every anomaly of one year goes, drawn from the year's `planting`
/// stream before any sheet, on top of the experts' `ExpertMarks`.
///
/// Rules that keep anomalies apart, so that each shows with its planted size:
/// an expert carries at most one mark; a course has at most one planted sheet,
/// self-vote or expert-author cycle; planted sheets and outliers are by experts
/// outside the course's department; a course with a planted sheet gets its
/// other sheets from unmarked experts; a favouring expert's only own-faculty
/// sheets are the favoured ones.
///
/// Complexity: O(experts + departments) plus, per planted item, an expected
/// O(departments) rejection draws.
struct AnomalyPlan: Sendable {
    /// The `ExpertMarks`, plus this year's expert-authors.
    private(set) var marks: [ExpertMark]
    /// Planted per-criterion shift of each expert's every sheet (severe, lenient).
    let expertShift: [Double]
    private(set) var courses: [Int32: CoursePlan] = [:]

    private(set) var outliers: [(course: Int32, sheet: PlantedSheet)] = []
    let severe: [Int32]
    let lenient: [Int32]
    private(set) var favouritism: [(expert: Int32, faculty: Int32, courses: [Int32])] = []
    /// Experts and, at the same position, the course each one authors; expert
    /// i favours the course of expert i + 1 (cyclically).
    private(set) var pairs: [(experts: [Int32], courses: [Int32])] = []
    private(set) var rings: [(experts: [Int32], courses: [Int32])] = []
    private(set) var selfVoteCourses: [Int32] = []

    private let population: Population
    private var generator: SeededGenerator

    init(population: Population, marks expertMarks: ExpertMarks) throws(SynthError) {
        let config = population.config
        self.population = population
        generator = SeededGenerator(seed: config.seed, stream: .planting, year: population.year)
        marks = expertMarks.marks
        expertShift = expertMarks.expertShift
        severe = expertMarks.severe
        lenient = expertMarks.lenient

        try plantFavouritism(expertMarks.favouring)
        for _ in 0..<config.reciprocalPairs {
            pairs.append(try plantCycle(size: 2, shift: config.reciprocalShift))
        }
        for _ in 0..<config.rings {
            let size = min(3 + generator.below(2), config.departments)
            guard size >= 3 else { throw .infeasible("a ring needs three departments (there are \(config.departments))") }
            rings.append(try plantCycle(size: size, shift: config.ringShift))
        }
        try plantOutliers()
        try plantSelfVotes()
        try checkFillable()
    }

    /// Bound on rejection draws before giving up.
    private var attempts: Int { 64 * (population.config.experts + population.config.courses) + 10_000 }

    /// A uniformly drawn unmarked expert satisfying `accept`.
    private mutating func pickExpert(_ what: String, _ accept: (Int) -> Bool) throws(SynthError) -> Int32 {
        try pickUnmarked(what, marks: marks, generator: &generator, accept)
    }

    /// A uniformly drawn course from `candidates` without any plan, satisfying `accept`.
    private mutating func pickCourse(_ what: String, from candidates: ArraySlice<Int32>,
                                     _ accept: (Int32) -> Bool = { _ in true }) throws(SynthError) -> Int32 {
        if !candidates.isEmpty {
            for _ in 0..<attempts {
                let c = candidates[candidates.startIndex + generator.below(candidates.count)]
                if courses[c] == nil && accept(c) { return c }
            }
        }
        throw .infeasible("found no course for \(what): too few courses without a planted anomaly")
    }

    /// For each favouring expert, `favouredSheetsPerExpert` planted sheets
    /// on courses of other departments of their own faculty.
    private mutating func plantFavouritism(_ experts: [Int32]) throws(SynthError) {
        let config = population.config
        for e in experts {
            let faculty = population.faculty(ofExpert: Int(e))
            let department = population.expertDepartment[Int(e)]
            var favoured: [Int32] = []
            for _ in 0..<config.favouredSheetsPerExpert {
                let c = try pickCourse("expert \(e + 1)'s favouritism", from: population.courses(ofFaculty: faculty)) {
                    [population] c in population.courseDepartment[Int(c)] != department
                }
                courses[c] = CoursePlan(planted: PlantedSheet(expert: e, shift: config.favouritismShift))
                favoured.append(c)
            }
            favouritism.append((e, Int32(faculty), favoured.sorted()))
        }
    }

    /// `size` expert-authors in distinct departments (and distinct faculties
    /// while there are enough), each the lead author of a course of their
    /// department, each rating the next one's course `shift` higher.
    private mutating func plantCycle(size: Int, shift: Double) throws(SynthError) -> (experts: [Int32], courses: [Int32]) {
        var experts: [Int32] = []
        var authored: [Int32] = []
        let distinctFaculties = population.config.faculties >= size
        for _ in 0..<size {
            let e = try pickExpert("an expert-author") { [population, experts] e in
                let d = population.expertDepartment[e]
                let f = population.faculty(ofExpert: e)
                return !population.courses(ofDepartment: Int(d)).isEmpty && experts.allSatisfy { other in
                    population.expertDepartment[Int(other)] != d
                        && (!distinctFaculties || population.faculty(ofExpert: Int(other)) != f)
                }
            }
            marks[Int(e)] = .author
            let c = try pickCourse("expert \(e + 1)'s own course",
                                   from: population.courses(ofDepartment: Int(population.expertDepartment[Int(e)])))
            courses[c] = CoursePlan(expertAuthor: e)
            experts.append(e)
            authored.append(c)
        }
        for i in 0..<size {
            let next = authored[(i + 1) % size]
            courses[next]!.planted = PlantedSheet(expert: experts[i], shift: shift)
        }
        return (experts, authored)
    }

    /// Outlier sheets by unmarked experts from another department, shifted
    /// towards the far end of the scale: up on a course of below-average
    /// quality, down on one above. A shift towards the near end would be
    /// clipped away on the best and worst courses, and the sheet would not
    /// carry the planted size the detectors are measured against.
    private mutating func plantOutliers() throws(SynthError) {
        let config = population.config
        let all = population.departmentCourses[...]
        for _ in 0..<config.outlierSheets {
            let c = try pickCourse("an outlier sheet", from: all)
            let d = population.courseDepartment[Int(c)]
            let e = try pickExpert("an outlier sheet") { [population] e in population.expertDepartment[e] != d }
            let up = population.courseQuality[Int(c)] < 0
            let sheet = PlantedSheet(expert: e, shift: up ? config.outlierShift : -config.outlierShift)
            courses[c] = CoursePlan(planted: sheet)
            outliers.append((c, sheet))
        }
    }

    /// Courses whose lead author (never an expert) approves them at the
    /// department vote.
    private mutating func plantSelfVotes() throws(SynthError) {
        let all = population.departmentCourses[...]
        for _ in 0..<population.config.selfVotes {
            let c = try pickCourse("a self-vote", from: all)
            courses[c] = CoursePlan(selfVote: true)
            selfVoteCourses.append(c)
        }
    }

    /// Checks that every course can get its sheets: for each department, the
    /// experts outside it, less every marked expert (a conservative bound),
    /// less one for a possible expert-author, must be at least `perCourse`.
    private func checkFillable() throws(SynthError) {
        let config = population.config
        var inDepartment = [Int](repeating: 0, count: config.departments)
        for d in population.expertDepartment { inDepartment[Int(d)] += 1 }
        let marked = marks.lazy.filter { $0 != .ordinary }.count
        for d in 0..<config.departments where population.departmentCourseStart[d + 1] > population.departmentCourseStart[d] {
            let eligible = config.experts - inDepartment[d] - marked - 1
            if eligible < config.perCourse {
                throw .infeasible("department \(d + 1) has \(population.courses(ofDepartment: d).count) courses but only \(max(eligible, 0)) experts outside it are sure to be eligible, fewer than per-course \(config.perCourse): add experts or departments")
            }
        }
    }
}

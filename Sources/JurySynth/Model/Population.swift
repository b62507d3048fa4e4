import JuryEngine

/// One year's institution before any sheet: the experts of the pool with
/// their severity of that year, and the year's courses with their latent
/// quality, department and number of authors.
///
/// Courses pick a department uniformly (stream `cohort`, per year). Memory:
/// about 30 bytes per course, plus the pool's arrays (shared, not copied).
struct Population: Sendable {
    let pool: ExpertPool
    /// Index of the year in the data set, from 0.
    let year: Int
    /// s_e of this year, positive = harsher.
    let expertSeverity: [Double]

    let courseDepartment: [Int32]
    /// q_c, the latent course quality in points per criterion.
    let courseQuality: [Double]
    /// 1 or 2 authors, an expert-author included.
    let courseAuthorCount: [UInt8]
    /// Courses grouped by department: those of department d are
    /// `departmentCourses[departmentCourseStart[d] ..< departmentCourseStart[d + 1]]`,
    /// ascending; since a faculty's departments are contiguous, so are its courses.
    let departmentCourseStart: [Int]
    let departmentCourses: [Int32]

    var config: SynthConfig { pool.config }
    var departmentFaculty: [Int32] { pool.departmentFaculty }
    var departmentsOfFaculty: [Range<Int>] { pool.departmentsOfFaculty }
    var criterionMean: [Double] { pool.criterionMean }
    var expertDepartment: [Int32] { pool.expertDepartment }
    var expertSpread: [Double] { pool.expertSpread }

    /// Draws year `year`'s courses. Complexity: O(courses + departments).
    init(pool: ExpertPool, year: Int, severity: [Double]) {
        let config = pool.config
        self.pool = pool
        self.year = year
        expertSeverity = severity

        var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .cohort, year: year))
        let d = config.departments
        var courseDepartment = [Int32](repeating: 0, count: config.courses)
        var courseQuality = [Double](repeating: 0, count: config.courses)
        var courseAuthorCount = [UInt8](repeating: 1, count: config.courses)
        var start = [Int](repeating: 0, count: d + 1)
        for c in 0..<config.courses {
            let department = normal.generator.below(d)
            courseDepartment[c] = Int32(department)
            start[department + 1] += 1
            courseQuality[c] = config.courseQualitySD * normal.next()
            if normal.generator.chance(config.coAuthoredShare) { courseAuthorCount[c] = 2 }
        }
        for i in 0..<d { start[i + 1] += start[i] }
        var next = start
        var departmentCourses = [Int32](repeating: 0, count: config.courses)
        for c in 0..<config.courses {
            let department = Int(courseDepartment[c])
            departmentCourses[next[department]] = Int32(c)
            next[department] += 1
        }
        self.courseDepartment = courseDepartment
        self.courseQuality = courseQuality
        self.courseAuthorCount = courseAuthorCount
        departmentCourseStart = start
        self.departmentCourses = departmentCourses
    }

    func faculty(ofExpert e: Int) -> Int { pool.faculty(ofExpert: e) }
    func faculty(ofCourse c: Int) -> Int { Int(departmentFaculty[Int(courseDepartment[c])]) }

    /// The courses of a department (ascending indices).
    func courses(ofDepartment d: Int) -> ArraySlice<Int32> {
        departmentCourses[departmentCourseStart[d] ..< departmentCourseStart[d + 1]]
    }

    /// The courses of a faculty (ascending by department, then index).
    func courses(ofFaculty f: Int) -> ArraySlice<Int32> {
        let range = departmentsOfFaculty[f]
        return departmentCourses[departmentCourseStart[range.lowerBound] ..< departmentCourseStart[range.upperBound]]
    }
}

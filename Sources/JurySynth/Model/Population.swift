import Foundation
import JuryEngine

/// The drawn institution before any sheet: faculties and their departments,
/// experts with their latent severity and spread, courses with their latent
/// quality, department and number of authors.
///
/// Departments are split into contiguous blocks, one per faculty, as evenly as
/// possible; experts and courses pick a department uniformly. Everything here
/// is drawn from the `structure` stream. Memory: about 30 bytes per course
/// and 24 per expert.
struct Population: Sendable {
    let config: SynthConfig
    /// Faculty index of each department.
    let departmentFaculty: [Int32]
    /// `departmentsOfFaculty[f]`: the department indices of faculty `f`.
    let departmentsOfFaculty: [Range<Int>]
    /// μ + β_k: the mean score of each criterion.
    let criterionMean: [Double]

    let expertDepartment: [Int32]
    /// s_e, positive = harsher.
    let expertSeverity: [Double]
    /// σ_e, the sd of the expert's noise.
    let expertSpread: [Double]

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

    /// Draws the population. Complexity: O(courses + experts + departments).
    init(config: SynthConfig, criterionCount: Int) {
        self.config = config
        var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .structure))
        let d = config.departments, f = config.faculties
        departmentsOfFaculty = (0..<f).map { d * $0 / f ..< d * ($0 + 1) / f }
        var departmentFaculty = [Int32](repeating: 0, count: d)
        for (faculty, range) in departmentsOfFaculty.enumerated() {
            for department in range { departmentFaculty[department] = Int32(faculty) }
        }
        self.departmentFaculty = departmentFaculty
        criterionMean = (0..<criterionCount).map { _ in config.meanScore + config.criterionOffsetSD * normal.next() }

        var expertDepartment = [Int32](repeating: 0, count: config.experts)
        var expertSeverity = [Double](repeating: 0, count: config.experts)
        var expertSpread = [Double](repeating: 0, count: config.experts)
        for e in 0..<config.experts {
            expertDepartment[e] = Int32(normal.generator.below(d))
            expertSeverity[e] = config.severitySD * normal.next()
            expertSpread[e] = config.noiseSD * Foundation.exp(config.noiseSpreadSD * normal.next())
        }
        self.expertDepartment = expertDepartment
        self.expertSeverity = expertSeverity
        self.expertSpread = expertSpread

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

    func faculty(ofExpert e: Int) -> Int { Int(departmentFaculty[Int(expertDepartment[e])]) }
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

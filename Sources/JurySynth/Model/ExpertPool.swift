import Foundation
import JuryEngine

/// The institution and its experts, the same in every year of a data set:
/// faculties and their departments, the criterion means, and each expert's
/// department, first-year severity and spread.
///
/// Departments are split into contiguous blocks, one per faculty, as evenly as
/// possible; experts pick a department uniformly. Drawn from the
/// `institution` stream. Memory: 24 bytes per expert.
struct ExpertPool: Sendable {
    let config: SynthConfig
    /// Faculty index of each department.
    let departmentFaculty: [Int32]
    /// `departmentsOfFaculty[f]`: the department indices of faculty `f`.
    let departmentsOfFaculty: [Range<Int>]
    /// μ + β_k: the mean score of each criterion.
    let criterionMean: [Double]
    let expertDepartment: [Int32]
    /// s_e in the first year, positive = harsher.
    let firstSeverity: [Double]
    /// σ_e, the sd of the expert's noise.
    let expertSpread: [Double]

    /// Complexity: O(experts + departments).
    init(config: SynthConfig, criterionCount: Int) {
        self.config = config
        var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .institution))
        let d = config.departments, f = config.faculties
        departmentsOfFaculty = (0..<f).map { d * $0 / f ..< d * ($0 + 1) / f }
        var departmentFaculty = [Int32](repeating: 0, count: d)
        for (faculty, range) in departmentsOfFaculty.enumerated() {
            for department in range { departmentFaculty[department] = Int32(faculty) }
        }
        self.departmentFaculty = departmentFaculty
        criterionMean = (0..<criterionCount).map { _ in config.meanScore + config.criterionOffsetSD * normal.next() }

        var expertDepartment = [Int32](repeating: 0, count: config.experts)
        var firstSeverity = [Double](repeating: 0, count: config.experts)
        var expertSpread = [Double](repeating: 0, count: config.experts)
        for e in 0..<config.experts {
            expertDepartment[e] = Int32(normal.generator.below(d))
            firstSeverity[e] = config.severitySD * normal.next()
            expertSpread[e] = config.noiseSD * Foundation.exp(config.noiseSpreadSD * normal.next())
        }
        self.expertDepartment = expertDepartment
        self.firstSeverity = firstSeverity
        self.expertSpread = expertSpread
    }

    func faculty(ofExpert e: Int) -> Int { Int(departmentFaculty[Int(expertDepartment[e])]) }

    /// The severities of year `year` (≥ 1) from those of the year before: a
    /// random walk with N(0, `severityDriftSD`) steps (stream `drift`).
    func severity(year: Int, after previous: [Double]) -> [Double] {
        var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .drift, year: year))
        return previous.map { $0 + config.severityDriftSD * normal.next() }
    }
}

import JuryEngine

/// Chooses the `perCourse` distinct experts of a course.
///
/// The course's planted sheet, if any, takes the first slot; the others are
/// drawn uniformly among eligible experts: not of the course's department
/// (so same-department conflicts appear only where planted), not its author,
/// not a favouring expert of its faculty (their own-faculty sheets are the
/// planted ones), and, on a course with a planted sheet, unmarked. A slot is
/// drawn by rejection; after 64 misses it takes the first eligible expert
/// from a random starting point, which `AnomalyPlan` has checked exists.
/// Expert loads are therefore close to Poisson around courses·K / experts.
///
/// Complexity: O(K²) expected per course, O(experts) in the rare fallback.
struct ExpertAssignment {
    let population: Population
    let plan: AnomalyPlan

    /// Fills `slots` (exactly `perCourse` entries) with course `c`'s experts, ascending.
    func experts(ofCourse c: Int, coursePlan: CoursePlan?, into slots: UnsafeMutableBufferPointer<Int32>,
                 generator: inout SeededGenerator) {
        let department = population.courseDepartment[c]
        let faculty = population.departmentFaculty[Int(department)]
        let author = coursePlan?.expertAuthor ?? -1
        let plantedCourse = coursePlan?.planted != nil
        var filled = 0
        if let planted = coursePlan?.planted {
            slots[0] = planted.expert
            filled = 1
        }
        let experts = population.config.experts
        func eligible(_ e: Int) -> Bool {
            if population.expertDepartment[e] == department || Int32(e) == author { return false }
            switch plan.marks[e] {
            case .ordinary: break
            case .favouring: if plantedCourse || population.departmentFaculty[Int(population.expertDepartment[e])] == faculty { return false }
            default: if plantedCourse { return false }
            }
            for i in 0..<filled where slots[i] == Int32(e) { return false }
            return true
        }
        while filled < slots.count {
            var chosen = -1
            for _ in 0..<64 {
                let e = generator.below(experts)
                if eligible(e) { chosen = e; break }
            }
            if chosen < 0 {
                let start = generator.below(experts)
                for step in 0..<experts where eligible((start + step) % experts) {
                    chosen = (start + step) % experts
                    break
                }
                precondition(chosen >= 0, "AnomalyPlan.checkFillable guarantees an eligible expert")
            }
            slots[filled] = Int32(chosen)
            filled += 1
        }
        // Insertion sort: K is small.
        for i in 1..<max(slots.count, 1) {
            let x = slots[i]
            var j = i
            while j > 0 && slots[j - 1] > x { slots[j] = slots[j - 1]; j -= 1 }
            slots[j] = x
        }
    }
}

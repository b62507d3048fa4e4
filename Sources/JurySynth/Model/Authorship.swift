/// Who wrote which course. Authors (`A…`) are numbered in course order: the
/// authors of course c are `A(first[c] + 1)` … `A(first[c + 1])`. A course
/// whose lead author is an expert (pairs and rings) lists that expert first
/// and has one `A` author fewer. Every author writes one course.
struct Authorship: Sendable {
    /// `first[c] ..< first[c + 1]`: the author indices of course c.
    let first: [Int32]

    var authorCount: Int { Int(first.last!) }

    init(population: Population, plan: AnomalyPlan) {
        var first = [Int32](repeating: 0, count: population.config.courses + 1)
        for c in 0..<population.config.courses {
            let byExpert: Int32 = plan.courses[Int32(c)]?.expertAuthor == nil ? 0 : 1
            first[c + 1] = first[c] + Int32(population.courseAuthorCount[c]) - byExpert
        }
        self.first = first
    }

    func authors(ofCourse c: Int) -> Range<Int> { Int(first[c]) ..< Int(first[c + 1]) }

    /// The course of author `a`. Complexity: O(log courses).
    func course(ofAuthor a: Int) -> Int {
        var lo = 0, hi = first.count - 1
        // Invariant: first[lo] <= a < first[hi].
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(first[mid]) <= a { lo = mid } else { hi = mid }
        }
        return lo
    }
}

import JuryEngine

/// `votes.csv`: approval ballots of the department stage
/// (`stage,unit,voter_id,mooc_id,rank`, rank empty), unit by unit.
///
/// The voters of a department are its experts, then its planted self-voters.
/// An expert looks at up to 8 random courses of the department (never one
/// they author) and approves the 1–3 best by latent quality plus N(0, 1)
/// noise, so ballots follow quality loosely. A self-voter approves their own
/// course and, in the same way, 0–2 others. Drawn from the `votes` stream.
///
/// Complexity: O(experts + departments + courses) for the grouping, O(1) per voter.
struct VotesFile {
    static let header = "stage,unit,voter_id,mooc_id,rank\n"
    static let looked = 8

    let population: Population
    let plan: AnomalyPlan
    let authorship: Authorship
    let ids: Identifiers.Set

    /// Writes the file; returns the number of ballot rows.
    func write(to path: String) throws(SynthError) -> Int {
        let config = population.config
        var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .votes, year: population.year))
        var expertsOf = [[Int32]](repeating: [], count: config.departments)
        for e in 0..<config.experts { expertsOf[Int(population.expertDepartment[e])].append(Int32(e)) }
        var selfVotersOf = [[Int32]](repeating: [], count: config.departments)
        for c in plan.selfVoteCourses.sorted() { selfVotersOf[Int(population.courseDepartment[Int(c)])].append(c) }
        var authoredBy: [Int32: Int32] = [:]
        for (c, coursePlan) in plan.courses { if let e = coursePlan.expertAuthor { authoredBy[e] = c } }

        let rowBytes = "department,".utf8.count + ids.department.length + max(ids.expert.length, ids.author.length)
            + ids.course.length + 4
        let voters = config.experts + plan.selfVoteCourses.count
        let block = ByteBlock()
        var rows = 0
        block.fill(maxBytes: max(voters * 3 * rowBytes, 1)) { out in
            for d in 0..<config.departments {
                let courses = population.courses(ofDepartment: d)
                guard !courses.isEmpty else { continue }
                /// Approves `own` (if any) and the `approvals` most appealing of
                /// the courses looked at, never `skip`.
                func ballot(_ voterIDs: Identifiers, _ voter: Int, own: Int32?, skip: Int32?, approvals: Int) {
                    var looked: [(course: Int32, appeal: Double)] = []
                    for _ in 0..<Self.looked {
                        let c = courses[courses.startIndex + normal.generator.below(courses.count)]
                        if c == own || c == skip || looked.contains(where: { $0.course == c }) { continue }
                        looked.append((c, population.courseQuality[Int(c)] + normal.next()))
                    }
                    looked.sort { ($0.appeal, $1.course) > ($1.appeal, $0.course) }
                    var approved = looked.prefix(approvals).map(\.course)
                    if let own { approved.append(own) }
                    for c in approved.sorted() {
                        out.put("department,")
                        out.put(ids.department, d)
                        out.put(0x2C)
                        out.put(voterIDs, voter)
                        out.put(0x2C)
                        out.put(ids.course, Int(c))
                        out.put(",\n")
                        rows += 1
                    }
                }
                for e in expertsOf[d] {
                    ballot(ids.expert, Int(e), own: nil, skip: authoredBy[e], approvals: 1 + normal.generator.below(3))
                }
                for c in selfVotersOf[d] {
                    ballot(ids.author, authorship.authors(ofCourse: Int(c)).lowerBound, own: c, skip: nil,
                           approvals: normal.generator.below(3))
                }
            }
        }
        let file = try BlockFile(path: path)
        try file.write(Self.header)
        try file.write(block.bytes)
        return rows
    }
}

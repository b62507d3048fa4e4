import JuryEngine

/// `people.csv`: `person_id,full_name,faculty,department,roles,teaching_staff`;
/// the experts (`E…`) first, then the authors (`A…`), everyone teaching staff.
///
/// Roles: experts are `expert`, expert-authors of pairs and rings
/// `author;expert`, authors `author`; with votes, every expert also has
/// `voter` (they vote in their department), and so has each planted
/// self-voter. Names are drawn from the `people` stream, per block.
struct PeopleFile {
    static let peoplePerChunk = 65_536

    let population: Population
    let plan: AnomalyPlan
    let authorship: Authorship
    let ids: Identifiers.Set

    var count: Int { population.config.experts + authorship.authorCount }

    func write(to path: String, progress: (Double) -> Void) throws(SynthError) {
        let config = population.config
        let experts = config.experts
        let total = count
        let rowBytes = max(ids.expert.length, ids.author.length) + SyntheticText.maxNameBytes
            + ids.faculty.length + ids.department.length + "author;expert;voter".utf8.count + ",yes\n".utf8.count + 4
        let chunks = (total + Self.peoplePerChunk - 1) / Self.peoplePerChunk
        let file = ChunkedFile(path: path, header: "person_id,full_name,faculty,department,roles,teaching_staff\n",
                               chunkCount: chunks) { _ in Self.peoplePerChunk * rowBytes }
        try file.write(progress: { progress(Double($0) / Double(chunks)) }) { chunk, out in
            var generator = SeededGenerator(seed: config.seed, stream: .people, index: chunk)
            let first = chunk * Self.peoplePerChunk
            let people = first ..< min(first + Self.peoplePerChunk, total)
            var course = people.lowerBound >= experts ? authorship.course(ofAuthor: people.lowerBound - experts) : 0
            for p in people {
                let department: Int
                if p < experts {
                    department = Int(population.expertDepartment[p])
                    out.put(ids.expert, p)
                } else {
                    let a = p - experts
                    while authorship.first[course + 1] <= a { course += 1 }
                    department = Int(population.courseDepartment[course])
                    out.put(ids.author, a)
                }
                out.put(0x2C)
                putName(&out, &generator)
                out.put(0x2C)
                out.put(ids.faculty, Int(population.departmentFaculty[department]))
                out.put(0x2C)
                out.put(ids.department, department)
                if p < experts {
                    out.put(plan.marks[p] == .author ? ",author;expert" : ",expert")
                    if config.votes { out.put(";voter") }
                } else {
                    let lead = authorship.first[course] == Int32(p - experts)
                    out.put(lead && plan.courses[Int32(course)]?.selfVote == true ? ",author;voter" : ",author")
                }
                out.put(",yes\n")
            }
        }
    }

    private func putName(_ out: inout ByteCursor, _ generator: inout SeededGenerator) {
        let female = generator.chance(0.5)
        out.put(SyntheticText.familyNames[generator.below(SyntheticText.familyNames.count)])
        if female { out.put(SyntheticText.feminineEnding) }
        out.put(0x20)
        let given = female ? SyntheticText.femaleNames : SyntheticText.maleNames
        out.put(given[generator.below(given.count)])
    }
}

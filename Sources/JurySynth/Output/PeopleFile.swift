import JuryEngine

/// `people.csv`: `person_id,full_name,faculty,department,roles,teaching_staff`;
/// the experts (`E…`) first, then the authors (`A…`), everyone teaching staff.
///
/// Roles: experts are `expert`, expert-authors of pairs and rings
/// `author;expert`, authors `author`; with votes, every expert also has
/// `voter` (they vote in their department), and so has each planted
/// self-voter. Names are drawn per block: experts' from the `experts`
/// stream (the same every year), authors' from the year's `authors` stream.
struct PeopleFile {
    static let peoplePerChunk = 65_536

    let population: Population
    let plan: AnomalyPlan
    let authorship: Authorship
    let ids: Identifiers.Set

    func write(to path: String, progress: (Double) -> Void) throws(SynthError) {
        let config = population.config
        let experts = config.experts, authors = authorship.authorCount
        let rowBytes = max(ids.expert.length, ids.author.length) + SyntheticText.maxNameBytes
            + ids.faculty.length + ids.department.length + "author;expert;voter".utf8.count + ",yes\n".utf8.count + 4
        let per = Self.peoplePerChunk
        // Experts and authors are chunked apart, so that an expert's name comes
        // from the year-independent `experts` stream and stays the same every year.
        let expertChunks = (experts + per - 1) / per
        let chunks = expertChunks + (authors + per - 1) / per
        let file = ChunkedFile(path: path, header: "person_id,full_name,faculty,department,roles,teaching_staff\n",
                               chunkCount: chunks, maxChunkBytes: per * rowBytes)
        try file.write(progress: { progress(Double($0) / Double(chunks)) }) { chunk, out in
            if chunk < expertChunks {
                var generator = SeededGenerator(seed: config.seed, stream: .experts, index: chunk)
                for e in chunk * per ..< min((chunk + 1) * per, experts) {
                    let department = Int(population.expertDepartment[e])
                    out.put(ids.expert, e)
                    putCommon(&out, department: department, &generator)
                    out.put(plan.marks[e] == .author ? ",author;expert" : ",expert")
                    if config.votes { out.put(";voter") }
                    out.put(",yes\n")
                }
            } else {
                let block = chunk - expertChunks
                var generator = SeededGenerator(seed: config.seed, stream: .authors, year: population.year, index: block)
                let first = block * per
                var course = authorship.course(ofAuthor: first)
                for a in first ..< min(first + per, authors) {
                    while authorship.first[course + 1] <= a { course += 1 }
                    out.put(ids.author, a)
                    putCommon(&out, department: Int(population.courseDepartment[course]), &generator)
                    let lead = authorship.first[course] == Int32(a)
                    out.put(lead && plan.courses[Int32(course)]?.selfVote == true ? ",author;voter" : ",author")
                    out.put(",yes\n")
                }
            }
        }
    }

    /// `,full_name,faculty,department`.
    private func putCommon(_ out: inout ByteCursor, department: Int, _ generator: inout SeededGenerator) {
        out.put(0x2C)
        putName(&out, &generator)
        out.put(0x2C)
        out.put(ids.faculty, Int(population.departmentFaculty[department]))
        out.put(0x2C)
        out.put(ids.department, department)
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

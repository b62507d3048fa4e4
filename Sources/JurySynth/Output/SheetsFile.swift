import JuryEngine

/// `sheets.csv`: `stage,expert_id,mooc_id,<criteria>,total`, one row per
/// sheet, courses in id order and each course's experts in id order.
///
/// Courses are drawn and formatted in blocks of `coursesPerChunk`, each block
/// from its own random stream, in parallel; the block size is fixed so the
/// bytes do not depend on the thread count.
struct SheetsFile {
    static let coursesPerChunk = 4096

    let model: ScoreModel
    let assignment: ExpertAssignment
    let ids: Identifiers.Set
    let criteria: [Criterion]

    var chunkCount: Int { (model.population.config.courses + Self.coursesPerChunk - 1) / Self.coursesPerChunk }

    func write(to path: String, progress: (Double) -> Void) throws(SynthError) {
        let config = model.population.config
        let k = criteria.count
        let perCourse = config.perCourse
        let scoreDigits = String(model.scale.max).count
        let rowBytes = "commission,".utf8.count + ids.expert.length + 1 + ids.course.length + 1
            + k * (scoreDigits + 1) + String(k * model.scale.max).count + 1
        let header = (["stage", "expert_id", "mooc_id"] + criteria.map(\.key) + ["total"]).joined(separator: ",") + "\n"
        let chunks = chunkCount
        let file = ChunkedFile(path: path, header: header, chunkCount: chunks,
                               maxChunkBytes: Self.coursesPerChunk * perCourse * rowBytes)
        try file.write(progress: { progress(Double($0) / Double(chunks)) }) { chunk, out in
            let first = chunk * Self.coursesPerChunk
            let courses = first ..< min(first + Self.coursesPerChunk, config.courses)
            var normal = NormalSampler(SeededGenerator(seed: config.seed, stream: .sheets, year: model.population.year, index: chunk))
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: perCourse) { experts in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { offsets in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: perCourse * k) { scores in
                        for c in courses {
                            let coursePlan = model.plan.courses[Int32(c)]
                            assignment.experts(ofCourse: c, coursePlan: coursePlan, into: experts,
                                               generator: &normal.generator)
                            model.drawSheets(course: c, experts: experts, planted: coursePlan?.planted,
                                             normal: &normal, offsets: offsets, scores: scores)
                            for slot in 0..<perCourse {
                                out.put("commission,")
                                out.put(ids.expert, Int(experts[slot]))
                                out.put(0x2C)
                                out.put(ids.course, c)
                                var total = 0
                                for j in 0..<k {
                                    let score = Int(scores[slot * k + j])
                                    total += score
                                    out.put(0x2C)
                                    out.putDecimal(score)
                                }
                                out.put(0x2C)
                                out.putDecimal(total)
                                out.put(0x0A)
                            }
                        }
                    }
                }
            }
        }
    }
}

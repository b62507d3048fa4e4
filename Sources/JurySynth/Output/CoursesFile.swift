import JuryEngine

/// `moocs.csv`: the required columns and the eligibility columns a commission
/// fills from F-01 and F-02, with values that pass every check (so every
/// course is a candidate): 2–6 cohorts, syllabus, promo video of 60–180 s,
/// glossary, forum, lectures of at most 300–900 s, MP4/H.264 at 1280×720 or
/// 1920×1080, AAC/MP3/AC3 audio, citations ≤ 5 %, both attachments, and a
/// submission between March 1 and the deadline (May 15, 18:00, +05:00) of
/// the bundle's year. Titles are "<topic> (<level>)" in the course's first
/// language. Values are drawn from the `courses` stream, per block.
struct CoursesFile {
    static let coursesPerChunk = 16_384
    static let header = "mooc_id,title,authors,faculty,department,languages,submitted_at,cohorts,"
        + "has_syllabus,has_promo_video,has_glossary,has_forum,promo_video_seconds,max_lecture_seconds,"
        + "video_format,audio_codec,citation_share,has_implementation_act,has_placement_certificate\n"
    /// Separators and the columns from `languages` on: at most 98 bytes.
    static let maxFixedBytes = 128
    static let videoFormats: [StaticString] = ["mp4/h264/1280x720", "mp4/h264/1920x1080"]
    static let audioCodecs: [StaticString] = ["aac", "aac", "mp3", "ac3"]

    let population: Population
    let plan: AnomalyPlan
    let authorship: Authorship
    let ids: Identifiers.Set

    func write(to path: String, progress: (Double) -> Void) throws(SynthError) {
        let config = population.config
        let rowBytes = ids.course.length + SyntheticText.maxTitleBytes + 2 * (max(ids.author.length, ids.expert.length) + 1)
            + ids.faculty.length + ids.department.length + Self.maxFixedBytes
        let chunks = (config.courses + Self.coursesPerChunk - 1) / Self.coursesPerChunk
        let file = ChunkedFile(path: path, header: Self.header, chunkCount: chunks,
                               maxChunkBytes: Self.coursesPerChunk * rowBytes)
        try file.write(progress: { progress(Double($0) / Double(chunks)) }) { chunk, out in
            var generator = SeededGenerator(seed: config.seed, stream: .courses, year: population.year, index: chunk)
            let first = chunk * Self.coursesPerChunk
            for c in first ..< min(first + Self.coursesPerChunk, config.courses) {
                let department = Int(population.courseDepartment[c])
                let languages = SyntheticText.languageSets[generator.below(SyntheticText.languageSets.count)]
                out.put(ids.course, c)
                out.put(0x2C)
                let topics = SyntheticText.topics[languages.title], levels = SyntheticText.levels[languages.title]
                out.put(topics[generator.below(topics.count)])
                out.put(" (")
                out.put(levels[generator.below(levels.count)])
                out.put("),")
                var separator = false
                if let expert = plan.courses[Int32(c)]?.expertAuthor {
                    out.put(ids.expert, Int(expert))
                    separator = true
                }
                for a in authorship.authors(ofCourse: c) {
                    if separator { out.put(0x3B) }
                    out.put(ids.author, a)
                    separator = true
                }
                out.put(0x2C)
                out.put(ids.faculty, Int(population.departmentFaculty[department]))
                out.put(0x2C)
                out.put(ids.department, department)
                out.put(0x2C)
                out.put(languages.text)
                out.put(0x2C)
                putSubmission(&out, year: config.year + population.year, &generator)
                out.put(0x2C)
                out.putDecimal(2 + generator.below(5))
                out.put(",yes,yes,yes,yes,")
                out.putDecimal(60 + generator.below(121))
                out.put(0x2C)
                out.putDecimal(300 + generator.below(601))
                out.put(0x2C)
                out.put(Self.videoFormats[generator.below(Self.videoFormats.count)])
                out.put(0x2C)
                out.put(Self.audioCodecs[generator.below(Self.audioCodecs.count)])
                out.put(",0.0")
                out.putDecimal(generator.below(6))
                out.put(",yes,yes\n")
            }
        }
    }

    /// A minute between March 1, 00:00 and May 15, 17:59 (+05:00).
    private func putSubmission(_ out: inout ByteCursor, year: Int, _ generator: inout SeededGenerator) {
        let minute = generator.below((31 + 30 + 14) * 1440 + 18 * 60)
        let day = minute / 1440
        let (month, dayOfMonth) = day < 31 ? (3, day + 1) : day < 61 ? (4, day - 30) : (5, day - 60)
        out.putPadded(year, width: 4)
        out.put(0x2D)
        out.putPadded(month, width: 2)
        out.put(0x2D)
        out.putPadded(dayOfMonth, width: 2)
        out.put(0x54)
        out.putPadded(minute % 1440 / 60, width: 2)
        out.put(0x3A)
        out.putPadded(minute % 60, width: 2)
        out.put(":00+05:00")
    }
}

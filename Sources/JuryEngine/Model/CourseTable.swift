/// Every submitted course (`moocs.csv`), as columns: ids and titles in two
/// byte buffers, authors as offsets into one array, units and repeated
/// values (video format, audio codec, languages) interned, the facts of F-01
/// and F-02 in fixed-width columns with a sentinel for "not given". No
/// object per row: about 100 bytes a course plus its title.
///
/// `table[c]` gives the whole `Course` (its strings made on demand); loops
/// over many courses read the columns: `ids[c]`, `titles[c]`,
/// `authors(c)`, `facultyUnit[c]`, `departmentUnit[c]`.
public struct CourseTable: RandomAccessCollection, Sendable {
    public private(set) var ids = TextColumn()
    public private(set) var titles = TextColumn()
    /// Authors of course `c` are `authorList[authorStart[c] ..< authorStart[c + 1]]`.
    public private(set) var authorStart: [Int32] = [0]
    public private(set) var authorList: [Int32] = []
    public private(set) var facultyUnit: [Int32] = []
    public private(set) var departmentUnit: [Int32] = []
    /// Names of the faculties and departments the unit columns point into.
    public private(set) var units: UnitNames
    private var languages = InternedColumn()
    /// The `video_format` cells: a few distinct values, each read once by
    /// the eligibility checks.
    public private(set) var videoFormats = InternedColumn()
    private var audioCodecs = InternedColumn()
    private var links = TextColumn()
    private var annotations = TextColumn()
    private var submittedText = TextColumn()
    private var submittedSeconds: [Int64] = []
    private var cohorts: [Int] = []
    private var previousAwardYears: [Int] = []
    private var promoVideoSeconds: [Double] = []
    private var maxLectureSeconds: [Double] = []
    private var citationShares: [Double] = []
    /// Six yes/no facts, two bits each (0 = not given, 1 = no, 2 = yes).
    private var yesNo: [UInt16] = []

    private static let noInt = Int.min
    private static let noSeconds = Int64.min

    public init(units: UnitNames = UnitNames()) {
        self.units = units
    }

    /// A table of the given courses, their units interned into `units`.
    public init(_ courses: [Course], units: inout UnitNames) {
        self.init()
        for c in courses { append(c, units: &units) }
        self.units = units
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { facultyUnit.count }

    /// The authors of course `c` (indices into the people), lead author first.
    public func authors(_ c: Int) -> ArraySlice<Int32> {
        authorList[Int(authorStart[c]) ..< Int(authorStart[c + 1])]
    }

    public func faculty(_ c: Int) -> String { units[facultyUnit[c]] }
    public func department(_ c: Int) -> String { units[departmentUnit[c]] }

    /// The whole record of course `c`.
    public subscript(c: Int) -> Course {
        var course = Course(id: ids[c], title: titles[c], authors: Array(authors(c)), faculty: faculty(c), department: department(c))
        course.languages = languages[c].map { $0.isEmpty ? [] : $0.split(separator: ";").map(String.init) }
        course.link = links.isEmpty(c) ? nil : links[c]
        course.annotation = annotations.isEmpty(c) ? nil : annotations[c]
        if submittedSeconds[c] != CourseTable.noSeconds {
            course.submittedAt = Timestamp(text: submittedText[c], secondsSinceEpoch: submittedSeconds[c])
        }
        course.cohorts = cohorts[c] == CourseTable.noInt ? nil : cohorts[c]
        let flags = yesNo[c]
        func bool(_ slot: Int) -> Bool? {
            switch (flags >> (2 * slot)) & 3 {
            case 1: false
            case 2: true
            default: nil
            }
        }
        course.hasSyllabus = bool(0)
        course.hasPromoVideo = bool(1)
        course.hasGlossary = bool(2)
        course.hasForum = bool(3)
        course.hasImplementationAct = bool(4)
        course.hasPlacementCertificate = bool(5)
        course.promoVideoSeconds = promoVideoSeconds[c].isNaN ? nil : promoVideoSeconds[c]
        course.maxLectureSeconds = maxLectureSeconds[c].isNaN ? nil : maxLectureSeconds[c]
        course.videoFormat = videoFormats[c]
        course.audioCodec = audioCodecs[c]
        course.citationShare = citationShares[c].isNaN ? nil : citationShares[c]
        course.previousAwardYear = previousAwardYears[c] == CourseTable.noInt ? nil : previousAwardYears[c]
        return course
    }

    /// The facts of a course other than its id, title, authors and units,
    /// as the bundle reader hands them over.
    public struct Facts: Sendable {
        /// The language list (`;`-separated), as a code of `code(of:in:)`;
        /// -1 when not given.
        public var languages: Int32 = -1
        public var cohorts: Int?
        public var hasSyllabus: Bool?
        public var hasPromoVideo: Bool?
        public var hasGlossary: Bool?
        public var hasForum: Bool?
        public var promoVideoSeconds: Double?
        public var maxLectureSeconds: Double?
        /// Codes of `code(of:in:)`; -1 when not given.
        public var videoFormat: Int32 = -1
        public var audioCodec: Int32 = -1
        public var citationShare: Double?
        public var hasImplementationAct: Bool?
        public var hasPlacementCertificate: Bool?
        public var previousAwardYear: Int?

        public init() {}
    }

    /// The columns whose values repeat from course to course, each distinct
    /// value held once (`InternedColumn`).
    public enum RepeatedText: Sendable {
        case languages, videoFormat, audioCodec
    }

    /// The code of `value` in `column`, interned when new: what `Facts`
    /// holds for it. A reader that meets the same bytes row after row asks
    /// once per distinct value and keeps the code, instead of hashing a
    /// `String` for every course.
    public mutating func code(of value: String, in column: RepeatedText) -> Int32 {
        switch column {
        case .languages: languages.intern(value)
        case .videoFormat: videoFormats.intern(value)
        case .audioCodec: audioCodecs.intern(value)
        }
    }

    public mutating func append(_ course: Course, units: inout UnitNames) {
        let c = course
        ids.append(c.id)
        titles.append(c.title)
        authorList.append(contentsOf: c.authors)
        authorStart.append(Int32(authorList.count))
        facultyUnit.append(units.intern(c.faculty))
        departmentUnit.append(units.intern(c.department))
        links.append(c.link ?? "")
        annotations.append(c.annotation ?? "")
        var facts = Facts()
        facts.languages = c.languages.map { code(of: $0.joined(separator: ";"), in: .languages) } ?? -1
        facts.cohorts = c.cohorts
        facts.hasSyllabus = c.hasSyllabus
        facts.hasPromoVideo = c.hasPromoVideo
        facts.hasGlossary = c.hasGlossary
        facts.hasForum = c.hasForum
        facts.promoVideoSeconds = c.promoVideoSeconds
        facts.maxLectureSeconds = c.maxLectureSeconds
        facts.videoFormat = c.videoFormat.map { code(of: $0, in: .videoFormat) } ?? -1
        facts.audioCodec = c.audioCodec.map { code(of: $0, in: .audioCodec) } ?? -1
        facts.citationShare = c.citationShare
        facts.hasImplementationAct = c.hasImplementationAct
        facts.hasPlacementCertificate = c.hasPlacementCertificate
        facts.previousAwardYear = c.previousAwardYear
        appendFacts(facts)
        submittedText.append(c.submittedAt?.text ?? "")
        submittedSeconds.append(c.submittedAt?.secondsSinceEpoch ?? CourseTable.noSeconds)
        self.units = units
    }

    /// Appends a course straight from UTF-8 bytes (the bundle reader's path).
    /// An empty `link` or `annotation` reads back as nil; `submittedAt` is
    /// the timestamp as written with its instant, nil when not given.
    public mutating func append(id: UnsafeRawBufferPointer, title: UnsafeRawBufferPointer, authors: [Int32],
                                faculty: Int32, department: Int32, link: UnsafeRawBufferPointer,
                                annotation: UnsafeRawBufferPointer,
                                submittedAt: (text: UnsafeRawBufferPointer, secondsSinceEpoch: Int64)?, facts: Facts) {
        ids.append(utf8: id)
        titles.append(utf8: title)
        authorList.append(contentsOf: authors)
        authorStart.append(Int32(authorList.count))
        facultyUnit.append(faculty)
        departmentUnit.append(department)
        links.append(utf8: link)
        annotations.append(utf8: annotation)
        submittedText.append(utf8: submittedAt?.text ?? UnsafeRawBufferPointer(start: nil, count: 0))
        submittedSeconds.append(submittedAt?.secondsSinceEpoch ?? CourseTable.noSeconds)
        appendFacts(facts)
    }

    private mutating func appendFacts(_ f: Facts) {
        languages.append(code: f.languages)
        cohorts.append(f.cohorts ?? CourseTable.noInt)
        previousAwardYears.append(f.previousAwardYear ?? CourseTable.noInt)
        promoVideoSeconds.append(f.promoVideoSeconds ?? .nan)
        maxLectureSeconds.append(f.maxLectureSeconds ?? .nan)
        citationShares.append(f.citationShare ?? .nan)
        videoFormats.append(code: f.videoFormat)
        audioCodecs.append(code: f.audioCodec)
        func bits(_ value: Bool?, _ slot: UInt16) -> UInt16 {
            guard let value else { return 0 }
            return (value ? 2 : 1) << (2 * slot)
        }
        yesNo.append(bits(f.hasSyllabus, 0) | bits(f.hasPromoVideo, 1) | bits(f.hasGlossary, 2) | bits(f.hasForum, 3)
                     | bits(f.hasImplementationAct, 4) | bits(f.hasPlacementCertificate, 5))
    }

    /// Bytes held by the columns (the memory figures of `jury validate --memory`).
    public var byteCount: Int {
        ids.byteCount + titles.byteCount + 4 * (authorStart.count + authorList.count) + 4 * 2 * count
            + languages.byteCount + videoFormats.byteCount + audioCodecs.byteCount + links.byteCount + annotations.byteCount
            + submittedText.byteCount + 8 * submittedSeconds.count + 8 * (cohorts.count + previousAwardYears.count)
            + 8 * (promoVideoSeconds.count + maxLectureSeconds.count + citationShares.count) + 2 * yesNo.count
    }

    /// Points the unit columns at `names` (which must extend the names they were interned with).
    public mutating func setUnits(_ names: UnitNames) { units = names }

    /// Renumbers the unit columns: unit `u` becomes `map[u]`, an index into `names`
    /// (courses read apart from the people, their units joined afterwards).
    public mutating func remapUnits(_ map: [Int32], to names: UnitNames) {
        for c in facultyUnit.indices {
            facultyUnit[c] = map[Int(facultyUnit[c])]
            departmentUnit[c] = map[Int(departmentUnit[c])]
        }
        units = names
    }

    /// Appends the courses of `other`, column by column in bulk (a later
    /// range of `moocs.csv`, read apart). Its unit columns must already
    /// point into this table's units (see `remapUnits`); its repeated values
    /// are interned here in the order they first appear in it. The table
    /// comes out as if each course had been appended on its own.
    public mutating func append(contentsOf other: CourseTable) {
        ids.append(contentsOf: other.ids)
        titles.append(contentsOf: other.titles)
        let base = Int32(authorList.count)
        authorList.append(contentsOf: other.authorList)
        authorStart.append(contentsOf: other.authorStart.dropFirst().lazy.map { base + $0 })
        facultyUnit.append(contentsOf: other.facultyUnit)
        departmentUnit.append(contentsOf: other.departmentUnit)
        languages.append(contentsOf: other.languages)
        videoFormats.append(contentsOf: other.videoFormats)
        audioCodecs.append(contentsOf: other.audioCodecs)
        links.append(contentsOf: other.links)
        annotations.append(contentsOf: other.annotations)
        submittedText.append(contentsOf: other.submittedText)
        submittedSeconds.append(contentsOf: other.submittedSeconds)
        cohorts.append(contentsOf: other.cohorts)
        previousAwardYears.append(contentsOf: other.previousAwardYears)
        promoVideoSeconds.append(contentsOf: other.promoVideoSeconds)
        maxLectureSeconds.append(contentsOf: other.maxLectureSeconds)
        citationShares.append(contentsOf: other.citationShares)
        yesNo.append(contentsOf: other.yesNo)
    }

    /// Makes room for `factor` times the courses (and author entries) the
    /// table holds, column by column (`TextColumn.reserveCapacity(scaling:)`).
    public mutating func reserveCapacity(scaling factor: Double) {
        guard factor > 1 else { return }
        let rows = scaledCapacity(count, by: factor)
        ids.reserveCapacity(scaling: factor)
        titles.reserveCapacity(scaling: factor)
        links.reserveCapacity(scaling: factor)
        annotations.reserveCapacity(scaling: factor)
        submittedText.reserveCapacity(scaling: factor)
        authorList.reserveCapacity(scaledCapacity(authorList.count, by: factor))
        reserveFixedWidthColumns(rows: rows)
    }

    /// Makes room for the courses of `others`, appended next, so that each
    /// column grows once.
    public mutating func reserveCapacity(appending others: [CourseTable]) {
        let rows = count + others.reduce(0) { $0 + $1.count }
        ids.reserveCapacity(appending: others.map(\.ids))
        titles.reserveCapacity(appending: others.map(\.titles))
        links.reserveCapacity(appending: others.map { $0.links })
        annotations.reserveCapacity(appending: others.map { $0.annotations })
        submittedText.reserveCapacity(appending: others.map { $0.submittedText })
        authorList.reserveCapacity(authorList.count + others.reduce(0) { $0 + $1.authorList.count })
        reserveFixedWidthColumns(rows: rows)
    }

    /// Makes room for `rows` courses in every column of one value a course.
    private mutating func reserveFixedWidthColumns(rows: Int) {
        authorStart.reserveCapacity(rows + 1)
        facultyUnit.reserveCapacity(rows)
        departmentUnit.reserveCapacity(rows)
        languages.reserveCapacity(rows)
        videoFormats.reserveCapacity(rows)
        audioCodecs.reserveCapacity(rows)
        submittedSeconds.reserveCapacity(rows)
        cohorts.reserveCapacity(rows)
        previousAwardYears.reserveCapacity(rows)
        promoVideoSeconds.reserveCapacity(rows)
        maxLectureSeconds.reserveCapacity(rows)
        citationShares.reserveCapacity(rows)
        yesNo.reserveCapacity(rows)
    }

    /// The courses at the given rows, in that order, with the same units
    /// (a range of `moocs.csv` without the rows that repeat an earlier id).
    public func selecting(_ rows: [Int]) -> CourseTable {
        var out = CourseTable(units: units)
        out.ids = ids.gathered(rows)
        out.titles = titles.gathered(rows)
        for r in rows {
            out.authorList.append(contentsOf: authors(r))
            out.authorStart.append(Int32(out.authorList.count))
        }
        out.facultyUnit = rows.map { facultyUnit[$0] }
        out.departmentUnit = rows.map { departmentUnit[$0] }
        out.languages = languages.gathered(rows)
        out.videoFormats = videoFormats.gathered(rows)
        out.audioCodecs = audioCodecs.gathered(rows)
        out.links = links.gathered(rows)
        out.annotations = annotations.gathered(rows)
        out.submittedText = submittedText.gathered(rows)
        out.submittedSeconds = rows.map { submittedSeconds[$0] }
        out.cohorts = rows.map { cohorts[$0] }
        out.previousAwardYears = rows.map { previousAwardYears[$0] }
        out.promoVideoSeconds = rows.map { promoVideoSeconds[$0] }
        out.maxLectureSeconds = rows.map { maxLectureSeconds[$0] }
        out.citationShares = rows.map { citationShares[$0] }
        out.yesNo = rows.map { yesNo[$0] }
        return out
    }

    /// Replaces every course's authors: those of course `c` become
    /// `list[start[c] ..< start[c + 1]]` (authors resolved after reading).
    public mutating func setAuthors(start: [Int32], list: [Int32]) {
        precondition(start.count == count + 1 && Int(start[count]) == list.count, "one author range per course")
        authorStart = start
        authorList = list
    }
}

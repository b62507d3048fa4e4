/// The excesses (total − consensus) of the sheets of a range of experts,
/// gathered into expert order together with each sheet's faculty,
/// department and authors.
///
/// Why: the sheet table is in course order, so an expert's sheets are spread
/// over the whole table, and reading them expert by expert costs a cache miss
/// per sheet and column (measured: most of the favouritism time at 500 000
/// sheets). Gathering costs one sequential pass over the stage's rows with
/// scattered writes, after one pass that counts every expert's sheets and
/// author entries for all the ranges (`Counts`); everything after reads
/// contiguous memory. The range of experts bounds the memory
/// (`ranges(view:maxSheets:)`), at one more pass over the rows' expert
/// column per range.
///
/// Only sheets with a consensus are gathered; within an expert they keep the
/// order of their rows.
struct ExpertExcesses {
    let experts: Range<Int>
    /// Sheets of expert e: `sheetStart[e − experts.lowerBound] ..< sheetStart[e − experts.lowerBound + 1]`.
    private(set) var sheetStart: [Int32]
    private(set) var excess: [Double]
    /// Faculty and department numbers (`Units`) of each sheet's course.
    private(set) var faculty: [Int32]
    private(set) var department: [Int32]
    /// Author entries of expert e: `authorStart[e − lowerBound] ..< authorStart[e − lowerBound + 1]`,
    /// each `author << 32 | i` for a course author other than the expert, on
    /// the expert's i-th gathered sheet.
    private(set) var authorStart: [Int32]
    var authorKeys: [UInt64]

    /// Per expert of the view: the sheets with a consensus, and the author
    /// entries on them (course authors other than the expert). Counted once
    /// for every range of experts (each range counted them in a pass of its
    /// own before: at 10 million sheets in ranges of a million, ten passes).
    struct Counts: Sendable {
        var sheets: [Int32]
        var authors: [Int32]

        init(table: SheetTable, view: StageSheets, consensus: Consensus, units: Units) {
            var sheets = [Int32](repeating: 0, count: view.expertCount)
            var authors = [Int32](repeating: 0, count: view.expertCount)
            let expert = table.expert, course = table.course
            let authorStartOf = units.authorStart, authorList = units.authorList
            let first = view.rows.lowerBound
            for r in view.rows where !consensus.consensus[r - first].isNaN {
                let e = Int(expert[r])
                sheets[e] += 1
                let c = Int(course[r])
                for i in Int(authorStartOf[c]) ..< Int(authorStartOf[c + 1]) where authorList[i] != Int32(e) {
                    authors[e] += 1
                }
            }
            self.sheets = sheets
            self.authors = authors
        }
    }

    init(table: SheetTable, view: StageSheets, consensus: Consensus, units: Units, experts: Range<Int>, counts: Counts) {
        self.experts = experts
        let base = experts.lowerBound
        let expert = table.expert, course = table.course, total = table.total
        let authorStartOf = units.authorStart, authorList = units.authorList
        let first = view.rows.lowerBound
        var sheetStart = [Int32](repeating: 0, count: experts.count + 1)
        var authorStart = [Int32](repeating: 0, count: experts.count + 1)
        for i in 0..<experts.count {
            sheetStart[i + 1] = sheetStart[i] + counts.sheets[base + i]
            authorStart[i + 1] = authorStart[i] + counts.authors[base + i]
        }
        var excess = [Double](repeating: 0, count: Int(sheetStart[experts.count]))
        var faculty = [Int32](repeating: 0, count: excess.count)
        var department = [Int32](repeating: 0, count: excess.count)
        var authorKeys = [UInt64](repeating: 0, count: Int(authorStart[experts.count]))
        var nextSheet = sheetStart
        var nextAuthor = authorStart
        for r in view.rows {
            let e = Int(expert[r])
            let agreed = consensus.consensus[r - first]
            guard experts.contains(e), !agreed.isNaN else { continue }
            let c = Int(course[r])
            let slot = Int(nextSheet[e - base])
            nextSheet[e - base] += 1
            excess[slot] = total[r] - agreed
            faculty[slot] = units.courseFaculty[c]
            department[slot] = units.courseDepartment[c]
            let sheet = UInt64(slot - Int(sheetStart[e - base]))
            for i in Int(authorStartOf[c]) ..< Int(authorStartOf[c + 1]) where authorList[i] != Int32(e) {
                authorKeys[Int(nextAuthor[e - base])] = UInt64(UInt32(bitPattern: authorList[i])) << 32 | sheet
                nextAuthor[e - base] += 1
            }
        }
        self.sheetStart = sheetStart
        self.authorStart = authorStart
        self.excess = excess
        self.faculty = faculty
        self.department = department
        self.authorKeys = authorKeys
    }

    /// The gathered sheets of expert `e` (positions into `excess`, `faculty`, `department`).
    func sheets(of e: Int) -> Range<Int> {
        Int(sheetStart[e - experts.lowerBound]) ..< Int(sheetStart[e - experts.lowerBound + 1])
    }

    /// The author entries of expert `e` (positions into `authorKeys`).
    func authorEntries(of e: Int) -> Range<Int> {
        Int(authorStart[e - experts.lowerBound]) ..< Int(authorStart[e - experts.lowerBound + 1])
    }

    /// Consecutive ranges of experts, each holding at most `maxSheets` sheets
    /// (or a single expert with more), covering every expert of the view.
    static func ranges(view: StageSheets, maxSheets: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < view.expertCount {
            var end = start + 1
            var sheets = view.sheetCount(ofExpert: start)
            while end < view.expertCount && sheets + view.sheetCount(ofExpert: end) <= maxSheets {
                sheets += view.sheetCount(ofExpert: end)
                end += 1
            }
            out.append(start..<end)
            start = end
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#endif
import JuryEngine
import JuryIO

/// What a loaded competition holds, part by part (`jury validate --memory`),
/// and the process's peak resident memory, for the memory figures of the
/// README.
struct MemoryFigures {
    var rows: [(part: String, rows: Int, bytes: Int)]
    var peakResidentBytes: Int

    init(_ competition: Competition) {
        rows = [
            ("people (columns)", competition.people.count, competition.people.byteCount),
            ("courses (columns)", competition.courses.count, competition.courses.byteCount),
            ("sheets (columns)", competition.sheets.count, competition.sheets.byteCount),
        ]
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        peakResidentBytes = Int(usage.ru_maxrss) * 1024
    }

    var text: String {
        var table = TextTable(headers: ["part", "rows", "bytes", "bytes a row"], alignments: [.left, .right, .right, .right])
        for r in rows {
            table.append([r.part, String(r.rows), String(r.bytes), r.rows == 0 ? "–" : String(r.bytes / r.rows)])
        }
        return table.render() + "peak resident memory: \(peakResidentBytes / (1 << 20)) MiB\n"
    }
}

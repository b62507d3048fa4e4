import JuryEngine

/// Renders a stage's ranking as `jury/ranking/v1` JSON, CSV or a table.
public enum RankingOutput {
    public static func json(_ analysis: Analysis, competition: Competition) -> String {
        var w = JSONWriter()
        write(analysis, competition: competition, into: &w)
        return w.text
    }

    /// Streams the JSON to `sink` in blocks (a national ranking runs to
    /// hundreds of megabytes).
    public static func json(_ analysis: Analysis, competition: Competition, sink: @escaping (String) -> Void) {
        var w = JSONWriter(sink: sink)
        write(analysis, competition: competition, into: &w)
        w.flush()
    }

    /// Streams the JSON to `byteSink` as UTF-8 blocks of about a megabyte.
    public static func json(_ analysis: Analysis, competition: Competition,
                            byteSink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = JSONWriter(byteSink: byteSink)
        write(analysis, competition: competition, into: &w)
        w.flush()
    }

    static func write(_ analysis: Analysis, competition: Competition, into w: inout JSONWriter) {
        let r = analysis.ranking
        w.beginObject()
        w.string("schema", "jury/ranking/v1")
        w.competition(competition)
        w.string("stage", r.stage.name)
        w.string("method", r.method.rawValue)
        w.beginArray("tie_break_chain")
        for rule in competition.rules.scoring.tieBreak { w.string(nil, rule.description) }
        w.endArray()
        w.int("seed", Int(truncatingIfNeeded: competition.rules.seed))
        w.beginArray("ranking")
        let ids = competition.courses.ids, titles = competition.courses.titles
        let rows = r.rows
        w.elements(rows.count) { w, i in
            prefetch(ids, titles, ahead: rows, of: i)
            let row = rows[i]
            let c = Int(row.entry.course)
            w.beginObject()
            w.int(Key.rank, row.entry.rank)
            w.string(Key.moocID, ids, c)
            w.string(Key.title, titles, c)
            w.number(Key.score, row.score.score)
            w.int(Key.sheets, row.score.sheets)
            w.number(Key.mean, row.score.mean)
            w.number(Key.median, row.score.median)
            w.number(Key.min, row.score.min)
            w.number(Key.max, row.score.max)
            w.string(Key.tieBreak, row.entry.tieBreak)
            if let lot = row.entry.lot { w.number(Key.lot, lot) }
            w.endObject()
        }
        w.endArray()
        w.beginArray("excluded")
        for x in r.excluded {
            w.beginObject()
            w.string("expert_id", competition.people.ids[Int(x.expert)])
            w.string("mooc_id", competition.courses.ids[Int(x.course)])
            w.string("reason", x.reason)
            if let detail = x.detail { w.string("detail", detail) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// The keys of a ranking row, rendered once (two million rows at L).
    private enum Key {
        static let rank = JSONWriter.Key("rank"), moocID = JSONWriter.Key("mooc_id"), title = JSONWriter.Key("title")
        static let score = JSONWriter.Key("score"), sheets = JSONWriter.Key("sheets"), mean = JSONWriter.Key("mean")
        static let median = JSONWriter.Key("median"), min = JSONWriter.Key("min"), max = JSONWriter.Key("max")
        static let tieBreak = JSONWriter.Key("tie_break"), lot = JSONWriter.Key("lot")
    }

    /// Rank order reads ids and titles at random places, a cache miss each:
    /// the end offsets of the row 32 places ahead and the bytes of the row 16
    /// ahead are asked for now (at 2 million courses the JSON is written in
    /// about 1 s less CPU). A hint only: the output does not change.
    private static func prefetch(_ ids: TextColumn, _ titles: TextColumn, ahead rows: StageRanking.Rows, of i: Int) {
        if i + 32 < rows.count {
            let ahead = Int(rows.entries[i + 32].course)
            ids.prefetchOffset(ahead)
            titles.prefetchOffset(ahead)
            rows.prefetchScoreIndex(i + 32)
        }
        if i + 16 < rows.count {
            let ahead = Int(rows.entries[i + 16].course)
            ids.prefetch(ahead)
            titles.prefetch(ahead)
            rows.prefetchScore(i + 16)
        }
    }

    public static let csvHeader = ["rank", "mooc_id", "title", "score", "sheets", "mean", "median", "min", "max", "tie_break"]

    /// Streams the CSV to `byteSink` as UTF-8 blocks of about a megabyte, so
    /// that no copy of the whole ranking is held (at 2 million courses the
    /// CSV is 184 MB).
    public static func csv(_ analysis: Analysis, competition: Competition,
                           byteSink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let block = 1 << 20
        var out: [UInt8] = []
        out.reserveCapacity(block + 4096)
        out.append(contentsOf: CSVWriter.line(csvHeader).utf8)
        let ids = competition.courses.ids, titles = competition.courses.titles
        let rows = analysis.ranking.rows
        for (i, row) in rows.enumerated() {
            prefetch(ids, titles, ahead: rows, of: i)
            let c = Int(row.entry.course)
            let s = row.score
            JSONWriter.appendInt(row.entry.rank, to: &out)
            out.append(UInt8(ascii: ","))
            ids.withUTF8(c) { CSVWriter.appendField(utf8: $0, to: &out) }
            out.append(UInt8(ascii: ","))
            titles.withUTF8(c) { CSVWriter.appendField(utf8: $0, to: &out) }
            out.append(UInt8(ascii: ","))
            JSONWriter.appendNumber(s.score, to: &out)
            out.append(UInt8(ascii: ","))
            JSONWriter.appendInt(s.sheets, to: &out)
            out.append(UInt8(ascii: ","))
            JSONWriter.appendNumber(s.mean, to: &out)
            out.append(UInt8(ascii: ","))
            JSONWriter.appendNumber(s.median, to: &out)
            out.append(UInt8(ascii: ","))
            JSONWriter.appendNumber(s.min, to: &out)
            out.append(UInt8(ascii: ","))
            JSONWriter.appendNumber(s.max, to: &out)
            out.append(UInt8(ascii: ","))
            CSVWriter.appendField(row.entry.tieBreak ?? "", to: &out)
            out.append(UInt8(ascii: "\n"))
            if out.count >= block {
                out.withUnsafeBufferPointer(byteSink)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { out.withUnsafeBufferPointer(byteSink) }
    }

    public static func table(_ analysis: Analysis, competition: Competition) -> String {
        let r = analysis.ranking
        var t = TextTable(headers: ["rank", "course", "title", "score", "sheets", "median", "min–max", "separated by"],
                          alignments: [.right, .left, .left, .right, .right, .right, .right, .left])
        t.rows.reserveCapacity(r.rows.count)
        for row in r.rows {
            let c = Int(row.entry.course)
            let s = row.score
            t.append([String(row.entry.rank), competition.courses.ids[c], competition.courses.titles[c], format2(s.score), String(s.sheets),
                      format2(s.median), "\(format2(s.min))–\(format2(s.max))", row.entry.tieBreak ?? ""])
        }
        var out = "\(competition.title) — \(r.stage.name) stage, method \(r.method.rawValue), tie-break \(competition.rules.scoring.tieBreak.map(\.description).joined(separator: " → "))\n\n"
        out += t.render()
        if !r.excluded.isEmpty {
            out += "\nSheets not counted (\(r.excluded.count)):\n"
            var x = TextTable(headers: ["expert", "course", "reason"], alignments: [.left, .left, .left])
            for e in r.excluded {
                x.append([competition.people.ids[Int(e.expert)], competition.courses.ids[Int(e.course)], e.reason])
            }
            out += x.render()
        }
        return out
    }

    /// Two decimals for people; JSON and CSV keep every digit.
    static func format2(_ x: Double) -> String {
        let scaled = (x * 100).rounded()
        let negative = scaled < 0
        let v = Int64(abs(scaled))
        let frac = v % 100
        return (negative ? "-" : "") + "\(v / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}

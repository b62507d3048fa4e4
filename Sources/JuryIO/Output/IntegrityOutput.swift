import JuryEngine

/// Writes integrity flags with the bundle's ids (`integrity` of `jury/audit/v1`):
/// `{kind, severity, experts, moocs, authors, effect, p_value, q_value,
/// recused, evidence}`.
public enum IntegrityOutput {
    public static func write(_ flags: [IntegrityFlag], into w: inout JSONWriter, competition: Competition) {
        w.beginArray("integrity")
        w.elements(flags.count) { w, i in write(flags[i], into: &w, competition: competition) }
        w.endArray()
    }

    /// One flag as a JSON object.
    static func write(_ f: IntegrityFlag, into w: inout JSONWriter, competition: Competition) {
        let people = competition.people, courses = competition.courses
        func ids(_ key: String, _ list: [Int32], courses isCourse: Bool) {
            w.beginArray(key)
            for i in list { w.string(nil, isCourse ? courses.ids : people.ids, Int(i)) }
            w.endArray()
        }
        func writeSheet(_ s: FlaggedSheet) {
            w.beginObject()
            w.string("expert_id", people.ids, Int(s.expert))
            w.string("mooc_id", courses.ids, Int(s.course))
            w.number("total", s.total)
            w.number("consensus", s.consensus)
            w.endObject()
        }
        func sheets(_ key: String, _ list: [FlaggedSheet]) {
            w.beginArray(key)
            for s in list { writeSheet(s) }
            w.endArray()
        }
        func test(_ t: PermutationTest.Outcome) {
            w.beginObject("test")
            w.number("p_value", t.pValue)
            w.string("method", t.method.rawValue)
            w.int("permutations", t.permutations)
            w.int("exceedances", t.exceedances)
            w.endObject()
        }
        w.beginObject()
        w.string("kind", f.kind.rawValue)
        w.string("severity", f.severity.rawValue)
        ids("experts", f.experts, courses: false)
        ids("moocs", f.moocs, courses: true)
        ids("authors", f.authors, courses: false)
        w.number("effect", f.effect)
        w.number("p_value", f.pValue)
        w.number("q_value", f.qValue)
        w.bool("recused", f.recused)
        w.beginObject("evidence")
        switch f.evidence {
        case .conflict(let sheet, let reasons):
            w.beginArray("sheets")
            writeSheet(sheet)
            w.endArray()
            if let reasons {
                w.beginArray("reasons")
                for r in reasons { w.string(nil, r) }
                w.endArray()
            }
        case .favouritism(let e, let list):
            w.beginObject("group")
            w.string("kind", e.group.kind.rawValue)
            w.string("name", e.group.name ?? e.group.person.map { people.ids[Int($0)] })
            w.endObject()
            w.int("n", e.groupSheets)
            w.int("other_sheets", e.otherSheets)
            w.number("group_mean_excess", e.groupMeanExcess)
            w.number("other_mean_excess", e.otherMeanExcess)
            w.interval("ci95", e.ciLow, e.ciHigh)
            test(e.test)
            sheets("sheets", list)
        case .cycle(let edges):
            w.beginArray("edges")
            for edge in edges {
                w.beginObject()
                w.string("from", people.ids[Int(edge.from)])
                w.string("to", people.ids[Int(edge.to)])
                w.string("rule", edge.rule.rawValue)
                w.number("effect", edge.effect)
                w.number("z", edge.z)
                w.number("p_value", edge.pValue)
                w.number("q_value", edge.qValue)
                sheets("sheets", edge.sheets)
                w.endObject()
            }
            w.endArray()
        case .vote(let v):
            w.string("unit", v.unit)
            w.int("rank", v.rank.map { Int($0) })
        }
        w.endObject()
        w.endObject()
    }

    /// A table of the flags for a commission member, most serious first.
    public static func table(_ flags: [IntegrityFlag], competition: Competition) -> String {
        guard !flags.isEmpty else { return "No integrity findings.\n" }
        let order: [IntegritySeverity] = [.high, .medium, .low]
        let sorted = flags.enumerated().sorted {
            let a = order.firstIndex(of: $0.element.severity) ?? 3, b = order.firstIndex(of: $1.element.severity) ?? 3
            return (a, $0.offset) < (b, $1.offset)
        }.map(\.element)
        var t = TextTable(headers: ["severity", "kind", "experts", "courses", "effect", "q", "recused"],
                          alignments: [.left, .left, .left, .left, .right, .right, .left])
        for f in sorted {
            t.append([f.severity.rawValue, f.kind.rawValue,
                      f.experts.map { competition.people.ids[Int($0)] }.joined(separator: ", "),
                      f.moocs.prefix(4).map { competition.courses.ids[Int($0)] }.joined(separator: ", ") + (f.moocs.count > 4 ? ", …" : ""),
                      f.effect.map(RankingOutput.format2) ?? "", f.qValue.map(RankingOutput.format2) ?? "",
                      f.recused ? "yes" : "no"])
        }
        return t.render()
    }
}

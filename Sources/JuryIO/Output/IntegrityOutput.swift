import JuryEngine

/// Writes integrity flags with the bundle's ids (`integrity` of `jury/audit/v1`):
/// `{kind, severity, experts, moocs, authors, effect, p_value, q_value,
/// recused, evidence}`.
public enum IntegrityOutput {
    public static func write(_ flags: IntegrityFlags, into w: inout JSONWriter, competition: Competition) {
        w.beginArray("integrity")
        w.elements(flags.count) { w, i in write(flags[i], into: &w, competition: competition) }
        w.endArray()
    }

    /// The keys of a flag, rendered once (1.6 M flags at L).
    private enum Key {
        static let authors = JSONWriter.Key("authors")
        static let consensus = JSONWriter.Key("consensus")
        static let edges = JSONWriter.Key("edges")
        static let effect = JSONWriter.Key("effect")
        static let evidence = JSONWriter.Key("evidence")
        static let exceedances = JSONWriter.Key("exceedances")
        static let expertID = JSONWriter.Key("expert_id")
        static let experts = JSONWriter.Key("experts")
        static let from = JSONWriter.Key("from")
        static let group = JSONWriter.Key("group")
        static let groupMeanExcess = JSONWriter.Key("group_mean_excess")
        static let kind = JSONWriter.Key("kind")
        static let method = JSONWriter.Key("method")
        static let moocID = JSONWriter.Key("mooc_id")
        static let moocs = JSONWriter.Key("moocs")
        static let n = JSONWriter.Key("n")
        static let name = JSONWriter.Key("name")
        static let otherMeanExcess = JSONWriter.Key("other_mean_excess")
        static let otherSheets = JSONWriter.Key("other_sheets")
        static let pValue = JSONWriter.Key("p_value")
        static let permutations = JSONWriter.Key("permutations")
        static let qValue = JSONWriter.Key("q_value")
        static let rank = JSONWriter.Key("rank")
        static let reasons = JSONWriter.Key("reasons")
        static let recused = JSONWriter.Key("recused")
        static let rule = JSONWriter.Key("rule")
        static let severity = JSONWriter.Key("severity")
        static let sheets = JSONWriter.Key("sheets")
        static let test = JSONWriter.Key("test")
        static let to = JSONWriter.Key("to")
        static let total = JSONWriter.Key("total")
        static let unit = JSONWriter.Key("unit")
        static let z = JSONWriter.Key("z")
    }

    /// One flag as a JSON object.
    static func write(_ f: IntegrityFlag, into w: inout JSONWriter, competition: Competition) {
        let people = competition.people, courses = competition.courses
        func ids(_ key: JSONWriter.Key, _ list: [Int32], courses isCourse: Bool) {
            w.beginArray(key)
            for i in list { w.string(nil, isCourse ? courses.ids : people.ids, Int(i)) }
            w.endArray()
        }
        func writeSheet(_ s: FlaggedSheet) {
            w.beginObject()
            w.string(Key.expertID, people.ids, Int(s.expert))
            w.string(Key.moocID, courses.ids, Int(s.course))
            w.number(Key.total, s.total)
            w.number(Key.consensus, s.consensus)
            w.endObject()
        }
        func sheets(_ key: JSONWriter.Key, _ list: [FlaggedSheet]) {
            w.beginArray(key)
            for s in list { writeSheet(s) }
            w.endArray()
        }
        func test(_ t: PermutationTest.Outcome) {
            w.beginObject(Key.test)
            w.number(Key.pValue, t.pValue)
            w.string(Key.method, t.method.rawValue)
            w.int(Key.permutations, t.permutations)
            w.int(Key.exceedances, t.exceedances)
            w.endObject()
        }
        w.beginObject()
        w.string(Key.kind, f.kind.rawValue)
        w.string(Key.severity, f.severity.rawValue)
        ids(Key.experts, f.experts, courses: false)
        ids(Key.moocs, f.moocs, courses: true)
        ids(Key.authors, f.authors, courses: false)
        w.number(Key.effect, f.effect)
        w.number(Key.pValue, f.pValue)
        w.number(Key.qValue, f.qValue)
        w.bool(Key.recused, f.recused)
        w.beginObject(Key.evidence)
        switch f.evidence {
        case .conflict(let sheet, let reasons):
            w.beginArray(Key.sheets)
            writeSheet(sheet)
            w.endArray()
            if let reasons {
                w.beginArray(Key.reasons)
                for r in reasons { w.string(nil, r) }
                w.endArray()
            }
        case .favouritism(let e, let list):
            w.beginObject(Key.group)
            w.string(Key.kind, e.group.kind.rawValue)
            w.string(Key.name, e.group.name ?? e.group.person.map { people.ids[Int($0)] })
            w.endObject()
            w.int(Key.n, e.groupSheets)
            w.int(Key.otherSheets, e.otherSheets)
            w.number(Key.groupMeanExcess, e.groupMeanExcess)
            w.number(Key.otherMeanExcess, e.otherMeanExcess)
            w.interval("ci95", e.ciLow, e.ciHigh)
            test(e.test)
            sheets(Key.sheets, list)
        case .cycle(let edges):
            w.beginArray(Key.edges)
            for edge in edges {
                w.beginObject()
                w.string(Key.from, people.ids[Int(edge.from)])
                w.string(Key.to, people.ids[Int(edge.to)])
                w.string(Key.rule, edge.rule.rawValue)
                w.number(Key.effect, edge.effect)
                w.number(Key.z, edge.z)
                w.number(Key.pValue, edge.pValue)
                w.number(Key.qValue, edge.qValue)
                sheets(Key.sheets, edge.sheets)
                w.endObject()
            }
            w.endArray()
        case .vote(let v):
            w.string(Key.unit, v.unit)
            w.int(Key.rank, v.rank.map { Int($0) })
        }
        w.endObject()
        w.endObject()
    }

    /// A table of the flags for a commission member, most serious first.
    public static func table(_ flags: IntegrityFlags, competition: Competition) -> String {
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

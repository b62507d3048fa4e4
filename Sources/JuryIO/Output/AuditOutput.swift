import JuryEngine

/// Renders the audit of one stage as `jury/audit/v1` JSON, CSV (one row per
/// expert) or a table for a commission member.
public enum AuditOutput {
    public static func json(_ analysis: Analysis, competition: Competition) -> String {
        guard analysis.audit != nil else { return "" }
        var w = JSONWriter()
        write(analysis, competition: competition, into: &w)
        return w.text
    }

    /// Streams the JSON to `byteSink` as UTF-8 blocks of about a megabyte
    /// (nothing without an audit).
    public static func json(_ analysis: Analysis, competition: Competition,
                            byteSink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        guard analysis.audit != nil else { return }
        var w = JSONWriter(byteSink: byteSink)
        write(analysis, competition: competition, into: &w)
        w.flush()
    }

    static func write(_ analysis: Analysis, competition: Competition, into w: inout JSONWriter) {
        guard let audit = analysis.audit else { return }
        w.beginObject()
        w.string("schema", "jury/audit/v1")
        w.competition(competition)
        w.string("stage", audit.stage.name)
        w.beginObject("reliability")
        writeReliability(&w, "total", audit.total, competition: competition)
        w.beginObject("criteria")
        for (c, report) in audit.criteria.enumerated() {
            writeReliability(&w, competition.rules.criteria[c].key, report, competition: competition)
        }
        w.endObject()
        switch audit.cronbachAlpha {
        case .value(let a):
            w.beginObject("cronbach_alpha")
            w.number("value", a.value)
            w.interval("ci95", a.ci95Lower, a.ci95Upper)
            w.int("items", a.items)
            w.int("sheets", a.observations)
            w.endObject()
        case .undefined(let reason):
            w.value("cronbach_alpha", .null)
            w.string("cronbach_alpha_reason", reason)
        }
        w.endObject()
        w.beginObject("outlier_rule")
        w.number("threshold", audit.outliers.threshold)
        w.number("pooled_mad", audit.outliers.pooledMAD)
        w.number("floor", audit.outliers.floor)
        w.number("scale", audit.outliers.scale)
        w.int("minimum_other_sheets", OutlierRatings.minimumOthers)
        w.int("assessed_sheets", audit.outliers.assessed.count)
        w.endObject()
        w.beginArray("outliers")
        for o in audit.outliers.outliers {
            let r = Int(o.row)
            w.beginObject()
            w.string("expert_id", competition.people.ids[Int(competition.sheets.expert[r])])
            w.string("mooc_id", competition.courses.ids[Int(competition.sheets.course[r])])
            w.number("total", o.total)
            w.number("consensus", o.consensus)
            w.number("robust_z", o.robustZ)
            w.endObject()
        }
        w.endArray()
        w.beginArray("raters")
        for r in audit.raters.raters {
            w.beginObject()
            w.string("expert_id", competition.people.ids[Int(r.expert)])
            w.int("sheets", r.sheets)
            w.number("severity", r.severity)
            if let ci = r.severityCI95 {
                w.beginArray("severity_ci95")
                w.number(nil, ci.lower)
                w.number(nil, ci.upper)
                w.endArray()
            } else {
                w.value("severity_ci95", .null)
            }
            w.number("consistency", r.consistency)
            w.number("halo", r.halo)
            w.number("central_tendency", r.centralTendency)
            w.number("extreme", r.extreme)
            w.int("outliers", r.outliers)
            w.beginArray("flags")
            for f in r.flags { w.string(nil, f) }
            w.endArray()
            w.string("verdict", r.verdict)
            w.endObject()
        }
        w.endArray()
        IntegrityOutput.write(analysis.integrity?.flags ?? [], into: &w, competition: competition)
        w.endObject()
    }

    static func writeReliability(_ w: inout JSONWriter, _ key: String, _ r: ReliabilityReport, competition: Competition) {
        w.beginObject(key)
        var reasons: [(String, String)] = []
        for form in ICCForm.allCases {
            switch r.icc[form] {
            case .value(let e):
                w.beginObject(form.rawValue)
                w.number("value", e.value)
                w.interval("ci95", e.ci95Lower, e.ci95Upper)
                w.number("F", e.f.isFinite ? e.f : nil)
                w.int("df1", e.df1)
                w.int("df2", e.df2)
                w.number("p", e.p)
                w.endObject()
            case .undefined(let reason):
                w.value(form.rawValue, .null)
                reasons.append((form.rawValue, reason))
            }
        }
        w.beginObject("alpha")
        for level in KrippendorffAlpha.Level.allCases {
            switch r.alpha[level] {
            case .value(let v): w.number(level.rawValue, v)
            case .undefined(let reason):
                w.value(level.rawValue, .null)
                reasons.append(("alpha.\(level.rawValue)", reason))
            }
        }
        w.endObject()
        switch r.kendallW {
        case .value(let k):
            w.beginObject("kendall_w")
            w.number("w", k.w)
            w.number("chi2", k.chi2)
            w.int("df", k.df)
            w.number("p", k.p)
            w.int("experts", k.raters)
            w.int("moocs", k.units)
            w.endObject()
        case .undefined(let reason):
            w.value("kendall_w", .null)
            reasons.append(("kendall_w", reason))
        }
        switch r.completeBlock {
        case .value(let block):
            w.beginObject("complete_block")
            w.bool("whole_design", block.isWholeDesign)
            w.beginArray("moocs")
            for u in block.units { w.string(nil, competition.courses.ids[Int(u)]) }
            w.endArray()
            w.beginArray("experts")
            for e in block.raters { w.string(nil, competition.people.ids[Int(e)]) }
            w.endArray()
            w.endObject()
        case .undefined(let reason):
            w.value("complete_block", .null)
            reasons.append(("complete_block", reason))
        }
        w.beginObject("one_way")
        w.int("moocs", r.icc.oneWay.units)
        w.int("sheets", r.icc.oneWay.ratings)
        w.number("n0", r.icc.oneWay.averageRatersPerUnit)
        w.endObject()
        w.beginObject("reasons")
        for (k, v) in reasons { w.string(k, v) }
        w.endObject()
        w.endObject()
    }

    public static func csv(_ analysis: Analysis, competition: Competition) -> String {
        guard let audit = analysis.audit else { return "" }
        var out = CSVWriter.line(["expert_id", "sheets", "severity", "severity_ci95_lower", "severity_ci95_upper", "consistency",
                                  "halo", "central_tendency", "extreme", "outliers", "flags", "verdict"])
        func n(_ x: Double?) -> String { x.map(JSONWriter.formatNumber) ?? "" }
        for r in audit.raters.raters {
            out += CSVWriter.line([competition.people.ids[Int(r.expert)], String(r.sheets), n(r.severity), n(r.severityCI95?.lower),
                                   n(r.severityCI95?.upper), n(r.consistency), n(r.halo), n(r.centralTendency), n(r.extreme),
                                   String(r.outliers), r.flags.joined(separator: ";"), r.verdict])
        }
        return out
    }

    public static func table(_ analysis: Analysis, competition: Competition) -> String {
        guard let audit = analysis.audit else { return "" }
        let f = RankingOutput.format2
        var out = "\(competition.title) — audit of the \(audit.stage.name) stage\n\n"
        out += "Reliability of sheet totals\n"
        var t = TextTable(headers: ["statistic", "value", "95% CI", "note"], alignments: [.left, .right, .left, .left])
        for form in ICCForm.allCases {
            switch audit.total.icc[form] {
            case .value(let e): t.append([form.rawValue, f(e.value), "\(f(e.ci95Lower)) to \(f(e.ci95Upper))", "F(\(e.df1), \(e.df2)) = \(e.f.isFinite ? f(e.f) : "∞"), \(pValue(e.p))"])
            case .undefined(let reason): t.append([form.rawValue, "—", "", reason])
            }
        }
        for level in KrippendorffAlpha.Level.allCases {
            switch audit.total.alpha[level] {
            case .value(let v): t.append(["Krippendorff's alpha (\(level.rawValue))", f(v), "", ""])
            case .undefined(let reason): t.append(["Krippendorff's alpha (\(level.rawValue))", "—", "", reason])
            }
        }
        switch audit.total.kendallW {
        case .value(let k): t.append(["Kendall's W", f(k.w), "", "χ²(\(k.df)) = \(f(k.chi2)), \(pValue(k.p)), \(k.raters) experts × \(k.units) courses"])
        case .undefined(let reason): t.append(["Kendall's W", "—", "", reason])
        }
        switch audit.cronbachAlpha {
        case .value(let a): t.append(["Cronbach's alpha (criteria)", f(a.value), "\(f(a.ci95Lower)) to \(f(a.ci95Upper))", "\(a.items) criteria, \(a.observations) sheets"])
        case .undefined(let reason): t.append(["Cronbach's alpha (criteria)", "—", "", reason])
        }
        out += t.render()
        if case .value(let block) = audit.total.completeBlock, !block.isWholeDesign {
            out += "ICC(2), ICC(3) and Kendall's W use the complete block of \(block.raters.count) experts × \(block.units.count) courses.\n"
        }
        let outliers = audit.outliers.outliers
        out += "\nOutlier sheets (|robust z| > \(f(audit.outliers.threshold)), \(outliers.count) of \(audit.outliers.assessed.count) assessed)\n"
        if !outliers.isEmpty {
            var o = TextTable(headers: ["expert", "course", "total", "others' median", "robust z"], alignments: [.left, .left, .right, .right, .right])
            for x in outliers {
                let r = Int(x.row)
                o.append([competition.people.ids[Int(competition.sheets.expert[r])], competition.courses.ids[Int(competition.sheets.course[r])],
                          f(x.total), f(x.consensus), f(x.robustZ)])
            }
            out += o.render()
        }
        out += "\nExperts\n"
        var e = TextTable(headers: ["expert", "sheets", "severity", "95% CI", "r", "verdict"], alignments: [.left, .right, .right, .left, .right, .left])
        for r in audit.raters.raters {
            e.append([competition.people.ids[Int(r.expert)], String(r.sheets), r.severity.map(f) ?? "—",
                      r.severityCI95.map { "\(f($0.lower)) to \(f($0.upper))" } ?? "", r.consistency.map(f) ?? "—", r.verdict])
        }
        out += e.render()
        out += "\nIntegrity findings\n"
        out += IntegrityOutput.table(analysis.integrity?.flags ?? [], competition: competition)
        return out
    }

    /// "p = 0.042" or "p < 0.001", for people.
    static func pValue(_ p: Double) -> String {
        if p < 0.001 { return "p < 0.001" }
        return "p = \((p * 1000).rounded() / 1000)"
    }
}

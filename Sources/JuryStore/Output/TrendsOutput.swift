import JuryEngine
import JuryIO

/// Renders `Trends` as `jury/trends/v1` JSON, CSV files or tables.
///
/// Per year, `reliability` (ICC(2,k) and Krippendorff's alpha of the sheet
/// totals, per audited stage) and `integrity_flags` (flags by stage and kind)
/// come from the stored audit (`AuditSummary`); both are null for a version
/// archived before the archive stored audits. `repeated_favouritism` lists
/// the (expert, target) pairs flagged in two or more years; it is null when
/// no year has a stored audit.
public enum TrendsOutput {
    public static let schema = "jury/trends/v1"

    public static func json(_ trends: Trends) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("schema", schema)
        w.beginArray("years")
        for y in trends.years {
            // A year is a section of its own (counts, faculties, reliability, flags).
            w.beginObject(layout: .indented)
            w.int("year", y.year)
            w.beginObject("competition")
            w.string("id", y.competitionID)
            w.string("title", y.title)
            w.string("semester", y.semester)
            w.int("version", y.versionNumber)
            w.string("digest", y.digest)
            w.endObject()
            w.beginObject("counts")
            w.int("people", y.people)
            w.int("experts", y.experts)
            w.int("authors", y.authors)
            w.int("courses", y.courses)
            w.int("sheets", y.sheets)
            w.beginObject("sheets_by_stage")
            for s in Stage.allCases { w.int(s.name, y.sheetsByStage[s] ?? 0) }
            w.endObject()
            w.int("votes", y.votes)
            w.int("declared_conflicts", y.declaredConflicts)
            w.int("decisions", y.decisions)
            w.int("prizes", y.prizes)
            w.int("finalists", y.finalists)
            w.int("winners", y.winners)
            w.int("excluded_sheets", y.excludedSheets)
            w.endObject()
            w.beginObject("severity")
            w.int("experts", y.severityExperts)
            w.number("sd", y.severitySD)
            w.endObject()
            w.beginArray("faculties")
            for f in y.faculties {
                w.beginObject()
                w.string("faculty", f.faculty)
                w.int("submissions", f.submissions)
                w.int("finalists", f.finalists)
                w.int("winners", f.winners)
                w.number("submission_share", f.submissionShare)
                w.number("finalist_share", f.finalistShare)
                w.number("winner_share", f.winnerShare)
                w.number("finalist_representation", f.finalistRepresentation)
                w.number("winner_representation", f.winnerRepresentation)
                w.endObject()
            }
            w.endArray()
            w.beginArray("excluded")
            for x in y.exclusions {
                w.beginObject()
                w.string("stage", x.stage.name)
                w.string("reason", x.reason)
                w.int("sheets", x.sheets)
                w.endObject()
            }
            w.endArray()
            if let audit = y.audit {
                w.beginArray("reliability")
                for r in audit.reliability { reliability(r, into: &w) }
                w.endArray()
                w.beginArray("integrity_flags")
                for c in audit.flagCounts {
                    w.beginObject()
                    w.string("stage", c.stage.name)
                    w.string("kind", c.kind.rawValue)
                    w.int("flags", c.flags)
                    w.int("recused", c.recused)
                    w.endObject()
                }
                w.endArray()
            } else {
                w.value("reliability", .null)
                w.value("integrity_flags", .null)
            }
            w.endObject()
        }
        w.endArray()
        w.beginArray("experts")
        for e in trends.experts {
            w.beginObject()
            w.string("expert_id", e.expertID)
            w.beginArray("years")
            for x in e.entries {
                w.beginObject()
                w.int("year", x.year)
                w.string("competition_id", x.competitionID)
                w.int("sheets", x.sheets)
                w.number("severity", x.severity)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        if let repeated = trends.repeatedFavouritism {
            w.beginArray("repeated_favouritism")
            for r in repeated {
                w.beginObject()
                w.string("expert_id", r.expertID)
                w.string("target_kind", r.targetKind.rawValue)
                w.string("target", r.target)
                w.beginArray("years")
                for e in r.entries {
                    w.beginObject()
                    w.int("year", e.year)
                    w.string("competition_id", e.competitionID)
                    w.string("stage", e.stage.name)
                    w.number("effect", e.effect)
                    w.number("p_value", e.pValue)
                    w.number("q_value", e.qValue)
                    w.int("sheets", e.sheets)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
        } else {
            w.value("repeated_favouritism", .null)
        }
        w.endObject()
        return w.text
    }

    /// `{stage, sheets, ICC2k: {value, ci95} | null, alpha: {interval, ordinal},
    /// complete_block: {whole_design, moocs, experts} | null, reasons: {ICC2k?, alpha?}}`.
    static func reliability(_ r: AuditSummary.Reliability, into w: inout JSONWriter) {
        w.beginObject()
        w.string("stage", r.stage.name)
        w.int("sheets", r.sheets)
        if let value = r.icc2k {
            w.beginObject("ICC2k")
            w.number("value", value)
            w.interval("ci95", r.icc2kLow, r.icc2kHigh)
            w.endObject()
        } else {
            w.value("ICC2k", .null)
        }
        w.beginObject("alpha")
        w.number("interval", r.alphaInterval)
        w.number("ordinal", r.alphaOrdinal)
        w.endObject()
        if let courses = r.blockCourses, let experts = r.blockExperts {
            w.beginObject("complete_block")
            w.bool("whole_design", r.wholeDesign ?? false)
            w.int("moocs", courses)
            w.int("experts", experts)
            w.endObject()
        } else {
            w.value("complete_block", .null)
        }
        w.beginObject("reasons")
        if let reason = r.icc2kReason { w.string("ICC2k", reason) }
        if let reason = r.alphaReason { w.string("alpha", reason) }
        w.endObject()
        w.endObject()
    }

    static let yearsHeader = ["year", "competition_id", "version", "courses", "sheets", "department_sheets", "faculty_sheets",
                              "commission_sheets", "experts", "authors", "finalists", "winners", "excluded_sheets",
                              "severity_experts", "severity_sd"]

    /// One line per archived year.
    public static func yearsCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(yearsHeader)
        for y in trends.years {
            out += CSVWriter.line([String(y.year), y.competitionID, String(y.versionNumber), String(y.courses), String(y.sheets),
                                   String(y.sheetsByStage[.department] ?? 0), String(y.sheetsByStage[.faculty] ?? 0),
                                   String(y.sheetsByStage[.commission] ?? 0), String(y.experts), String(y.authors),
                                   String(y.finalists), String(y.winners), String(y.excludedSheets),
                                   String(y.severityExperts), number(y.severitySD)])
        }
        return out
    }

    /// One line per (year, faculty).
    public static func facultiesCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["year", "competition_id", "faculty", "submissions", "finalists", "winners", "submission_share",
                                  "finalist_share", "winner_share", "finalist_representation", "winner_representation"])
        for y in trends.years {
            for f in y.faculties {
                out += CSVWriter.line([String(y.year), y.competitionID, f.faculty, String(f.submissions), String(f.finalists),
                                       String(f.winners), number(f.submissionShare), number(f.finalistShare),
                                       number(f.winnerShare), number(f.finalistRepresentation), number(f.winnerRepresentation)])
            }
        }
        return out
    }

    /// One line per (year, stage, reason).
    public static func excludedCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["year", "competition_id", "stage", "reason", "sheets"])
        for y in trends.years {
            for x in y.exclusions {
                out += CSVWriter.line([String(y.year), y.competitionID, x.stage.name, x.reason, String(x.sheets)])
            }
        }
        return out
    }

    /// One line per (expert, year) for experts who served several years.
    public static func expertsCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["expert_id", "year", "competition_id", "sheets", "severity"])
        for e in trends.experts {
            for x in e.entries {
                out += CSVWriter.line([e.expertID, String(x.year), x.competitionID, String(x.sheets), number(x.severity)])
            }
        }
        return out
    }

    /// One line per (year, audited stage); years without a stored audit have none.
    public static func reliabilityCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["year", "competition_id", "stage", "sheets", "icc2k", "icc2k_low", "icc2k_high", "alpha_interval",
                                  "alpha_ordinal", "block_moocs", "block_experts", "whole_design", "icc2k_reason", "alpha_reason"])
        for y in trends.years {
            for r in y.audit?.reliability ?? [] {
                out += CSVWriter.line([String(y.year), y.competitionID, r.stage.name, String(r.sheets), number(r.icc2k),
                                       number(r.icc2kLow), number(r.icc2kHigh), number(r.alphaInterval), number(r.alphaOrdinal),
                                       r.blockCourses.map(String.init) ?? "", r.blockExperts.map(String.init) ?? "",
                                       r.wholeDesign.map { $0 ? "yes" : "no" } ?? "", r.icc2kReason ?? "", r.alphaReason ?? ""])
            }
        }
        return out
    }

    /// One line per (year, stage, kind) with a flag.
    public static func flagsCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["year", "competition_id", "stage", "kind", "flags", "recused"])
        for y in trends.years {
            for c in y.audit?.flagCounts ?? [] {
                out += CSVWriter.line([String(y.year), y.competitionID, c.stage.name, c.kind.rawValue, String(c.flags), String(c.recused)])
            }
        }
        return out
    }

    /// One line per (expert, target, year's flag) of a favouritism repeated across years.
    public static func repeatedFavouritismCSV(_ trends: Trends) -> String {
        var out = CSVWriter.line(["expert_id", "target_kind", "target", "year", "competition_id", "stage", "effect", "p_value",
                                  "q_value", "sheets"])
        for r in trends.repeatedFavouritism ?? [] {
            for e in r.entries {
                out += CSVWriter.line([r.expertID, r.targetKind.rawValue, r.target, String(e.year), e.competitionID, e.stage.name,
                                       number(e.effect), number(e.pValue), number(e.qValue), String(e.sheets)])
            }
        }
        return out
    }

    /// The data folder of `jury trends --out`: file name → contents.
    public static func dataFiles(_ trends: Trends) -> [(name: String, text: String)] {
        [("trends.json", json(trends)), ("years.csv", yearsCSV(trends)), ("faculties.csv", facultiesCSV(trends)),
         ("excluded.csv", excludedCSV(trends)), ("experts.csv", expertsCSV(trends)), ("reliability.csv", reliabilityCSV(trends)),
         ("flags.csv", flagsCSV(trends)), ("repeated-favouritism.csv", repeatedFavouritismCSV(trends))]
    }

    public static func table(_ trends: Trends) -> String {
        guard !trends.years.isEmpty else { return "The archive holds no competition.\n" }
        var years = TextTable(headers: ["year", "competition", "courses", "sheets", "experts", "finalists", "winners",
                                        "excluded", "severity sd"],
                              alignments: [.right, .left, .right, .right, .right, .right, .right, .right, .right])
        for y in trends.years {
            years.append([String(y.year), y.competitionID, String(y.courses), String(y.sheets), String(y.experts),
                          String(y.finalists), String(y.winners), String(y.excludedSheets), y.severitySD.map(fixed2) ?? "–"])
        }
        var out = "Competitions by year\n\n" + years.render()
        var faculties = TextTable(headers: ["year", "faculty", "submitted", "finalists", "winners", "finalists ÷ submitted share"],
                                  alignments: [.right, .left, .right, .right, .right, .right])
        for y in trends.years {
            for f in y.faculties {
                faculties.append([String(y.year), f.faculty, String(f.submissions), String(f.finalists), String(f.winners),
                                  f.finalistRepresentation.map(fixed2) ?? "–"])
            }
        }
        out += "\nFaculties: representation in the final (1.00 = as in the submissions)\n\n" + faculties.render()
        let exclusions = trends.years.flatMap { y in y.exclusions.map { (y, $0) } }
        if !exclusions.isEmpty {
            var x = TextTable(headers: ["year", "stage", "reason", "sheets"], alignments: [.right, .left, .left, .right])
            for (y, e) in exclusions { x.append([String(y.year), e.stage.name, e.reason, String(e.sheets)]) }
            out += "\nSheets not counted, by reason\n\n" + x.render()
        }
        if !trends.experts.isEmpty {
            var x = TextTable(headers: ["expert", "year", "sheets", "severity"], alignments: [.left, .right, .right, .right])
            for e in trends.experts {
                for entry in e.entries { x.append([e.expertID, String(entry.year), String(entry.sheets), fixed2(entry.severity)]) }
            }
            out += "\nExperts serving several years: severity (consensus − own total; positive = harsher)\n\n" + x.render()
        }
        let audited = trends.years.filter { $0.audit != nil }
        if !audited.isEmpty {
            var r = TextTable(headers: ["year", "stage", "sheets", "ICC(2,k)", "95 % interval", "alpha (interval)", "block"],
                              alignments: [.right, .left, .right, .right, .left, .right, .left])
            var flags = TextTable(headers: ["year", "stage", "kind", "flags", "recused"], alignments: [.right, .left, .left, .right, .right])
            for y in audited {
                for x in y.audit?.reliability ?? [] {
                    let interval = x.icc2kLow.flatMap { lo in x.icc2kHigh.map { "[\(fixed2(lo)), \(fixed2($0))]" } } ?? "–"
                    let block = x.blockCourses.flatMap { c in x.blockExperts.map { "\(c) × \($0)" + (x.wholeDesign == true ? " (whole)" : "") } } ?? "–"
                    r.append([String(y.year), x.stage.name, String(x.sheets), x.icc2k.map(fixed2) ?? "–", interval,
                              x.alphaInterval.map(fixed2) ?? "–", block])
                }
                for c in y.audit?.flagCounts ?? [] {
                    flags.append([String(y.year), c.stage.name, c.kind.rawValue, String(c.flags), String(c.recused)])
                }
            }
            out += "\nReliability of the sheet totals (ICC(2,k) on the complete block; Krippendorff's alpha)\n\n" + r.render()
            out += "\nIntegrity flags by kind\n\n" + flags.render()
        }
        if let repeated = trends.repeatedFavouritism {
            if repeated.isEmpty {
                out += "\nFavouritism repeated across years: none\n"
            } else {
                var x = TextTable(headers: ["expert", "target", "year", "stage", "effect", "q"],
                                  alignments: [.left, .left, .right, .left, .right, .right])
                for f in repeated {
                    for e in f.entries {
                        x.append([f.expertID, "\(f.targetKind.rawValue) \(f.target)", String(e.year), e.stage.name, fixed2(e.effect),
                                  e.qValue.map(probability) ?? "–"])
                    }
                }
                out += "\nFavouritism repeated across years (the same expert over the same target in two or more years)\n\n" + x.render()
            }
        }
        let unaudited = trends.years.filter { $0.audit == nil }
        if !unaudited.isEmpty {
            out += "\nNo stored audit (archived before audits were stored; add the same bundle again to add it): "
                + unaudited.map { "\($0.competitionID) (\($0.year))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func number(_ x: Double?) -> String { x.map(JSONWriter.formatNumber) ?? "" }

    /// A p- or q-value for people: three decimals, or "< 0.001".
    static func probability(_ x: Double) -> String {
        if x < 0.001 { return "< 0.001" }
        if x >= 0.9995 { return "1.000" }
        return "0." + String(String(Int((x * 1000).rounded()) + 1000).suffix(3))
    }

    /// Two decimals for people; JSON and CSV keep every digit.
    static func fixed2(_ x: Double) -> String {
        let scaled = (x * 100).rounded()
        let v = Int64(abs(scaled))
        let frac = v % 100
        return (scaled < 0 ? "-" : "") + "\(v / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}

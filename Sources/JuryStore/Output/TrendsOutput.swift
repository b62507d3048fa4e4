import JuryEngine
import JuryIO

/// Renders `Trends` as `jury/trends/v1` JSON, CSV files or tables.
///
/// The JSON keeps three keys for results the archive does not hold yet, each
/// null until it does: per year `reliability` (ICC(2,k), Krippendorff's alpha
/// of the audit) and `integrity_flags` (flags by kind), and at the top
/// `repeated_favouritism`. They become objects when the archive stores audit
/// results (a further `analysis_document` kind and a schema migration).
public enum TrendsOutput {
    public static let schema = "jury/trends/v1"

    public static func json(_ trends: Trends) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("schema", schema)
        w.beginArray("years")
        for y in trends.years {
            w.beginObject()
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
            w.value("reliability", .null)
            w.value("integrity_flags", .null)
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
        w.value("repeated_favouritism", .null)
        w.endObject()
        return w.text
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

    /// The data folder of `jury trends --out`: file name → contents.
    public static func dataFiles(_ trends: Trends) -> [(name: String, text: String)] {
        [("trends.json", json(trends)), ("years.csv", yearsCSV(trends)), ("faculties.csv", facultiesCSV(trends)),
         ("excluded.csv", excludedCSV(trends)), ("experts.csv", expertsCSV(trends))]
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
        return out
    }

    static func number(_ x: Double?) -> String { x.map(JSONWriter.formatNumber) ?? "" }

    /// Two decimals for people; JSON and CSV keep every digit.
    static func fixed2(_ x: Double) -> String {
        let scaled = (x * 100).rounded()
        let v = Int64(abs(scaled))
        let frac = v % 100
        return (scaled < 0 ? "-" : "") + "\(v / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}

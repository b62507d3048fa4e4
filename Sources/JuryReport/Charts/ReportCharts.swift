import JuryEngine

/// One chart for gnuplot: where it goes, its size, and the commands that
/// draw it (after the terminal and output are set).
struct ChartJob: Sendable {
    /// Path in the report, e.g. `charts/scores.svg`.
    var path: String
    var width: Int
    var height: Int
    /// Plain text: the image's alt text and the SVG's `<title>`.
    var title: String
    var caption: String
    var commands: String
}

/// The report's charts, drawn from the same `Analysis` as the pages; every
/// value plotted is a sheet or a number the engine computed. Black, greys,
/// point shapes and dash patterns tell the series apart, so the charts read
/// the same in greyscale and on paper. Labels on the axes are ids, never
/// titles, and every string is quoted by `GnuplotScript`.
enum ReportCharts {
    static let scoresPath = "charts/scores.svg"
    static let expertsPath = "charts/experts.svg"
    static let funnelPath = "charts/funnel.svg"
    static let severityPath = "charts/severity.svg"
    /// Beyond these the chart shows the first ones and its caption says so.
    static let maxCourses = 60
    static let maxExperts = 80

    static func jobs(_ context: ReportContext) -> [ChartJob] {
        guard context.options.charts, !context.options.publicOnly else { return [] }
        var out: [ChartJob] = []
        if let j = scores(context) { out.append(j) }
        if let j = experts(context) { out.append(j) }
        if let j = severity(context) { out.append(j) }
        out.append(funnel(context))
        for c in context.competition.courses.indices {
            if let j = profile(context, course: Int32(c)) { out.append(j) }
        }
        return out
    }

    static func frame(title: String, xlabel: String?, ylabel: String) -> String {
        var s = "set title \(GnuplotScript.quote(title)) font ',12'\n"
        if let xlabel { s += "set xlabel \(GnuplotScript.quote(xlabel))\n" }
        s += "set ylabel \(GnuplotScript.quote(ylabel))\n"
        s += "set border 3 lw 1 lc rgb '#000000'\nset tics nomirror\n"
        s += "set grid ytics lw 0.5 lc rgb '#c8c8c8' dt 3\n"
        return s
    }

    static func width(items: Int) -> Int {
        min(1600, max(640, 160 + 22 * items))
    }

    /// Sheet totals of each ranked course, in rank order: counted sheets,
    /// sheets that did not count, the min–max bar with the score, and the median.
    static func scores(_ cx: ReportContext) -> ChartJob? {
        let rows = cx.analysis.ranking.rows
        guard !rows.isEmpty else { return nil }
        let shown = Array(rows.prefix(maxCourses))
        let table = cx.competition.sheets
        var spread: [[Double]] = [], counted: [[Double]] = [], excluded: [[Double]] = []
        for (i, row) in shown.enumerated() {
            let x = Double(i + 1)
            let s = row.score
            spread.append([x, s.score, s.min, s.max, s.median])
            for r in cx.view.sheets(ofCourse: Int(row.entry.course)) {
                if cx.exclusionByRow[Int32(r)] != nil {
                    excluded.append([x, table.total[r]])
                } else {
                    counted.append([x, table.total[r]])
                }
            }
        }
        let t = cx.text
        let title = t.format("chart_scores_title", t.stage(cx.analysis.stage))
        var s = frame(title: title, xlabel: t["chart_course_axis"], ylabel: t["sheets_axis"])
        s += "set xrange [0.4:\(shown.count).6]\nset offsets 0, 0, 1, 1\n"
        s += GnuplotScript.tics("xtics", shown.map { cx.competition.courses.ids[Int($0.entry.course)] },
                                options: "rotate by 60 right scale 0")
        s += "set key outside top center horizontal\n"
        s += GnuplotScript.dataBlock("spread", spread)
        s += GnuplotScript.dataBlock("counted", counted)
        var plots = [
            "$spread using 1:2:3:4 with yerrorbars pt 13 ps 1.4 lw 1.2 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_score"]))",
            "$spread using 1:5 with points pt 4 ps 1.2 lw 1 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_median"]))",
            "$counted using ($1-0.25):2 with points pt 7 ps 0.5 lc rgb '#5a5a5a' title \(GnuplotScript.quote(t["legend_counted"]))",
        ]
        if !excluded.isEmpty {
            s += GnuplotScript.dataBlock("excluded", excluded)
            plots.append("$excluded using ($1+0.25):2 with points pt 8 ps 1 lw 1 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_not_counted"]))")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        var caption = t["chart_scores_caption"]
        if rows.count > shown.count { caption += " " + t.format("chart_capped", String(shown.count), String(rows.count)) }
        return ChartJob(path: scoresPath, width: width(items: shown.count), height: 440, title: title, caption: caption, commands: s)
    }

    /// The engine's robust z of every assessed sheet, one column per expert.
    static func experts(_ cx: ReportContext) -> ChartJob? {
        let table = cx.competition.sheets
        var byExpert: [Int32: [OutlierRatings.Assessment]] = [:]
        for a in cx.outliers.assessed { byExpert[table.expert[Int(a.row)], default: []].append(a) }
        let all = cx.expertIndices.filter { byExpert[Int32($0)] != nil }
        guard !all.isEmpty else { return nil }
        let shown = Array(all.prefix(maxExperts))
        var plain: [[Double]] = [], flagged: [[Double]] = []
        var extent = cx.outliers.threshold + 1
        for (i, p) in shown.enumerated() {
            for (j, a) in (byExpert[Int32(p)] ?? []).enumerated() {
                // Spread a column's marks sideways a little so equal values stay visible.
                let x = Double(i + 1) + Double(j % 5 - 2) * 0.08
                if cx.isOutlier(a) { flagged.append([x, a.robustZ]) } else { plain.append([x, a.robustZ]) }
                extent = max(extent, abs(a.robustZ) + 0.5)
            }
        }
        let t = cx.text
        let threshold = GnuplotScript.number(cx.outliers.threshold)
        let title = t.format("chart_experts_title", t.stage(cx.analysis.stage))
        var s = frame(title: title, xlabel: t["expert"], ylabel: t["robust_z"])
        let limit = GnuplotScript.number(extent.rounded(.up))
        s += "set xrange [0.4:\(shown.count).6]\nset yrange [-\(limit):\(limit)]\n"
        s += "set xzeroaxis lt 1 lw 1 lc rgb '#808080'\nset key outside top center horizontal\nset samples 2\n"
        s += GnuplotScript.tics("xtics", shown.map { cx.competition.people.ids[$0] }, options: "rotate by 60 right scale 0")
        var plots: [String] = []
        if !plain.isEmpty {
            s += GnuplotScript.dataBlock("plain", plain)
            plots.append("$plain using 1:2 with points pt 6 ps 0.8 lc rgb '#404040' title \(GnuplotScript.quote(t["legend_sheet"]))")
        }
        if !flagged.isEmpty {
            s += GnuplotScript.dataBlock("flagged", flagged)
            plots.append("$flagged using 1:2 with points pt 7 ps 1.1 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_outlier"]))")
        }
        plots.append("\(threshold) with lines dt 2 lw 1 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_threshold"]))")
        plots.append("-\(threshold) with lines dt 2 lw 1 lc rgb '#000000' notitle")
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        var caption = t.format("chart_experts_caption", t.number(cx.outliers.threshold, decimals: 1))
        if all.count > shown.count { caption += " " + t.format("chart_capped", String(shown.count), String(all.count)) }
        return ChartJob(path: expertsPath, width: width(items: shown.count), height: 420, title: title, caption: caption, commands: s)
    }

    /// Each expert's severity (from `Analysis.audit`) with its 95 % interval.
    static func severity(_ cx: ReportContext) -> ChartJob? {
        guard let raters = cx.analysis.audit?.raters.raters.filter({ $0.severity != nil }), !raters.isEmpty else { return nil }
        let shown = Array(raters.prefix(maxExperts))
        var withInterval: [[Double]] = [], without: [[Double]] = []
        var extent = 1.0
        for (i, r) in shown.enumerated() {
            guard let s = r.severity else { continue }
            if let ci = r.severityCI95, ci.lower.isFinite, ci.upper.isFinite {
                withInterval.append([Double(i + 1), s, ci.lower, ci.upper])
                extent = max(extent, abs(ci.lower), abs(ci.upper))
            } else {
                without.append([Double(i + 1), s])
            }
            extent = max(extent, abs(s))
        }
        let t = cx.text
        let title = t.format("chart_severity_title", t.stage(cx.analysis.stage))
        var s = frame(title: title, xlabel: t["expert"], ylabel: t["severity_axis"])
        let limit = GnuplotScript.number((extent * 1.1).rounded(.up))
        s += "set xrange [0.4:\(shown.count).6]\nset yrange [-\(limit):\(limit)]\n"
        s += "set xzeroaxis lt 1 lw 1 lc rgb '#808080'\nunset key\n"
        s += GnuplotScript.tics("xtics", shown.map { cx.competition.people.ids[Int($0.expert)] }, options: "rotate by 60 right scale 0")
        var plots: [String] = []
        if !withInterval.isEmpty {
            s += GnuplotScript.dataBlock("interval", withInterval)
            plots.append("$interval using 1:2:3:4 with yerrorbars pt 7 ps 1 lw 1.2 lc rgb '#000000'")
        }
        if !without.isEmpty {
            s += GnuplotScript.dataBlock("single", without)
            plots.append("$single using 1:2 with points pt 6 ps 1 lc rgb '#000000'")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        var caption = t["chart_severity_caption"]
        if raters.count > shown.count { caption += " " + t.format("chart_capped", String(shown.count), String(raters.count)) }
        return ChartJob(path: severityPath, width: width(items: shown.count), height: 400, title: title, caption: caption, commands: s)
    }

    /// Courses at each step of the funnel.
    static func funnel(_ cx: ReportContext) -> ChartJob {
        let steps = cx.funnel()
        let t = cx.text
        let title = t["chart_funnel_title"]
        var s = frame(title: title, xlabel: nil, ylabel: t["courses"])
        let top = max(1, steps.map(\.count).max() ?? 1)
        s += "set xrange [0.4:\(steps.count).6]\nset yrange [0:\(top + max(2, top / 8))]\n"
        s += "set style fill solid 0.35 border rgb '#000000'\nset boxwidth 0.6\nunset key\n"
        s += GnuplotScript.tics("xtics", steps.map(\.stepText), options: "rotate by 20 right scale 0")
        s += GnuplotScript.dataBlock("steps", steps.enumerated().map { [Double($0.offset + 1), Double($0.element.count)] })
        s += "plot $steps using 1:2 with boxes lc rgb '#707070', \\\n  $steps using 1:2:(sprintf('%d', int($2))) with labels offset 0,0.8\n"
        return ChartJob(path: funnelPath, width: 720, height: 380, title: title, caption: t["chart_funnel_caption"], commands: s)
    }

    /// One line per sheet of the analysed stage across the criteria.
    static func profile(_ cx: ReportContext, course c: Int32) -> ChartJob? {
        let range = cx.view.sheets(ofCourse: Int(c))
        guard !range.isEmpty else { return nil }
        let table = cx.competition.sheets
        let k = cx.rules.criteria.count
        let t = cx.text
        let title = t.format("chart_profile_title", t.stage(cx.analysis.stage))
        var s = frame(title: title, xlabel: t["criterion"], ylabel: t["score_axis"])
        let scale = cx.rules.scale
        s += "set xrange [0.7:\(k).3]\nset yrange [\(scale.min) - 0.5:\(scale.max) + 0.5]\nset ytics 1\n"
        s += GnuplotScript.tics("xtics", (1...max(1, k)).map(String.init), options: "scale 0")
        s += "set key outside right top vertical\n"
        let n = range.count
        var block = "$sheets << EOD\n"
        for (j, r) in range.enumerated() {
            let dx = (Double(j) - Double(n - 1) / 2) * min(0.04, 0.3 / Double(n))
            for ci in 0..<k {
                block += "\(GnuplotScript.number(Double(ci + 1) + dx)) \(table.score(row: r, criterion: ci))\n"
            }
            block += "\n\n"
        }
        s += block + "EOD\n"
        let greys = ["#000000", "#505050", "#808080"]
        let points = [7, 5, 9, 13, 15, 11]
        var plots: [String] = []
        for (j, r) in range.enumerated() {
            let expert = cx.competition.people.ids[Int(table.expert[r])]
            let titled = j < 12 ? "title \(GnuplotScript.label(expert, maxLength: 20))" : "notitle"
            if cx.exclusionByRow[Int32(r)] != nil {
                plots.append("$sheets index \(j) with linespoints dt 2 lw 1 pt 6 ps 0.8 lc rgb '#909090' \(titled)")
            } else {
                plots.append("$sheets index \(j) with linespoints dt 1 lw 1.4 pt \(points[j % points.count]) ps 0.8 lc rgb '\(greys[j % greys.count])' \(titled)")
            }
        }
        if cx.rankingRowByCourse[c] != nil {
            s += GnuplotScript.dataBlock("mean", (0..<k).map { [Double($0 + 1), cx.analysis.criterionMean(c, $0)] })
            plots.append("$mean using 1:2 with linespoints dt 3 lw 3 pt 3 ps 1.3 lc rgb '#000000' title \(GnuplotScript.quote(t["legend_mean"]))")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        return ChartJob(path: cx.courseCharts[Int(c)], width: 720, height: 380, title: title,
                        caption: t["chart_profile_caption"], commands: s)
    }
}

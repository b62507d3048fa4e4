import JuryEngine
import JuryStore

/// The charts of the trends page, one point per archived year (x = the
/// year's position, labelled with the year). Like `ReportCharts`: black and
/// greys, point shapes and dash patterns, every string through
/// `GnuplotScript`, every value one the archive stored.
enum TrendsCharts {
    static let reliabilityPath = "charts/reliability.svg"
    static let severityPath = "charts/severity-spread.svg"
    static let flagsPath = "charts/flags.svg"
    static let facultiesPath = "charts/faculties.svg"
    static let driftPath = "charts/drift.svg"
    /// Beyond these the chart shows the first ones (by name, or by largest drift).
    static let maxFaculties = 12
    static let maxExperts = 30

    static func jobs(_ trends: Trends, text: ReportText) -> [ChartJob] {
        guard !trends.years.isEmpty else { return [] }
        return [reliability(trends, text), severity(trends, text), flags(trends, text), faculties(trends, text),
                drift(trends, text)].compactMap { $0 }
    }

    /// The x tics: the year, with the competition id when two share a year.
    static func yearLabels(_ trends: Trends) -> [String] {
        let counts = Dictionary(grouping: trends.years, by: \.year).mapValues(\.count)
        return trends.years.map { counts[$0.year, default: 0] > 1 ? "\($0.year) \($0.competitionID)" : String($0.year) }
    }

    static func axes(_ trends: Trends) -> String {
        "set xrange [0.5:\(trends.years.count).5]\n" + GnuplotScript.tics("xtics", yearLabels(trends), options: "scale 0")
    }

    static func width(_ trends: Trends) -> Int { min(1200, max(640, 200 + 60 * trends.years.count)) }

    static let dashes = [1, 2, 3, 4, 5]
    static let greys = ["#000000", "#505050", "#808080", "#303030", "#a0a0a0"]
    static let points = [7, 5, 9, 11, 13, 6, 4, 8, 10, 12]

    /// A line with points of series `i`, styled so that the series differ in greyscale.
    static func style(_ i: Int) -> String {
        "with linespoints pt \(points[i % points.count]) ps 0.9 lw 1.2 dt \(dashes[i % dashes.count]) lc rgb '\(greys[i % greys.count])'"
    }

    /// ICC(2,k) with its 95 % interval and Krippendorff's interval alpha of
    /// the last audited stage of each year.
    static func reliability(_ trends: Trends, _ t: ReportText) -> ChartJob? {
        var icc: [[Double]] = [], alpha: [[Double]] = []
        for (i, y) in trends.years.enumerated() {
            guard let r = y.audit?.reliability.last else { continue }
            if let v = r.icc2k { icc.append([Double(i + 1), v, r.icc2kLow ?? v, r.icc2kHigh ?? v]) }
            if let a = r.alphaInterval { alpha.append([Double(i + 1) + 0.08, a]) }
        }
        guard !icc.isEmpty || !alpha.isEmpty else { return nil }
        let title = t["trends_chart_reliability"]
        var s = ReportCharts.frame(title: title, xlabel: t["year"], ylabel: t["trends_reliability_axis"])
        // ICC intervals on a small complete block can reach far below −1; the axis stops at −1 (gnuplot clips the bar).
        let low = max(-1, min(0, (icc.map { $0[2] } + alpha.map { $0[1] }).min() ?? 0))
        s += axes(trends) + "set yrange [\(GnuplotScript.number((low * 10).rounded(.down) / 10)):1]\nset key outside top center horizontal\n"
        var plots: [String] = []
        if !icc.isEmpty {
            s += GnuplotScript.dataBlock("icc", icc)
            plots.append("$icc using 1:2:3:4 with yerrorlines pt 7 ps 1 lw 1.2 lc rgb '#000000' title \(GnuplotScript.quote("ICC(2,k)"))")
        }
        if !alpha.isEmpty {
            s += GnuplotScript.dataBlock("alpha", alpha)
            plots.append("$alpha using 1:2 with linespoints pt 6 ps 1 lw 1.2 dt 2 lc rgb '#505050' title \(GnuplotScript.quote(t["alpha_interval"]))")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        return ChartJob(path: reliabilityPath, width: width(trends), height: 380, title: title,
                        caption: t["trends_chart_reliability_caption"], commands: s)
    }

    /// The sd of the experts' severities, each year.
    static func severity(_ trends: Trends, _ t: ReportText) -> ChartJob? {
        let rows = trends.years.enumerated().compactMap { i, y in y.severitySD.map { [Double(i + 1), $0] } }
        guard !rows.isEmpty else { return nil }
        let title = t["trends_chart_severity"]
        var s = ReportCharts.frame(title: title, xlabel: t["year"], ylabel: t["trends_severity_axis"])
        s += axes(trends) + "set yrange [0:*]\nunset key\n"
        s += GnuplotScript.dataBlock("sd", rows)
        s += "plot $sd using 1:2 \(style(0))\n"
        return ChartJob(path: severityPath, width: width(trends), height: 340, title: title,
                        caption: t["trends_chart_severity_caption"], commands: s)
    }

    /// Flags of each kind per year (over the stages), on a log scale: conflicts
    /// of interest run to thousands, behavioural flags to a few.
    static func flags(_ trends: Trends, _ t: ReportText) -> ChartJob? {
        var series: [(kind: IntegrityKind, rows: [[Double]])] = []
        for kind in IntegrityKind.allCases {
            let rows = trends.years.enumerated().compactMap { i, y -> [Double]? in
                guard let n = y.audit?.flagsByKind.first(where: { $0.kind == kind })?.flags else { return nil }
                return [Double(i + 1), Double(n)]
            }
            if !rows.isEmpty { series.append((kind, rows)) }
        }
        guard !series.isEmpty else { return nil }
        let title = t["trends_chart_flags"]
        var s = ReportCharts.frame(title: title, xlabel: t["year"], ylabel: t["trends_flags_axis"])
        s += axes(trends) + "set logscale y\nset yrange [0.8:*]\nset key outside right top vertical\n"
        var plots: [String] = []
        for (i, x) in series.enumerated() {
            s += GnuplotScript.dataBlock("k\(i)", x.rows)
            plots.append("$k\(i) using 1:2 \(style(i)) title \(GnuplotScript.label(t.kind(x.kind.rawValue), maxLength: 40))")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        return ChartJob(path: flagsPath, width: width(trends) + 200, height: 380, title: title,
                        caption: t["trends_chart_flags_caption"], commands: s)
    }

    /// Each faculty's representation among the finalists (1 = as in the submissions).
    static func faculties(_ trends: Trends, _ t: ReportText) -> ChartJob? {
        let names = Set(trends.years.flatMap { $0.faculties.map(\.faculty) })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let shown = Array(names.prefix(maxFaculties))
        var series: [(String, [[Double]])] = []
        for name in shown {
            let rows = trends.years.enumerated().compactMap { i, y -> [Double]? in
                y.faculties.first { $0.faculty == name }?.finalistRepresentation.map { [Double(i + 1), $0] }
            }
            if !rows.isEmpty { series.append((name, rows)) }
        }
        guard !series.isEmpty else { return nil }
        let title = t["trends_chart_faculties"]
        var s = ReportCharts.frame(title: title, xlabel: t["year"], ylabel: t["trends_representation_axis"])
        s += axes(trends) + "set yrange [0:*]\nset key outside right top vertical\n"
        var plots: [String] = []
        for (i, x) in series.enumerated() {
            s += GnuplotScript.dataBlock("f\(i)", x.1)
            plots.append("$f\(i) using 1:2 \(style(i)) title \(GnuplotScript.label(x.0))")
        }
        plots.append("1 with lines dt 3 lw 1 lc rgb '#000000' notitle")
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        var caption = t["trends_chart_faculties_caption"]
        if names.count > shown.count { caption += " " + t.format("chart_capped", String(shown.count), String(names.count)) }
        return ChartJob(path: facultiesPath, width: width(trends) + 200, height: 400, title: title, caption: caption, commands: s)
    }

    /// The largest change of an expert's severity between two of their years.
    static func drift(_ e: Trends.ExpertDrift) -> Double {
        let values = e.entries.map(\.severity)
        return (values.max() ?? 0) - (values.min() ?? 0)
    }

    /// The experts of several years with the largest drift, largest first (then by id).
    static func largestDrift(_ experts: [Trends.ExpertDrift]) -> [Trends.ExpertDrift] {
        Array(experts.map { ($0, drift($0)) }.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : a.0.expertID.utf8.lexicographicallyPrecedes(b.0.expertID.utf8)
        }.prefix(maxExperts).map(\.0))
    }

    /// The severity of the experts with the largest drift, year by year.
    static func drift(_ trends: Trends, _ t: ReportText) -> ChartJob? {
        let shown = largestDrift(trends.experts)
        guard !shown.isEmpty else { return nil }
        let position = Dictionary(trends.years.enumerated().map { ("\($0.element.year)\u{1F}\($0.element.competitionID)", $0.offset + 1) },
                                  uniquingKeysWith: { a, _ in a })
        let title = t["trends_chart_drift"]
        var s = ReportCharts.frame(title: title, xlabel: t["year"], ylabel: t["severity_axis"])
        s += axes(trends) + "set xzeroaxis lt 1 lw 1 lc rgb '#808080'\n"
        s += shown.count <= 10 ? "set key outside right top vertical\n" : "unset key\n"
        var plots: [String] = []
        for (i, e) in shown.enumerated() {
            let rows = e.entries.compactMap { x in position["\(x.year)\u{1F}\(x.competitionID)"].map { [Double($0), x.severity] } }
            s += GnuplotScript.dataBlock("e\(i)", rows)
            plots.append("$e\(i) using 1:2 \(style(i)) title \(GnuplotScript.label(e.expertID))")
        }
        s += "plot " + plots.joined(separator: ", \\\n  ") + "\n"
        var caption = t["trends_chart_drift_caption"]
        if trends.experts.count > shown.count { caption += " " + t.format("chart_capped", String(shown.count), String(trends.experts.count)) }
        return ChartJob(path: driftPath, width: width(trends) + (shown.count <= 10 ? 200 : 0), height: 400, title: title,
                        caption: caption, commands: s)
    }
}

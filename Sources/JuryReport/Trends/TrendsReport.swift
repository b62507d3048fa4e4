import JuryEngine
import JuryIO
import JuryStore

/// The trends page of `jury trends --out DIR`: fairness across the archived
/// years, in the report's style (the same stylesheet, gnuplot SVG charts,
/// labels in English, Russian and Kazakh).
///
/// Files: `index.html`, `style.css`, `charts/*.svg` (reliability, severity
/// spread, flags by kind, faculty representation, experts' drift), and
/// `data/` with `trends.json` and the CSV tables of `TrendsOutput`. It
/// prints what the archive holds (`Trends`); it computes no statistic.
///
/// Deterministic: the same archive content gives the same bytes.
public enum TrendsReport {
    /// Renders every file, sorted by path.
    /// - Parameter gnuplot: required when `options.charts` is set.
    public static func render(_ trends: Trends, options: ReportOptions, gnuplot: Gnuplot?) throws -> [ReportFile] {
        let text = ReportText(options.language)
        var charts: [String: ChartJob] = [:]
        var files: [ReportFile] = [ReportFile(path: "style.css", bytes: try ReportTemplates.stylesheet())]
        if options.charts {
            let jobs = TrendsCharts.jobs(trends, text: text)
            if !jobs.isEmpty {
                guard let gnuplot else { throw ReportError.gnuplotMissing }
                let svgs = try gnuplot.draw(jobs, decimalSeparator: options.language.decimalSeparator)
                for job in jobs { charts[job.path] = job }
                for (path, bytes) in svgs { files.append(ReportFile(path: path, bytes: bytes)) }
            }
        }
        let data = TrendsOutput.dataFiles(trends).map { ReportFile(path: "data/" + $0.name, bytes: Array($0.text.utf8)) }
        files.append(contentsOf: data)
        let page = TrendsPage(trends: trends, text: text, language: options.language, charts: charts,
                              dataFiles: data.map(\.path))
        let library = try ReportTemplates.library()
        guard let html = library.render(TemplateData.convert(page) ?? page, withTemplate: "trends") else {
            throw ReportError.template(name: "trends", reason: "not found")
        }
        files.append(ReportFile(path: "index.html", bytes: Array(html.utf8)))
        return files.sorted { $0.path < $1.path }
    }

    /// Writes the files into `folder`, creating it; only inside it (`ReportFolder`).
    public static func write(_ files: [ReportFile], to folder: String) throws {
        let out = try ReportFolder(path: folder)
        for file in files { try out.write(file) }
    }
}

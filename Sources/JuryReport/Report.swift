import JuryEngine
import JuryIO
import Mustache

/// What a report is drawn from: one `Analysis`, the competition it analysed,
/// the eligibility of its courses and, when given, the stage funnel. The
/// report prints these; it never recomputes a statistic.
public struct ReportInput: Sendable {
    public var competition: Competition
    public var analysis: Analysis
    /// One result per course (`EligibilityChecker.check`).
    public var eligibility: [EligibilityResult]
    /// The department → faculty → commission funnel; nil leaves the minutes
    /// extracts out and takes the places from the analysis' ranking.
    public var stages: StagePipeline?

    public init(competition: Competition, analysis: Analysis, eligibility: [EligibilityResult], stages: StagePipeline? = nil) {
        self.competition = competition
        self.analysis = analysis
        self.eligibility = eligibility
        self.stages = stages
    }
}

public struct ReportOptions: Sendable {
    public var language: ReportLanguage
    /// Draw the charts (needs gnuplot).
    public var charts: Bool
    /// Only what may be published (12.4): winners, ranking, method; no
    /// expert names, no integrity findings (section 15).
    public var publicOnly: Bool

    public init(language: ReportLanguage = .en, charts: Bool = true, publicOnly: Bool = false) {
        self.language = language
        self.charts = charts
        self.publicOnly = publicOnly
    }
}

/// One file of a report, by its path relative to the output folder.
public struct ReportFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The static HTML report: pages rendered from Mustache templates, charts
/// from gnuplot, data files from `RankingOutput`.
///
/// Full report: `index.html`, `stages.html`, `experts.html`,
/// `integrity.html`, `protocol.html`, `courses/<stem>.html`, `style.css`,
/// `charts/*.svg`, `data/ranking.csv`, `data/ranking.json`. Public edition:
/// `index.html`, `style.css`, `data/ranking.csv` — no course pages (they name
/// experts), no charts, no JSON (its `excluded` list names experts).
///
/// Deterministic: no timestamps, every list in ranking, bundle or table
/// order, file names from ids by `SafeFileName`; the same input and options
/// give the same bytes.
public enum Report {
    /// Files a full report has and the public edition must never sit beside.
    static let confidentialFiles = ["experts.html", "integrity.html", "protocol.html", "stages.html", "courses"]

    /// Renders every file of the report, sorted by path.
    /// - Parameter gnuplot: required when `options.charts` is set (and the
    ///   edition is not public).
    public static func render(_ input: ReportInput, options: ReportOptions, gnuplot: Gnuplot?,
                              coursePagesPerRange: Int = coursePagesPerRange) throws -> [ReportFile] {
        var files: [ReportFile] = []
        try render(input, options: options, gnuplot: gnuplot, coursePagesPerRange: coursePagesPerRange) { files.append($0) }
        return files.sorted { $0.path < $1.path }
    }

    /// Renders every file of the report and hands each to `emit` as soon as
    /// it is made: the charts one by one as gnuplot's output is read, the
    /// course pages in batches, so that a report of many courses is never
    /// held whole. The files are those of the sorted `render`, in another
    /// order; an error stops the rendering, after the files already handed
    /// over.
    public static func render(_ input: ReportInput, options: ReportOptions, gnuplot: Gnuplot?,
                              coursePagesPerRange: Int = coursePagesPerRange,
                              coursePagesPerBatch: Int = coursePagesPerBatch,
                              emit: (ReportFile) throws -> Void) throws {
        var context = ReportContext(input: input, options: options)
        let jobs = ReportCharts.jobs(context)
        if !jobs.isEmpty {
            guard let gnuplot else { throw ReportError.gnuplotMissing }
            try gnuplot.draw(jobs, decimalSeparator: options.language.decimalSeparator) { path, bytes in
                try emit(ReportFile(path: path, bytes: bytes))
            }
            for job in jobs { context.charts[job.path] = job }
        }
        let library = try ReportTemplates.library()
        func page(_ template: String, _ model: Any, _ path: String) throws -> ReportFile {
            guard let html = library.render(TemplateData.convert(model) ?? model, withTemplate: template) else {
                throw ReportError.template(name: template, reason: "not found")
            }
            return ReportFile(path: path, bytes: Array(html.utf8))
        }
        let competition = input.competition
        try emit(ReportFile(path: "style.css", bytes: try ReportTemplates.stylesheet()))
        var rankingCSV: [UInt8] = []
        RankingOutput.csv(input.analysis, competition: competition) { rankingCSV.append(contentsOf: $0) }
        var dataFiles = [ReportFile(path: "data/ranking.csv", bytes: rankingCSV)]
        if !options.publicOnly {
            dataFiles.append(ReportFile(path: "data/ranking.json", bytes: Array(RankingOutput.json(input.analysis, competition: competition).utf8)))
        }
        for file in dataFiles { try emit(file) }
        try emit(try page("index", context.indexPage(dataFiles: dataFiles.map(\.path)), ReportPage.index.fileName))
        guard !options.publicOnly else { return }
        try emit(try page("stages", context.stagesPage(), ReportPage.stages.fileName))
        try emit(try page("experts", context.expertsPage(), ReportPage.experts.fileName))
        try emit(try page("integrity", context.integrityPage(), ReportPage.integrity.fileName))
        try emit(try page("protocol", context.protocolPage(), ReportPage.protocol.fileName))
        // A page per course, rendered in ranges on every core (pure reads of the context and the
        // templates), batch after batch; the first failure in course order is the one reported.
        let shared = context
        let courseCount = competition.courses.count
        for first in stride(from: 0, to: courseCount, by: coursePagesPerBatch) {
            let batch = first ..< min(first + coursePagesPerBatch, courseCount)
            let pages = Concurrently.array(batch.count, minimum: coursePagesPerRange) { k in
                let c = batch.lowerBound + k
                return Result { try page("course", shared.coursePage(Int32(c)), shared.coursePages[c]) }
            }
            for course in pages { try emit(try course.get()) }
        }
    }

    /// Course pages held at once while a report streams, by default (the
    /// files are the same for any value).
    public static let coursePagesPerBatch = 4096

    /// Course pages rendered by one task at least (the pages are the same
    /// for any value).
    public static let coursePagesPerRange = 64

    /// `Reports/<stem of the competition id>` (with `-public` for the public
    /// edition), relative to the current folder.
    public static func defaultFolder(competitionID: String, publicOnly: Bool) -> String {
        "Reports/" + SafeFileName.stem(competitionID) + (publicOnly ? "-public" : "")
    }

    /// Writes the files into `folder`, creating it. Files already there that
    /// the report does not write are left alone; a public edition refuses a
    /// folder that holds a full report's confidential pages.
    public static func write(_ files: [ReportFile], to folder: String, publicOnly: Bool) throws {
        let out = try outputFolder(folder, publicOnly: publicOnly)
        for file in files { try out.write(file) }
    }

    /// Renders the report into `folder` file by file as `render(…emit:)`
    /// makes them (the same files as `render` then `write`, without holding
    /// them all); returns how many were written. The folder is checked as by
    /// `write` before the first file.
    ///
    /// Files are written in batches of `filesPerBatch`, each batch on every
    /// core (their folders made first, one by one); the first error in the
    /// batch's order is the one thrown.
    @discardableResult
    public static func write(_ input: ReportInput, options: ReportOptions, gnuplot: Gnuplot?, to folder: String,
                             filesPerBatch: Int = filesWrittenPerBatch) throws -> Int {
        let out = try outputFolder(folder, publicOnly: options.publicOnly)
        var count = 0
        var pending: [ReportFile] = []
        func flush() throws {
            try out.makeFolders(for: pending)
            let batch = pending
            let failures = Concurrently.mapRanges(batch.count, minimum: filesWrittenPerRange) { range -> ReportError? in
                for i in range {
                    do { try out.write(batch[i]) } catch let error as ReportError { return error } catch {
                        return .cannotWrite(path: batch[i].path, reason: "\(error)")
                    }
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            count += batch.count
            pending.removeAll(keepingCapacity: true)
        }
        try render(input, options: options, gnuplot: gnuplot) { file in
            pending.append(file)
            if pending.count >= filesPerBatch { try flush() }
        }
        try flush()
        return count
    }

    /// Files held at once while a report is written, by default.
    public static let filesWrittenPerBatch = 4096

    /// Files one task writes at least.
    static let filesWrittenPerRange = 64

    /// The output folder, created; refused for a public edition when it
    /// holds a full report's confidential pages.
    private static func outputFolder(_ folder: String, publicOnly: Bool) throws -> ReportFolder {
        let out = try ReportFolder(path: folder)
        if publicOnly, let clash = confidentialFiles.first(where: out.contains) {
            throw ReportError.publicOverFullReport(folder: folder, file: clash)
        }
        return out
    }
}

import Foundation
import Testing
@testable import JuryReport

@Suite("report determinism: the same bundle gives the same bytes")
struct ReportDeterminismTests {
    @Test("two renders of the same bundle are byte-identical, charts included")
    func twoRenders() throws {
        let a = try ReportFixture.render(ReportFixture.smallBundle)
        let b = try ReportFixture.render(ReportFixture.smallBundle)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between runs") }
        if ReportFixture.gnuplot != nil {
            #expect(a.keys.contains(ReportCharts.scoresPath))
        }
    }

    @Test("course pages rendered one per task, or all in one, are the same files")
    func coursePagesInRanges() throws {
        let input = ReportFixture.input(try ReportFixture.load(ReportFixture.smallBundle))
        let options = ReportOptions(charts: false)
        let one = try Report.render(input, options: options, gnuplot: nil, coursePagesPerRange: .max)
        let many = try Report.render(input, options: options, gnuplot: nil, coursePagesPerRange: 1)
        #expect(one.filter { $0.path.hasPrefix("courses/") }.count == input.competition.courses.count)
        #expect(input.competition.courses.count > 1)
        #expect(one == many)
        // Streamed in batches of one page and of two: the same files, courses in course order.
        for batch in [1, 2] {
            var streamed: [ReportFile] = []
            try Report.render(input, options: options, gnuplot: nil, coursePagesPerBatch: batch) { streamed.append($0) }
            #expect(streamed.sorted { $0.path < $1.path } == one)
            #expect(streamed.filter { $0.path.hasPrefix("courses/") }.map(\.path)
                    == ReportContext(input: input, options: options).coursePages)
        }
    }

    @Test("the report written file by file is the folder of the whole render written at once, charts included")
    func streamedWrite() throws {
        let work = try ReportFixture.temporaryFolder("streamed")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = ReportFixture.input(try ReportFixture.load(ReportFixture.smallBundle))
        let options = ReportOptions(charts: ReportFixture.gnuplot != nil)
        let whole = try Report.render(input, options: options, gnuplot: ReportFixture.gnuplot)
        try Report.write(whole, to: work.appendingPathComponent("whole").path, publicOnly: false)
        let a = try ReportFixture.tree(work.appendingPathComponent("whole"))
        #expect(a.count == whole.count)
        // Written in batches of one file, of three, and all at once, each batch on every core.
        for batch in [1, 3, 1 << 20] {
            let folder = work.appendingPathComponent("streamed-\(batch)")
            let written = try Report.write(input, options: options, gnuplot: ReportFixture.gnuplot, to: folder.path,
                                           filesPerBatch: batch)
            #expect(written == whole.count)
            #expect(a == (try ReportFixture.tree(folder)))
        }
    }

    @Test("charts drawn by one gnuplot or by one a core are the same bytes",
          .enabled(if: ReportFixture.gnuplot != nil, "needs gnuplot"))
    func chartsInProcesses() throws {
        let gnuplot = try #require(ReportFixture.gnuplot)
        let input = ReportFixture.input(try ReportFixture.load(ReportFixture.smallBundle))
        let jobs = ReportCharts.jobs(ReportContext(input: input, options: ReportOptions(charts: true)))
        #expect(jobs.count > 2)
        var one: [String] = [], many: [String] = []
        var oneBytes: [[UInt8]] = [], manyBytes: [[UInt8]] = []
        try gnuplot.draw(jobs, decimalSeparator: ".", chartsPerProcess: .max) { one.append($0); oneBytes.append($1) }
        try gnuplot.draw(jobs, decimalSeparator: ".", chartsPerProcess: 1) { many.append($0); manyBytes.append($1) }
        #expect(one == jobs.map(\.path))
        #expect(many == one)
        #expect(manyBytes == oneBytes)
    }

    @Test("two runs of jury report write identical folders")
    func twoRunsOnDisk() throws {
        let work = try ReportFixture.temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(at: work) }
        let flags = ReportFixture.gnuplot == nil ? ["--no-charts"] : []
        for name in ["a", "b"] {
            let r = try JuryRun.run(["report", ReportFixture.smallBundle, "--out", work.appendingPathComponent(name).path] + flags, in: work)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = try ReportFixture.tree(work.appendingPathComponent("a"))
        let b = try ReportFixture.tree(work.appendingPathComponent("b"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test("the order of the rows of sheets.csv does not change a byte")
    func shuffledSheets() throws {
        let source = URL(fileURLWithPath: ReportFixture.smallBundle)
        var bundle: [String: String] = [:]
        for name in ["competition.json", "people.csv", "moocs.csv", "conflicts.csv", "decisions.csv", "votes.csv", "sheets.csv"] {
            bundle[name] = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
        }
        // Records start with a stage; the one quoted comment spans two lines.
        var records: [String] = []
        for line in bundle["sheets.csv"]!.split(separator: "\n") {
            if line.hasPrefix("commission,") || line.hasPrefix("faculty,") || line.hasPrefix("stage,") {
                records.append(String(line))
            } else {
                records[records.count - 1] += "\n" + line
            }
        }
        let header = records.removeFirst()
        bundle["sheets.csv"] = ([header] + records.reversed()).joined(separator: "\n") + "\n"
        // The bundle id is the folder's name in neither case: competition.json gives it.
        let dir = try ReportFixture.writeBundle(bundle, name: "shuffled")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let a = try ReportFixture.render(ReportFixture.smallBundle)
        let b = try ReportFixture.render(dir.path)
        #expect(a == b)
    }
}

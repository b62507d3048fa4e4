import Foundation
import Testing
@testable import JuryReport

@Suite("jury report on the command line")
struct ReportCommandTests {
    @Test("without gnuplot: exit 1, how to install it on stderr, nothing written")
    func noGnuplot() throws {
        let work = try ReportFixture.temporaryFolder("nognuplot")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let r = try JuryRun.run(["report", ReportFixture.smallBundle, "--out", out.path], in: work,
                                environment: ["PATH": "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("apt-get install gnuplot-nox"))
        #expect(r.stderr.contains("--no-charts"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("without gnuplot, --no-charts writes the report without charts")
    func noChartsFlag() throws {
        let work = try ReportFixture.temporaryFolder("nocharts")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let r = try JuryRun.run(["report", ReportFixture.smallBundle, "--out", out.path, "--no-charts"], in: work,
                                environment: ["PATH": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == out.path + "/index.html\n")
        let tree = try ReportFixture.tree(out)
        #expect(tree["index.html"] != nil)
        #expect(tree.keys.allSatisfy { !$0.hasSuffix(".svg") })
        #expect(!String(decoding: tree["index.html"] ?? Data(), as: UTF8.self).contains("<img"))
    }

    @Test("the library says the same when asked for charts without gnuplot")
    func libraryWithoutGnuplot() throws {
        #expect(Gnuplot.locate(path: "/nonexistent:relative/bin:") == nil)
        let input = ReportFixture.input(try ReportFixture.load(ReportFixture.smallBundle))
        #expect(throws: ReportError.gnuplotMissing) {
            try Report.render(input, options: ReportOptions(charts: true), gnuplot: nil)
        }
        #expect(ReportError.gnuplotMissing.description.contains("apt-get install gnuplot-nox"))
    }

    @Test("the default folder is Reports/<id> under the current folder; the language comes from competition.json")
    func defaultFolderAndLanguage() throws {
        let work = try ReportFixture.temporaryFolder("default")
        defer { try? FileManager.default.removeItem(at: work) }
        let source = URL(fileURLWithPath: ReportFixture.smallBundle)
        var bundle: [String: String] = [:]
        for name in ["people.csv", "moocs.csv", "sheets.csv"] {
            bundle[name] = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
        }
        bundle["competition.json"] = #"{"id": "kk-2025", "report": {"lang": "kk"}}"#
        let dir = try ReportFixture.writeBundle(bundle)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let r = try JuryRun.run(["report", dir.path, "--no-charts"], in: work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Reports/kk-2025/index.html\n")
        let index = try String(contentsOf: work.appendingPathComponent("Reports/kk-2025/index.html"), encoding: .utf8)
        #expect(index.contains("<html lang=\"kk\">"))
        let en = try JuryRun.run(["report", dir.path, "--no-charts", "--lang", "en", "--out", "en"], in: work)
        #expect(en.status == 0)
        #expect(try String(contentsOf: work.appendingPathComponent("en/index.html"), encoding: .utf8).contains("<html lang=\"en\">"))
    }

    @Test("--public refuses a folder that holds a full report, and writes an empty one")
    func publicBesideFullReport() throws {
        let work = try ReportFixture.temporaryFolder("public")
        defer { try? FileManager.default.removeItem(at: work) }
        let full = try JuryRun.run(["report", ReportFixture.smallBundle, "--no-charts", "--out", "r"], in: work)
        #expect(full.status == 0)
        let clash = try JuryRun.run(["report", ReportFixture.smallBundle, "--public", "--out", "r"], in: work)
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("refusing to write the public edition"))
        let pub = try JuryRun.run(["report", ReportFixture.smallBundle, "--public"], in: work)
        #expect(pub.status == 0, "\(pub.stderr)")
        #expect(pub.stdout == "Reports/fixture-2025-public/index.html\n")
        let tree = try ReportFixture.tree(work.appendingPathComponent("Reports/fixture-2025-public"))
        #expect(Set(tree.keys) == ["index.html", "style.css", "data/ranking.csv"])
    }

    @Test("usage errors exit 2; a broken bundle exits 1")
    func usage() throws {
        let work = try ReportFixture.temporaryFolder("usage")
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try JuryRun.run(["report"], in: work).status == 2)
        #expect(try JuryRun.run(["report", ReportFixture.smallBundle, "--lang", "de"], in: work).status == 2)
        let missing = try JuryRun.run(["report", "/nonexistent/bundle", "--no-charts"], in: work)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no bundle folder here"))
        let help = try JuryRun.run(["report", "--help"], in: work)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--lang <lang>"))
        #expect(help.stdout.contains("en, ru, kk"))
    }
}

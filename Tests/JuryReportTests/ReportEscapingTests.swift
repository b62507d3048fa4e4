import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JuryReport

/// A bundle with a hostile string in every field a report prints: markup,
/// attribute breakers, script links, path climbers, and gnuplot commands.
@Suite("report escaping: hostile bundle strings stay text")
struct ReportEscapingTests {
    /// A file gnuplot would create if a string escaped its quotes.
    static let marker = FileManager.default.temporaryDirectory.appendingPathComponent("jury-pwned-\(UUID().uuidString)").path

    static var markup: [String] {
        ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "'><svg onload=alert(3)>",
         "</textarea></td></tr></table><script>alert(4)</script>", "<b onmouseover=alert(5)>x</b>"]
    }

    static var gnuplotInjection: String { "E9'; system('touch \(marker)'); print '" }

    /// The hostile bundle as files.
    static var bundle: [String: String] {
        let m = markup
        func csv(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let criteria = (1...7).map { "{\"key\": \"c\($0)\", \"title\": \(jsonString(m[$0 % m.count] + " `echo hi` @x"))}" }
        let competition = """
        {"id": "../../etc/evil", "title": \(jsonString(m[0] + " {{l.winners}} {0}")), "year": 2025,
         "semester": \(jsonString(m[1])),
         "criteria": [\(criteria.joined(separator: ", "))],
         "scoring": {"tie_break": ["median", "lot"]}, "seed": 3}
        """
        let people = """
        person_id,full_name,faculty,department,roles,teaching_staff,position,degree
        A1,\(csv(m[0])),\(csv(m[4])),\(csv(m[3])),author,yes,\(csv(m[1])),\(csv(m[2]))
        A2,\(csv(m[1])),F2,D2,author,yes,,
        \(csv(gnuplotInjection)),\(csv(m[2])),F3,D3,expert;chair,yes,\(csv(m[3])),
        "E\\2",\(csv(m[3])),F4,D4,expert;member,yes,,
        E3,\(csv(m[4])),F5,D5,expert;secretary,yes,,
        E4,Four,F6,D6,expert,yes,,
        E5,Five,F7,D7,expert,yes,,

        """
        let moocs = """
        mooc_id,title,authors,faculty,department,languages,link,annotation,submitted_at
        ../../etc/passwd,\(csv(m[0])),A1,\(csv(m[4])),\(csv(m[3])),\(csv("kk;" + m[1])),javascript:alert(document.cookie),\(csv(m[3])),2025-04-01T00:00:00Z
        \(csv("<b>M2</b>")),\(csv(m[1] + " ' ; system('touch \(marker)') ; '")),A2,F2,D2,ru,\(csv(" JaVaScRiPt:alert(1)")),\(csv(m[4])),
        /abs/path,\(csv(m[2])),A1;A2,F2,D2,en,\(csv("java\tscript:alert(1)")),x,
        M4,\(csv(m[3])),A2,F2,D2,en,\(csv("https://example.org/?q=\"><script>alert(6)</script>")),y,
        m4,Lower-case twin,A2,F2,D2,en,\(csv("data:text/html,<script>alert(7)</script>")),z,

        """
        var sheets = "stage,expert_id,mooc_id,c1,c2,c3,c4,c5,c6,c7,comment\n"
        let experts = [csv(gnuplotInjection), "\"E\\2\"", "E3", "E4", "E5"]
        let courses = ["../../etc/passwd", csv("<b>M2</b>"), "/abs/path", "M4", "m4"]
        for (ci, c) in courses.enumerated() {
            for (ei, e) in experts.enumerated() {
                let score = ci == 1 && ei == 4 ? 1 : 5 + (ci + ei) % 4
                sheets += "commission,\(e),\(c),\(Array(repeating: String(score), count: 7).joined(separator: ",")),\(csv(m[(ci + ei) % m.count] + "\nline 2 javascript:alert(8)"))\n"
            }
        }
        let conflicts = "expert_id,mooc_id,person_id,reason\n\"E\\2\",M4,,\(csv(m[1]))\nE3,,A1,\(csv(m[0]))\n"
        let decisions = "stage,unit,mooc_id,decision,reason\ncommission,all,/abs/path,disqualify,\(csv(m[3]))\n"
        return ["competition.json": competition, "people.csv": people, "moocs.csv": moocs, "sheets.csv": sheets,
                "conflicts.csv": conflicts, "decisions.csv": decisions]
    }

    static func jsonString(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s])
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }

    let files: [String: [UInt8]]
    let folder: URL

    init() throws {
        folder = try ReportFixture.writeBundle(Self.bundle)
        files = try ReportFixture.render(folder.path)
    }

    @Test("the hostile bundle is valid, so every field reaches the report")
    func bundleIsValid() throws {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let c = try ReportFixture.load(folder.path)
        #expect(c.courses.count == 5)
        #expect(c.id == "../../etc/evil")
        #expect(files["courses/M4.html"] != nil)
        #expect(files["courses/m4-2.html"] != nil)
    }

    @Test("no markup from the bundle reaches a page unescaped")
    func markupEscaped() {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.lowercased().contains("<script"), "\(path) has a script tag")
            #expect(!html.contains("<img src=x"), "\(path) has an injected image")
            #expect(!html.contains("<svg onload"), "\(path) has an injected svg")
            #expect(!html.contains("<b onmouseover"), "\(path) has an injected handler")
            #expect(!html.contains("</textarea>"))
        }
        let index = ReportFixture.text(files, "index.html")
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{l.winners}} {0}"))
    }

    @Test("only http and https links become links; script and data links are shown as text")
    func links() {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self).lowercased()
            for piece in html.components(separatedBy: "href=\"").dropFirst() {
                let target = String(piece.prefix { $0 != "\"" })
                let scheme = target.prefix { $0 != ":" && $0 != "/" }
                #expect(!target.contains(":") || scheme == "https" || scheme == "http", "\(path): href=\(target)")
            }
        }
        let pages = files.filter { $0.key.hasPrefix("courses/") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(pages.contains { $0.contains("<span class=\"unsafe-link\">javascript:alert(document.cookie)</span>") })
        #expect(pages.contains { $0.contains("<span class=\"unsafe-link\">data:text/html,&lt;script&gt;") })
        #expect(pages.contains { $0.contains("<span class=\"unsafe-link\">https://example.org/?q=&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;</span>") })
    }

    @Test("course files have safe names: no climbing, no absolute paths, no clash of m4 and M4")
    func fileNames() {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let courses = files.keys.filter { $0.hasPrefix("courses/") }.sorted()
        #expect(courses.count == 5)
        for path in files.keys {
            #expect(ReportFolder.isSafe(path), "\(path)")
            #expect(!path.contains(".."))
            let name = path.split(separator: "/").last ?? ""
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }, "\(path)")
        }
        #expect(Set(courses.map { $0.lowercased() }).count == 5)
        #expect(Report.defaultFolder(competitionID: "../../etc/evil", publicOnly: false) == "Reports/______etc_evil-" + SafeFileName.hash("../../etc/evil"))
    }

    @Test("strings in the gnuplot script cannot run commands, and the charts are well-formed SVG")
    func gnuplotInjection() throws {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        guard ReportFixture.gnuplot != nil else { return }
        #expect(!FileManager.default.fileExists(atPath: Self.marker), "gnuplot ran an injected command")
        let charts = files.filter { $0.key.hasSuffix(".svg") }
        #expect(charts.count >= 3)
        for (path, bytes) in charts {
            let svg = String(decoding: bytes, as: UTF8.self)
            #expect(!svg.lowercased().contains("<script"), "\(path)")
            let parser = XMLParser(data: Data(bytes))
            #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let experts = String(decoding: files[ReportCharts.expertsPath] ?? [], as: UTF8.self)
        #expect(experts.contains("E9'; system('touch"))
    }

    @Test("the chart script quotes every string")
    func scriptQuoting() throws {
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let competition = try ReportFixture.load(folder.path)
        let context = ReportContext(input: ReportFixture.input(competition), options: ReportOptions())
        let script = Gnuplot.script(ReportCharts.jobs(context), decimalSeparator: ".")
        // Every line is a command, a data row or a plot continuation: no line was split by a string.
        for line in script.split(separator: "\n") {
            let quotes = line.filter { $0 == "'" }.count
            #expect(quotes % 2 == 0, "unbalanced quotes: \(line)")
        }
        #expect(script.contains("'E9''; system(''touch"))
        #expect(!script.contains("system('touch"))
    }
}

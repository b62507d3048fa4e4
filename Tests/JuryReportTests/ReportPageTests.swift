import Foundation
import JuryEngine
import Testing
@testable import JuryReport

@Suite("report pages: what each page says")
struct ReportPageTests {
    let files: [String: [UInt8]]
    let competition: Competition

    init() throws {
        competition = try ReportFixture.load(ReportFixture.smallBundle)
        files = try ReportFixture.render(ReportFixture.smallBundle, charts: false)
    }

    func page(_ path: String) -> String { ReportFixture.text(files, path) }

    @Test("the full report has every page, one per course, the stylesheet and the data files")
    func fileSet() {
        let expected: Set = ["index.html", "stages.html", "experts.html", "integrity.html", "protocol.html", "style.css",
                             "data/ranking.csv", "data/ranking.json",
                             "courses/M1.html", "courses/M2.html", "courses/M3.html", "courses/M4.html"]
        #expect(Set(files.keys) == expected)
    }

    @Test("the summary names the funnel's winners with their authors, the ranking and the method")
    func winnerOnSummary() {
        let index = page("index.html")
        let winners = index.components(separatedBy: "id=\"winners\"")[1].components(separatedBy: "</section>")[0]
        #expect(winners.contains("Winner — place 1"))
        #expect(winners.contains("Сүт өнімдерінің технологиясы"))
        #expect(winners.contains("Ахметов Асқар Болатұлы"))
        #expect(winners.contains("61.50"))
        // The late course ranks second on the sheets but is no candidate: the funnel's place 2 is M3.
        #expect(!winners.contains("Late Course"))
        #expect(winners.contains("Place 2</span>\n<span class=\"winner-course\"><a href=\"courses/M3.html\">Data Engineering</a>"))
        let ranking = index.components(separatedBy: "id=\"ranking\"")[1]
        #expect(ranking.contains("Late Course</a> <span class=\"id\">M4</span> <span class=\"warning\">not eligible: late_submission, cohorts</span>"))
        #expect(index.contains("equal score; lower median"))
        #expect(index.contains("the mean of the counted sheet totals"))
        #expect(index.contains("href=\"courses/M1.html\""))
    }

    @Test("every recusal appears on the integrity page, the protocol and its course page")
    func everyRecusal() throws {
        let analysis = Analysis(competition: competition)
        #expect(analysis.ranking.excluded.count == 3)
        let integrity = page("integrity.html")
        let protocolPage = page("protocol.html")
        for x in analysis.ranking.excluded {
            let expert = competition.people[Int(x.expert)]
            let course = competition.courses[Int(x.course)]
            let kind = ReportText(.en).kind(x.reason)
            let row = "\(expert.fullName) <span class=\"id\">\(expert.id)</span></td><td><a href=\"courses/\(course.id).html\">\(course.title)</a> <span class=\"id\">\(course.id)</span></td><td>\(kind)</td>"
            #expect(integrity.contains(row), "integrity.html lacks \(expert.id) on \(course.id)")
            #expect(protocolPage.contains("<td>\(expert.fullName)</td><td><a href=\"courses/\(course.id).html\">\(course.title)</a>"))
            #expect(page("courses/\(course.id).html").contains("not counted: \(kind)"))
        }
        #expect(integrity.contains("Consulted the author on the course"))
    }

    @Test("the outlying sheet is on the integrity and experts pages")
    func outlier() {
        #expect(page("integrity.html").contains("Outlying ratings (1)"))
        #expect(page("experts.html").contains("outlying (robust z −"))
    }

    @Test("the experts page shows the audit: reliability of the totals and by criterion, and every expert's rater effects")
    func audit() throws {
        let experts = page("experts.html")
        #expect(experts.contains("<h2>Agreement between the experts</h2>"))
        for name in ["ICC(1,1)", "ICC(3,k)", "Krippendorff&#39;s alpha (interval)", "Kendall&#39;s W", "Cronbach&#39;s alpha (criteria)"] {
            #expect(experts.contains("<td>\(name)</td>"), "\(name) missing")
        }
        #expect(experts.contains("<h3>Reliability by criterion</h3>"))
        let section = try #require(experts.components(separatedBy: "id=\"rater-effects\"").last)
        for e in ["E1", "E2", "E3", "E4", "E5"] {
            #expect(section.contains("<span class=\"id\">\(e)</span></td>"), "\(e) has no rater-effects row")
        }
        let kk = ReportFixture.text(try ReportFixture.render(ReportFixture.smallBundle, language: .kk, charts: false), "experts.html")
        #expect(kk.contains("Сарапшы әсерлері"))
        // The engine's verdict sentence is English: other languages show the translated flags only.
        #expect(section.contains("<th scope=\"col\">Verdict</th>"))
        let kkSection = try #require(kk.components(separatedBy: "id=\"rater-effects\"").last?.components(separatedBy: "</section>").first)
        #expect(!kkSection.contains("<th scope=\"col\">Қорытынды</th>"))
        #expect(kkSection.contains("<th scope=\"col\">Белгілер</th>"))
    }

    @Test("the protocol lists the commission by role, the decisions and a signature line for each member")
    func protocolContent() {
        let p = page("protocol.html")
        #expect(p.contains("<td class=\"role\">Chair</td><td>Сейітова Әлия Маратқызы</td>"))
        #expect(p.contains("<td class=\"role\">Secretary</td><td>Петрова Анна Сергеевна</td>"))
        #expect(p.components(separatedBy: "class=\"sign-line\"").count - 1 == 5)
        #expect(p.contains("Tie at the cut-off line settled by the faculty commission&#39;s vote"))
        #expect(p.contains("«Late Course» (M4): late_submission (9.9)"))
        #expect(p.contains("«Late Course» is placed above «Data Engineering» on an equal score: higher median."))
        #expect(p.contains("body class=\"protocol\""))
    }

    @Test("a course page shows every sheet of every stage, with comments and its path")
    func coursePage() {
        let m1 = page("courses/M1.html")
        #expect(m1.components(separatedBy: "<td class=\"comment\">").count - 1 == 6)
        #expect(m1.contains("Курс толық жүктелген.\nБейнедәрістер сапалы."))
        #expect(m1.contains("stage not analysed"))
        #expect(m1.contains("href=\"../style.css\""))
        #expect(m1.contains("<a href=\"https://example.org/course/1\" rel=\"noopener noreferrer\">"))
        let m2 = page("courses/M2.html")
        #expect(m2.contains("Тесты слабые, &quot;глоссарий&quot; неполный"))
        #expect(m2.contains("advances: Tie at the cut-off line"))
    }

    @Test("the stages page has the funnel, each unit's minutes, the eligibility of every course and the manual checks")
    func stagesPage() {
        let s = page("stages.html")
        for id in ["M1", "M2", "M3", "M4"] { #expect(s.contains("<span class=\"id\">\(id)</span>")) }
        #expect(s.contains("<code>late_submission</code> (9.9, disqualifies)"))
        #expect(s.contains("<code>stereo_audio</code>"))
        #expect(s.contains("<tr><td>Forwarded: faculty</td><td class=\"num\">3</td></tr>"))
        #expect(s.contains("<tr><td>Prize places</td><td class=\"num\">3</td></tr>"))
        #expect(s.contains("Extracts of the minutes (9.5.1, 9.5.2, 9.8)"))
        #expect(s.contains("<h4>D1 · approval vote</h4>"))
        #expect(s.contains("<h4>F1 · rating score</h4>"))
        #expect(s.contains("Votes for one&#39;s own course left out of the tally: 1."))
        #expect(s.contains("Decision: Технология хлеба — advances: Tie at the cut-off line"))
        #expect(s.contains("commission → faculty") == false)
        #expect(s.contains("faculty → commission: Kendall&#39;s tau-b 0.33 on 3 courses ranked at both."))
    }

    @Test("votes for one's own course are listed on the integrity page; the course page follows the funnel")
    func selfVotesAndPath() {
        let integrity = page("integrity.html")
        #expect(integrity.contains("Votes for one&#39;s own course (2)"))
        #expect(integrity.contains("<td>Ахметов Асқар Болатұлы <span class=\"id\">A1</span></td><td><a href=\"courses/M1.html\">"))
        let m3 = page("courses/M3.html")
        #expect(m3.contains("place 1 in D3 (1); advances"))
        #expect(m3.contains("place 2 in all (48.50); Place 2"))
        #expect(m3.contains("<td class=\"num\">6.50</td>"))
    }

    @Test("the public edition has only the summary, the stylesheet and the ranking CSV, and no expert or finding")
    func publicEdition() throws {
        let pub = try ReportFixture.render(ReportFixture.smallBundle, publicOnly: true)
        #expect(Set(pub.keys) == ["index.html", "style.css", "data/ranking.csv"])
        let all = pub.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for person in competition.people where person.roles.contains(.expert) {
            #expect(!all.contains(person.fullName), "\(person.fullName) is in the public edition")
            #expect(!all.contains(">\(person.id)<"))
        }
        let index = ReportFixture.text(pub, "index.html")
        #expect(index.contains("Сүт өнімдерінің технологиясы"))
        #expect(index.contains("public edition"))
        #expect(!index.contains("not counted"))
        #expect(!index.contains("stand out from the other experts"))
        #expect(!index.contains("Evaluation sheets not counted"))
        #expect(!index.contains("not eligible"))
        #expect(!index.contains("<nav"))
        #expect(!index.contains("href=\"courses/"))
    }

    @Test("Russian and Kazakh labels, with a comma for decimals")
    func languages() throws {
        let ru = ReportFixture.text(try ReportFixture.render(ReportFixture.smallBundle, language: .ru, charts: false), "index.html")
        #expect(ru.contains("<html lang=\"ru\">"))
        #expect(ru.contains("Победитель — 1 место"))
        #expect(ru.contains("61,50"))
        let kk = try ReportFixture.render(ReportFixture.smallBundle, language: .kk, charts: false)
        #expect(ReportFixture.text(kk, "index.html").contains("Жеңімпаз — 1-орын"))
        #expect(ReportFixture.text(kk, "protocol.html").contains("ХАТТАМА"))
    }

    @Test("with no commission sheets the summary says the places are provisional")
    func provisional() throws {
        let source = URL(fileURLWithPath: ReportFixture.smallBundle)
        var bundle: [String: String] = [:]
        for name in ["competition.json", "people.csv", "moocs.csv", "conflicts.csv", "decisions.csv"] {
            bundle[name] = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
        }
        let sheets = try String(contentsOf: source.appendingPathComponent("sheets.csv"), encoding: .utf8)
        bundle["sheets.csv"] = sheets.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("commission,") && !$0.hasPrefix("Бейнедәрістер") }.joined(separator: "\n")
        let dir = try ReportFixture.writeBundle(bundle)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let index = ReportFixture.text(try ReportFixture.render(dir.path, charts: false), "index.html")
        #expect(index.contains("the places below are those of the faculty stage"))
    }

    @Test("the stylesheet prints on A4, works on a phone and names fonts with Cyrillic")
    func stylesheet() {
        let css = page("style.css")
        #expect(css.contains("@media print"))
        #expect(css.contains("size: A4"))
        #expect(css.contains("@media (max-width: 40rem)"))
        #expect(css.contains("\"DejaVu Sans\", \"Noto Sans\", system-ui"))
        #expect(!css.contains("@import") && !css.contains("url("))
        let index = page("index.html")
        #expect(index.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(index.contains("<meta charset=\"utf-8\">"))
        #expect(index.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    }

    @Test("no page loads anything from outside the report or runs a script")
    func selfContained() throws {
        let charted = try ReportFixture.render(ReportFixture.smallBundle)
        for (path, bytes) in charted where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.lowercased().contains("<script"))
            for attribute in ["src=\"", "<link rel=\"stylesheet\" href=\""] {
                for piece in html.components(separatedBy: attribute).dropFirst() {
                    let target = String(piece.prefix { $0 != "\"" })
                    #expect(!target.contains(":"), "\(path) loads \(target)")
                    let resolved = URL(fileURLWithPath: "/r/" + path).deletingLastPathComponent().appendingPathComponent(target).standardized.path
                    #expect(charted[String(resolved.dropFirst(3))] != nil, "\(path) refers to missing \(target)")
                }
            }
        }
    }
}

import Foundation
import Testing
@testable import JuryReport

@Suite("report output: file names, links and the output folder")
struct ReportOutputTests {
    @Test("ids become plain file stems; changed ids carry their hash; clashes get a number")
    func safeFileNames() {
        #expect(SafeFileName.stem("M1") == "M1")
        #expect(SafeFileName.stem("ICT-02_b") == "ICT-02_b")
        #expect(SafeFileName.stem("../../etc/passwd") == "______etc_passwd-" + SafeFileName.hash("../../etc/passwd"))
        #expect(SafeFileName.stem("/abs") == "_abs-" + SafeFileName.hash("/abs"))
        #expect(SafeFileName.stem("КУРС-1").hasPrefix("____-1-"))
        #expect(SafeFileName.stem("a.b") != SafeFileName.stem("a_b"))
        #expect(SafeFileName.stem(String(repeating: "x", count: 200)).count == SafeFileName.maxStemLength + 9)
        #expect(SafeFileName.assign(["M1", "m1", "M1x", "m1"]) == ["M1", "m1-2", "M1x", "m1-3"])
        for id in ["..", ".", "", "a/../b", "a\\b", "\0", " x "] {
            let stem = SafeFileName.stem(id)
            #expect(!stem.isEmpty && !stem.contains(".") && !stem.contains("/") && !stem.contains("\\") && !stem.contains(" "))
        }
    }

    @Test("only absolute http and https addresses are links")
    func webLinks() {
        for safe in ["https://skills.atu.kz/course/view.php?id=27", "http://example.org", "HTTPS://EXAMPLE.ORG/a#b", "https://ru.wikipedia.org/wiki/Курс?x=1&y=%20"] {
            #expect(WebLink.isSafe(safe), "\(safe)")
        }
        for unsafe in ["javascript:alert(1)", "JavaScript:alert(1)", " https://x.org", "java\tscript:alert(1)",
                       "https://x.org/\nscript", "data:text/html,x", "vbscript:x", "//evil.org", "https://", "https://@",
                       "http:/x.org", "file:///etc/passwd", "x.org", "https://x.org/\u{202E}gpj", "https://x.org/?a=\"><b>", "https://x.org/{x}", ""] {
            #expect(!WebLink.isSafe(unsafe), "\(unsafe)")
        }
    }

    @Test("paths that climb, are absolute or are empty are refused")
    func unsafePaths() throws {
        for bad in ["../x.html", "/etc/passwd", "a/../../x", "a//b", "./x", "", "a/", "a\\..\\b"] {
            #expect(!ReportFolder.isSafe(bad), "\(bad)")
        }
        let dir = try ReportFixture.temporaryFolder("folder")
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try ReportFolder(path: dir.appendingPathComponent("out").path)
        #expect(throws: ReportError.outsideOutput(path: "../escape.html")) {
            try folder.write(ReportFile(path: "../escape.html", bytes: [1]))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape.html").path))
    }

    @Test("a symbolic link inside the output folder cannot redirect a write outside it")
    func symlinkedFolder() throws {
        let dir = try ReportFixture.temporaryFolder("symlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("courses"), withDestinationURL: outside)
        let folder = try ReportFolder(path: out.path)
        #expect(throws: ReportError.outsideOutput(path: "courses/M1.html")) {
            try folder.write(ReportFile(path: "courses/M1.html", bytes: Array("x".utf8)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // A deeper path through the link: no folder is made outside either, written alone or in a batch.
        #expect(throws: ReportError.outsideOutput(path: "courses/deep/M1.svg")) {
            try folder.write(ReportFile(path: "courses/deep/M1.svg", bytes: Array("x".utf8)))
        }
        #expect(throws: ReportError.outsideOutput(path: "courses/deeper/M2.svg")) {
            try folder.makeFolders(for: [ReportFile(path: "courses/deeper/M2.svg", bytes: [])])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // A link at a file's own name is replaced, not written through.
        let target = outside.appendingPathComponent("secret.txt")
        try Data("keep".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("index.html"), withDestinationURL: target)
        try folder.write(ReportFile(path: "index.html", bytes: Array("page".utf8)))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "page")
    }

    @Test("gnuplot strings: quotes doubled, line breaks and controls removed, nothing else special")
    func gnuplotQuoting() {
        #expect(GnuplotScript.quote("E1") == "'E1'")
        #expect(GnuplotScript.quote("it's") == "'it''s'")
        #expect(GnuplotScript.quote("a\nb\rc\u{2028}d\te") == "'a b c d e'")
        #expect(GnuplotScript.quote("`rm -rf /` @macro \\n") == "'`rm -rf /` @macro \\n'")
        #expect(GnuplotScript.label(String(repeating: "x", count: 30), maxLength: 10) == "'xxxxxxxxx…'")
        #expect(GnuplotScript.number(48.5) == "48.5")
        #expect(GnuplotScript.number(-3) == "-3")
    }

    @Test("numbers for people: rounded half away from zero, the language's decimal sign, a real minus")
    func numbers() {
        let en = ReportText(.en), ru = ReportText(.ru)
        #expect(en.number(61.5) == "61.50")
        #expect(en.number(2.675, decimals: 2) == "2.68" || en.number(2.675, decimals: 2) == "2.67")
        #expect(en.number(0.125, decimals: 2) == "0.13")
        #expect(en.number(-5.8) == "−5.80")
        #expect(en.number(-0.001) == "0.00")
        #expect(en.number(7, decimals: 0) == "7")
        #expect(en.number(.nan) == "—")
        #expect(ru.number(61.5) == "61,50")
    }

    @Test("placeholders are filled in one pass: an argument is never expanded")
    func formatting() {
        let t = ReportText(.en)
        #expect(t.format("place_n", "3") == "Place 3")
        #expect(t.format("finding_tie", "{1}", "B", "{0}") == "«{1}» is placed above «B» on an equal score: {0}.")
    }
}

import Foundation
import Testing
@testable import JuryReport

/// Headless Chromium (Debian's `chromium`) opens the written report from
/// disk, as a reader would, and takes screenshots. Skipped, with the reason
/// in the test output, where Chromium is not installed; CI installs it.
@Suite("report in a real browser")
struct ReportBrowserTests {
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    struct Shot {
        var png: Data
        var log: String
    }

    /// Opens `page` in headless Chromium, 1280×2000, with console messages logged to stderr.
    static func screenshot(_ page: URL, in work: URL, name: String) throws -> Shot {
        let chromium = try #require(chromium)
        let png = work.appendingPathComponent("\(name).png")
        let logURL = work.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=\(work.appendingPathComponent("profile-\(name)").path)",
                       "--enable-logging=stderr", "--v=0", "--window-size=1280,2000",
                       "--screenshot=\(png.path)", page.absoluteString]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = log
        p.standardError = log
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        try log.close()
        return Shot(png: (try? Data(contentsOf: png)) ?? Data(), log: try String(contentsOf: logURL, encoding: .utf8))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test("index.html and protocol.html render: not blank, no console message",
          .enabled(if: chromium != nil, "chromium is not installed (apt-get install -y chromium); browser checks skipped"))
    func rendersInChromium() throws {
        let work = try ReportFixture.temporaryFolder("browser")
        defer {
            if ProcessInfo.processInfo.environment["JURY_KEEP_SCREENSHOTS"] == nil { try? FileManager.default.removeItem(at: work) }
        }
        let input = ReportFixture.input(try ReportFixture.load(ReportFixture.smallBundle))
        let gnuplot = ReportFixture.gnuplot
        let files = try Report.render(input, options: ReportOptions(language: .kk, charts: gnuplot != nil), gnuplot: gnuplot)
        let out = work.appendingPathComponent("report")
        try Report.write(files, to: out.path, publicOnly: false)
        let blankPage = work.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>".utf8)
            .write(to: blankPage)
        let blank = try Self.screenshot(blankPage, in: work, name: "blank")
        #expect(Self.pngSize(blank.png) != nil, "no screenshot of a blank page: \(blank.log.suffix(2000))")
        for page in ["index", "protocol"] {
            let shot = try Self.screenshot(out.appendingPathComponent("\(page).html"), in: work, name: page)
            let size = Self.pngSize(shot.png)
            #expect(size?.width == 1280 && size?.height == 2000, "\(page): no 1280×2000 screenshot; \(shot.log.suffix(2000))")
            // A page of text, tables and charts compresses far worse than an empty one.
            #expect(shot.png.count > 4 * max(blank.png.count, 1), "\(page).png (\(shot.png.count) bytes) looks blank")
            let console = shot.log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
            #expect(console.isEmpty, "\(page): \(console.joined(separator: "\n"))")
        }
        if ProcessInfo.processInfo.environment["JURY_KEEP_SCREENSHOTS"] != nil {
            print("screenshots in \(work.path)")
        }
    }
}

import Foundation

/// The external `gnuplot` program, which draws the report's charts as SVG.
///
/// All charts of a report are drawn by one gnuplot run: the script and its
/// outputs live in a fresh temporary folder, named relative to it, so no
/// path of the user's enters the script. gnuplot runs with
/// `--default-settings` (no `~/.gnuplot`), the C.UTF-8 locale and fixed
/// terminal settings, so the same data gives the same bytes; the SVG
/// terminal writes no date. Its `<title>` is set to the chart's title.
public struct Gnuplot: Sendable {
    /// Absolute path of the executable.
    public var executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// What to tell a user who has no gnuplot.
    public static let installHint = "gnuplot is not installed (or not on PATH); install it with "
        + "`apt-get install gnuplot-nox` (Debian, Ubuntu), or pass --no-charts to write the report without charts"

    /// gnuplot on the search path `path` (colon-separated, as `PATH`); empty
    /// entries (the current folder) are skipped.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Gnuplot? {
        for dir in (path ?? "").split(separator: ":") where dir.hasPrefix("/") {
            let candidate = String(dir) + "/gnuplot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return Gnuplot(executable: candidate)
            }
        }
        return nil
    }

    /// The terminal line of every chart.
    static func terminal(width: Int, height: Int) -> String {
        "set terminal svg size \(width),\(height) dynamic noenhanced font 'sans,10' background rgb '#ffffff'\n"
    }

    /// The whole script: each job after `reset`, with its own terminal size and output file `chart-<i>.svg`.
    static func script(_ jobs: [ChartJob], decimalSeparator: String) -> String {
        var s = "set encoding utf8\n"
        for (i, job) in jobs.enumerated() {
            s += "reset\n" + terminal(width: job.width, height: job.height)
            s += "set output 'chart-\(i).svg'\n"
            s += "set decimalsign \(GnuplotScript.quote(decimalSeparator))\n"
            s += job.commands
            s += "unset output\n"
        }
        return s
    }

    /// Draws every job; returns the SVG bytes by the job's path.
    /// - Throws: `ReportError.gnuplotFailed` with gnuplot's own message when it exits non-zero.
    func draw(_ jobs: [ChartJob], decimalSeparator: String) throws -> [String: [UInt8]] {
        guard !jobs.isEmpty else { return [:] }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("jury-charts-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: work.path, reason: "\(error)")
        }
        defer { try? fm.removeItem(at: work) }
        let scriptURL = work.appendingPathComponent("charts.gp")
        let outURL = work.appendingPathComponent("gnuplot.out")
        let errURL = work.appendingPathComponent("gnuplot.err")
        do {
            try Data(Self.script(jobs, decimalSeparator: decimalSeparator).utf8).write(to: scriptURL)
            _ = fm.createFile(atPath: outURL.path, contents: nil)
            _ = fm.createFile(atPath: errURL.path, contents: nil)
        } catch {
            throw ReportError.cannotWrite(path: scriptURL.path, reason: "\(error)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--default-settings", "charts.gp"]
        process.currentDirectoryURL = work
        var environment = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "HOME": work.path]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        do {
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardOutput = out
            process.standardError = err
            try process.run()
            process.waitUntilExit()
        } catch {
            throw ReportError.gnuplotFailed(status: -1, message: "cannot run \(executable): \(error)")
        }
        let message = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ReportError.gnuplotFailed(status: process.terminationStatus, message: String(message.suffix(2000)))
        }
        var out: [String: [UInt8]] = [:]
        for (i, job) in jobs.enumerated() {
            let url = work.appendingPathComponent("chart-\(i).svg")
            guard let data = fm.contents(atPath: url.path), !data.isEmpty else {
                throw ReportError.gnuplotFailed(status: 0, message: "no output for \(job.path)\n" + String(message.suffix(2000)))
            }
            out[job.path] = Self.finish(String(decoding: data, as: UTF8.self), title: job.title)
        }
        return out
    }

    /// The SVG with the chart's title in `<title>` (XML-escaped), Unix line
    /// ends, and no gnuplot patch level in `<desc>`, so that a point release
    /// that draws the same picture writes the same bytes.
    static func finish(_ svg: String, title: String) -> [UInt8] {
        var text = svg.replacingOccurrences(of: "\r\n", with: "\n")
        text = text.replacingOccurrences(of: "<title>Gnuplot</title>", with: "<title>\(xmlEscape(title))</title>")
        if let start = text.range(of: "<desc>Produced by GNUPLOT"), let end = text.range(of: "</desc>", range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: "<desc>Drawn by gnuplot</desc>")
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return Array(text.utf8)
    }

    static func xmlEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

import Foundation
import JuryEngine

/// The external `gnuplot` program, which draws the report's charts as SVG.
///
/// The charts of a report are drawn by gnuplot runs over consecutive parts
/// of them, at the same time (one a core, for many charts): the scripts and
/// their outputs live in a fresh temporary folder, named relative to it, so
/// no path of the user's enters a script. gnuplot runs with
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
        script(jobs[...], decimalSeparator: decimalSeparator)
    }

    /// The script of some jobs, each writing `chart-<i>.svg` with `i` its
    /// index among all the jobs. Every job starts from `reset`, so a chart's
    /// bytes do not depend on the jobs before it in its script.
    static func script(_ jobs: ArraySlice<ChartJob>, decimalSeparator: String) -> String {
        var s = "set encoding utf8\n"
        for (i, job) in zip(jobs.indices, jobs) {
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
        var out: [String: [UInt8]] = [:]
        try draw(jobs, decimalSeparator: decimalSeparator) { out[$0] = $1 }
        return out
    }

    /// Draws every job and hands each chart's path and SVG bytes to `emit`,
    /// in job order, one chart read at a time.
    /// - Throws: `ReportError.gnuplotFailed` with gnuplot's own message when
    ///   it exits non-zero (before any chart is handed over), or `emit`'s error.
    func draw(_ jobs: [ChartJob], decimalSeparator: String, chartsPerProcess: Int = chartsPerProcess,
              emit: (String, [UInt8]) throws -> Void) throws {
        guard !jobs.isEmpty else { return }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("jury-charts-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: work.path, reason: "\(error)")
        }
        defer { try? fm.removeItem(at: work) }
        // The jobs in consecutive parts, one gnuplot process each, all running at once.
        let processes = min(ProcessInfo.processInfo.activeProcessorCount, jobs.count / max(1, chartsPerProcess))
        var runs: [(process: Process, errURL: URL)] = []
        do {
            for (p, range) in Concurrently.ranges(jobs.count, parts: processes).enumerated() {
                runs.append(try start(jobs[range], part: p, in: work, decimalSeparator: decimalSeparator))
            }
        } catch {
            for run in runs { run.process.terminate() }
            for run in runs { run.process.waitUntilExit() }
            throw error
        }
        for run in runs { run.process.waitUntilExit() }
        var message = ""
        for run in runs {
            let text = (try? String(contentsOf: run.errURL, encoding: .utf8)) ?? ""
            guard run.process.terminationReason == .exit, run.process.terminationStatus == 0 else {
                throw ReportError.gnuplotFailed(status: run.process.terminationStatus, message: String(text.suffix(2000)))
            }
            message += text
        }
        func missing(_ job: ChartJob) -> ReportError {
            .gnuplotFailed(status: 0, message: "no output for \(job.path)\n" + String(message.suffix(2000)))
        }
        // Every chart is there before the first is handed over.
        for (i, job) in jobs.enumerated() {
            let attributes = try? fm.attributesOfItem(atPath: work.appendingPathComponent("chart-\(i).svg").path)
            guard let size = attributes?[.size] as? Int, size > 0 else { throw missing(job) }
        }
        for (i, job) in jobs.enumerated() {
            guard let data = fm.contents(atPath: work.appendingPathComponent("chart-\(i).svg").path), !data.isEmpty else {
                throw missing(job)
            }
            try emit(job.path, Self.finish(data, title: job.title))
        }
    }

    /// Charts one gnuplot process draws at least; more processes run at
    /// once, up to one a core (the charts are the same bytes for any split).
    static let chartsPerProcess = 256

    /// Starts gnuplot on the script of `jobs` (`charts-<part>.gp` in `work`,
    /// its output and messages beside it) and returns without waiting.
    private func start(_ jobs: ArraySlice<ChartJob>, part: Int, in work: URL,
                       decimalSeparator: String) throws -> (process: Process, errURL: URL) {
        let fm = FileManager.default
        let scriptURL = work.appendingPathComponent("charts-\(part).gp")
        let outURL = work.appendingPathComponent("gnuplot-\(part).out")
        let errURL = work.appendingPathComponent("gnuplot-\(part).err")
        do {
            try Data(Self.script(jobs, decimalSeparator: decimalSeparator).utf8).write(to: scriptURL)
            _ = fm.createFile(atPath: outURL.path, contents: nil)
            _ = fm.createFile(atPath: errURL.path, contents: nil)
        } catch {
            throw ReportError.cannotWrite(path: scriptURL.path, reason: "\(error)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--default-settings", scriptURL.lastPathComponent]
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
        } catch {
            throw ReportError.gnuplotFailed(status: -1, message: "cannot run \(executable): \(error)")
        }
        return (process, errURL)
    }

    /// The SVG with the chart's title in `<title>` (XML-escaped), Unix line
    /// ends, and no gnuplot patch level in `<desc>`, so that a point release
    /// that draws the same picture writes the same bytes.
    ///
    /// Works on the bytes (a chart is tens of kilobytes and a report at scale
    /// has one per course): every CR LF becomes LF, every
    /// `<title>Gnuplot</title>` takes the title, the first `<desc>Produced by
    /// GNUPLOT…</desc>` becomes `<desc>Drawn by gnuplot</desc>`, and a line
    /// feed ends the file. Bytes that are not UTF-8 are replaced by U+FFFD
    /// first, as decoding them into a `String` would.
    static func finish(_ svg: Data, title: String) -> [UInt8] {
        var text = replacing([0x0D, 0x0A], with: [0x0A], in: Array(String(decoding: svg, as: UTF8.self).utf8))
        text = replacing(Array("<title>Gnuplot</title>".utf8), with: Array("<title>\(xmlEscape(title))</title>".utf8), in: text)
        let opening = Array("<desc>Produced by GNUPLOT".utf8)
        if let start = firstOffset(of: opening, in: text, from: 0) {
            let close = Array("</desc>".utf8)
            if let end = firstOffset(of: close, in: text, from: start + opening.count) {
                text.replaceSubrange(start ..< end + close.count, with: Array("<desc>Drawn by gnuplot</desc>".utf8))
            }
        }
        // A CR left before the last LF (of CR CR LF) makes the file end in CR LF, not in a line feed alone.
        if text.last != 0x0A || (text.count >= 2 && text[text.count - 2] == 0x0D) { text.append(0x0A) }
        return text
    }

    /// `text` with every occurrence of `pattern` (not empty), left to right
    /// and not overlapping, replaced by `replacement`.
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in text: [UInt8]) -> [UInt8] {
        guard var match = firstOffset(of: pattern, in: text, from: 0) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var copied = 0
        while true {
            out.append(contentsOf: text[copied ..< match])
            out.append(contentsOf: replacement)
            copied = match + pattern.count
            guard let next = firstOffset(of: pattern, in: text, from: copied) else { break }
            match = next
        }
        out.append(contentsOf: text[copied...])
        return out
    }

    /// The offset of the first occurrence of `pattern` (not empty) in `text`
    /// at or after `from`: each place where the first byte matches is
    /// compared whole with `memcmp` (Glibc does not export `memmem` to Swift).
    static func firstOffset(of pattern: [UInt8], in text: [UInt8], from: Int) -> Int? {
        let n = pattern.count
        guard n > 0, text.count - n >= from else { return nil }
        return text.withUnsafeBufferPointer { t in
            pattern.withUnsafeBufferPointer { p in
                guard let tb = t.baseAddress, let pb = p.baseAddress else { return nil }
                let head = pb.pointee
                var i = from
                while i <= t.count - n {
                    if tb[i] == head && memcmp(tb + i, pb, n) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
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

import Foundation
import JuryEngine
import JuryIO
import JurySynth

/// Synthetic bundles on disk, outside git, written once by `JurySynth` and
/// reused by every later run.
///
/// Folder: `$JURY_BENCH_CACHE/<size>[-votes]-seed<seed>`, where
/// `JURY_BENCH_CACHE` defaults to `$TMPDIR/jury-bench` (`/tmp/jury-bench`).
/// A bundle is written into a temporary sibling folder and renamed into place
/// when complete, with a `.complete` stamp naming the synth command, so an
/// interrupted run never leaves half a bundle behind. `compare-peers.sh` uses
/// the same folders. Delete the folder to regenerate (e.g. after a change to
/// `JurySynth`).
public enum BundleCache {
    public static var root: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["JURY_BENCH_CACHE"], !dir.isEmpty { return dir }
        let tmp = env["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return (tmp as NSString).appendingPathComponent("jury-bench")
    }

    public static func folderName(_ size: BenchmarkSize, votes: Bool = false) -> String {
        "\(size.rawValue)\(votes ? "-votes" : "")-seed\(BenchmarkSize.seed)"
    }

    /// The bundle folder of `size`, generated first when missing.
    public static func bundle(_ size: BenchmarkSize, votes: Bool = false) throws -> String {
        let fm = FileManager.default
        let folder = (root as NSString).appendingPathComponent(folderName(size, votes: votes))
        let stamp = (folder as NSString).appendingPathComponent(".complete")
        if fm.fileExists(atPath: stamp) { return folder }

        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        let partial = folder + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: partial)
        try fm.createDirectory(atPath: partial, withIntermediateDirectories: true)
        let started = ContinuousClock.now
        let summary = try SyntheticBundle.write(size.synthConfig(votes: votes), to: partial)
        try Data((size.synthCommand(votes: votes) + "\n").utf8)
            .write(to: URL(fileURLWithPath: (partial as NSString).appendingPathComponent(".complete")))
        if fm.fileExists(atPath: stamp) {
            // Another process finished the same bundle first: keep theirs.
            try? fm.removeItem(atPath: partial)
        } else {
            try? fm.removeItem(atPath: folder)
            try fm.moveItem(atPath: partial, toPath: folder)
        }
        FileHandle.standardError.write(Data(
            "jury-bench: wrote \(summary.sheets) sheets to \(folder) in \(ContinuousClock.now - started)\n".utf8))
        return folder
    }

    /// Reads the bundle of `size` (generating it when missing); fails on any
    /// bundle error, with the first diagnostics.
    public static func competition(_ size: BenchmarkSize, votes: Bool = false) throws -> Competition {
        let folder = try bundle(size, votes: votes)
        let outcome = BundleReader.read(folder)
        guard let competition = outcome.competition else {
            throw BenchmarkBundleError.invalid(folder: folder,
                                               diagnostics: outcome.log.sorted.prefix(5).map(\.description))
        }
        return competition
    }
}

public enum BenchmarkBundleError: Error, CustomStringConvertible {
    case invalid(folder: String, diagnostics: [String])

    public var description: String {
        switch self {
        case let .invalid(folder, diagnostics):
            "\(folder) is not a valid bundle:\n" + diagnostics.joined(separator: "\n")
        }
    }
}

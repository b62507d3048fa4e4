import Foundation

/// Runs the built `jury` binary, as a user would.
struct JuryProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `jury` sits next to the test runner in the build folder.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["JURY_BIN"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = runner.deletingLastPathComponent()
        // On Linux the runner may be inside a `.xctest` folder.
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("jury").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("jury")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory ?? root
        // Output goes to files, so a large output can never block the process.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("jury-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("stdout"), errURL = tmp.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// A copy of a bundle in a fresh temporary folder, to break or shuffle.
    static func copyOfBundle(_ relativePath: String) throws -> URL {
        let source = root.appendingPathComponent(relativePath)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

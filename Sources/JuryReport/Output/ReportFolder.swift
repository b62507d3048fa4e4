import Foundation

/// The output folder of a report, written only inside.
///
/// A report file's path is relative, made of `/`-separated components that
/// are neither empty, `.` nor `..`, with no NUL or backslash; the course
/// pages' names come from `SafeFileName`, so a bundle id never gets here as
/// written, and this check is the second line of defence. Each parent folder
/// is created and then resolved (symbolic links followed); it must still be
/// inside the resolved output folder, so a link planted inside the folder
/// cannot redirect a write elsewhere. Files are written atomically (a
/// temporary file renamed into place), which replaces a symbolic link at the
/// file's own name instead of writing through it.
struct ReportFolder {
    let root: URL
    let resolvedRoot: String

    init(path: String) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        do {
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: url.path, reason: "\(error)")
        }
        root = url
        resolvedRoot = url.resolvingSymlinksInPath().path
    }

    /// Whether `relativePath` is a plain path inside the folder.
    static func isSafe(_ relativePath: String) -> Bool {
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/") else { return false }
        for component in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
            if component.contains("\0") || component.contains("\\") { return false }
        }
        return true
    }

    func contains(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path)
    }

    func write(_ file: ReportFile) throws {
        guard Self.isSafe(file.path) else { throw ReportError.outsideOutput(path: file.path) }
        let target = root.appendingPathComponent(file.path)
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: parent.path, reason: "\(error)")
        }
        let resolvedParent = parent.resolvingSymlinksInPath().path
        guard resolvedParent == resolvedRoot || resolvedParent.hasPrefix(resolvedRoot + "/") else {
            throw ReportError.outsideOutput(path: file.path)
        }
        do {
            try Data(file.bytes).write(to: target, options: .atomic)
        } catch {
            throw ReportError.cannotWrite(path: target.path, reason: "\(error)")
        }
    }
}

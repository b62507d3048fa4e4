import Foundation

/// The output folder of a report, written only inside.
///
/// A report file's path is relative, made of `/`-separated components that
/// are neither empty, `.` nor `..`, with no NUL or backslash; the course
/// pages' names come from `SafeFileName`, so a bundle id never gets here as
/// written, and this check is the second line of defence. Each folder on a
/// file's path is resolved (symbolic links followed) and must be inside the
/// resolved output folder before anything is created in it, so a link
/// planted inside the folder can neither redirect a write nor have a folder
/// made elsewhere. Files are written atomically (a
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

    /// Creates the folders that `files` go in, each once, so that writing
    /// them at the same time finds every folder there.
    func makeFolders(for files: [ReportFile]) throws {
        var made: Set<String> = []
        for file in files where Self.isSafe(file.path) {
            let components = file.path.split(separator: "/").dropLast()
            guard made.insert(components.joined(separator: "/")).inserted else { continue }
            try makeFolder(components, for: file.path)
        }
    }

    /// Makes sure the folder made of `components` under the root exists and
    /// resolves (symbolic links followed) inside the resolved root. A folder
    /// already there is resolved once; otherwise the path is made one
    /// component at a time, each checked before anything is made in it, so a
    /// link planted in the output folder cannot have a folder made outside.
    /// - Throws: `ReportError.outsideOutput(path: filePath)` for a component
    ///   that resolves outside, `cannotWrite` when a folder cannot be made.
    private func makeFolder<C: Collection<Substring>>(_ components: C, for filePath: String) throws {
        let fm = FileManager.default
        // The common case: the folder is there already, and only it needs resolving.
        var isFolder: ObjCBool = false
        let folder = components.reduce(root) { $0.appendingPathComponent(String($1), isDirectory: true) }
        if fm.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue {
            guard isInside(folder) else { throw ReportError.outsideOutput(path: filePath) }
            return
        }
        var current = root
        for component in components {
            current = current.appendingPathComponent(String(component), isDirectory: true)
            var isDirectory: ObjCBool = false
            if !fm.fileExists(atPath: current.path, isDirectory: &isDirectory) {
                do {
                    try fm.createDirectory(at: current, withIntermediateDirectories: false)
                } catch {
                    // Another writer may have made it in the meantime.
                    guard fm.fileExists(atPath: current.path, isDirectory: &isDirectory) else {
                        throw ReportError.cannotWrite(path: current.path, reason: "\(error)")
                    }
                }
            }
            guard isInside(current) else { throw ReportError.outsideOutput(path: filePath) }
        }
    }

    /// Whether `url`, symbolic links followed, is the root or inside it.
    private func isInside(_ url: URL) -> Bool {
        let resolved = url.resolvingSymlinksInPath().path
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    func write(_ file: ReportFile) throws {
        guard Self.isSafe(file.path) else { throw ReportError.outsideOutput(path: file.path) }
        let target = root.appendingPathComponent(file.path)
        try makeFolder(file.path.split(separator: "/").dropLast(), for: file.path)
        do {
            try Data(file.bytes).write(to: target, options: .atomic)
        } catch {
            throw ReportError.cannotWrite(path: target.path, reason: "\(error)")
        }
    }
}

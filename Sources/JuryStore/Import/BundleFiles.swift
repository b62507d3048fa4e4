import Foundation

/// Every file of a bundle folder, named and hashed, and the digest that
/// identifies the bundle as a whole.
///
/// The files are the regular files directly in the folder, hidden ones
/// (`.DS_Store`, editor swap files) excepted; unknown files are kept too,
/// since nothing the user gave may be lost. Subfolders are not part of a
/// bundle and are listed in `skipped`.
///
/// The bundle digest is the SHA-256 of the manifest: one line
/// `<sha256> <size> <name>\n` per file, by name in UTF-8 byte order. It
/// depends only on the files' names and bytes, not on timestamps or the
/// folder's name.
public struct BundleFiles: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    public let folder: String
    /// By name, in UTF-8 byte order.
    public let files: [File]
    /// Entries that are not stored: subfolders and hidden files.
    public let skipped: [String]
    public let digest: String

    /// Bytes per read while hashing and per stored chunk.
    static let chunkSize = 1 << 20

    /// Lists and hashes the files of `folder`. Complexity: reads every byte once.
    public init(folder: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ArchiveError.bundleFile(path: folder, problem: "cannot list the bundle folder (\(error.localizedDescription))")
        }
        var files: [File] = [], skipped: [String] = []
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else {
                skipped.append(name)
                continue
            }
            var hash = SHA256()
            var size = 0
            try Self.forEachChunk(of: path) { chunk in
                hash.update(chunk)
                size += chunk.count
            }
            files.append(File(name: name, size: size, sha256: hash.finalizeHex()))
        }
        self.folder = folder
        self.files = files
        self.skipped = skipped
        var manifest = ""
        for f in files { manifest += "\(f.sha256) \(f.size) \(f.name)\n" }
        digest = SHA256.hex(Array(manifest.utf8))
    }

    /// Calls `body` with successive chunks of at most `chunkSize` bytes of the file.
    static func forEachChunk(of path: String, _ body: ([UInt8]) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError.bundleFile(path: path, problem: "cannot be read")
        }
        defer { try? handle.close() }
        while true {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw ArchiveError.bundleFile(path: path, problem: "read failed (\(error.localizedDescription))")
            }
            guard let data, !data.isEmpty else { return }
            try body([UInt8](data))
        }
    }
}

import Foundation

extension SyntheticBundle {
    /// Checks that `path` can take a new bundle: it does not exist, or is an
    /// empty folder, or `replacing` is true and it is a folder. Touches nothing.
    public static func checkDirectory(_ path: String, replacing: Bool) throws(SynthError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw .invalidParameter("\(path) exists and is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !replacing {
            throw .invalidParameter("\(path) is not empty: choose another folder, or add --force to replace its bundle files")
        }
    }

    /// Creates the folder `path` (and its parents); with `replacing`, removes
    /// the bundle and truth files (`fileNames`) already in it and in its
    /// year subfolders (named by four digits, as `--years` writes them; a
    /// year folder left empty goes too), so that no file of an earlier data
    /// set is left beside the new one. Other files stay.
    public static func prepareDirectory(_ path: String, replacing: Bool) throws(SynthError) {
        try checkDirectory(path, replacing: replacing)
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, operation: "create the folder", reason: error.localizedDescription)
        }
        guard replacing else { return }
        try removeBundleFiles(in: path)
        let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        for name in entries.sorted() where name.count == 4 && name.allSatisfy(\.isASCII) && Int(name) != nil {
            let folder = (path as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { continue }
            try removeBundleFiles(in: folder)
            if (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                try? manager.removeItem(atPath: folder)
            }
        }
    }

    private static func removeBundleFiles(in folder: String) throws(SynthError) {
        let manager = FileManager.default
        for name in fileNames {
            let file = (folder as NSString).appendingPathComponent(name)
            guard manager.fileExists(atPath: file) else { continue }
            do {
                try manager.removeItem(atPath: file)
            } catch {
                throw .io(path: file, operation: "remove", reason: error.localizedDescription)
            }
        }
    }
}

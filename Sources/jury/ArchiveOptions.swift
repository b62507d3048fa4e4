import ArgumentParser
import JuryStore

/// The `--db` option shared by the commands that use the archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The archive database (default: $JURY_ARCHIVE, else jury-archive.sqlite in the current directory).",
        valueName: "file"))
    var db: String?

    var path: String { db ?? Archive.defaultPath() }

    /// Opens the archive; `create` only for commands that store.
    func open(create: Bool) throws -> Archive {
        try reportingArchiveErrors { try Archive(path: path, create: create) }
    }
}

/// Runs `body`; an `ArchiveError` is printed on stderr and exits 1 (invalid input).
func reportingArchiveErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ArchiveError {
        FileHandleOutput.standardError.write("error: \(error.description)\n")
        throw ExitCode(1)
    }
}

import ArgumentParser
import JuryStore

/// `jury archive add <bundle>`: stores one competition in the archive.
struct ArchiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store a competition bundle in the archive, in one transaction.",
        discussion: """
        Stores every file of the bundle byte for byte, its people, courses and sheets, and the \
        ranking and audit summary (reliability, integrity flags by kind, favouritism flags) of \
        every stage that has sheets. A bundle is identified by the SHA-256 digest of \
        its files: adding the same bundle again changes nothing (except that a version archived before audits were stored \
        gets its audit summary). A different bundle for a \
        competition id already archived is refused unless --replace is given; it then becomes \
        the current version and the earlier one stays in the history. A bundle with errors is \
        reported as `jury validate` does and the archive is not touched (exit 1).
        """
    )

    @OptionGroup var bundleOptions: BundleOptions
    @OptionGroup var archiveOptions: ArchiveOptions

    @Flag(help: "Make a changed bundle the current version of its competition, keeping the earlier versions.")
    var replace = false

    func run() throws {
        let competition = try bundleOptions.load()
        let bundle = try reportingArchiveErrors { try ArchivableBundle(folder: bundleOptions.bundle, competition: competition) }
        for name in bundle.files.skipped {
            FileHandleOutput.standardError.write("\(name): warning: not stored (subfolders and hidden files are not part of a bundle)\n")
        }
        let archive = try archiveOptions.open(create: true)
        let outcome = try reportingArchiveErrors { try archive.add(bundle, replace: replace) }
        let v = outcome.version
        let name = "\(v.competitionId) (\(v.year))"
        let text = switch outcome {
        case .alreadyArchived:
            "already archived: \(name) version \(v.number), digest \(v.digest.prefix(12)); nothing changed\n"
        case .auditSummaryAdded:
            "already archived: \(name) version \(v.number), digest \(v.digest.prefix(12)); its audit summary was added " +
                "(archived before audits were stored), nothing else changed\n"
        case .added(_, let replaced):
            "archived \(name) as version \(v.number): \(bundle.summary.courses) courses, \(bundle.summary.sheets) sheets, " +
                "\(bundle.files.files.count) files, digest \(v.digest.prefix(12))" +
                (replaced.map { "; version \($0.number) kept in the history" } ?? "") + "\n"
        case .reinstated(_, let replaced):
            "\(name): version \(v.number) (digest \(v.digest.prefix(12))) is current again; version \(replaced.number) kept in the history\n"
        }
        FileHandleOutput.standardOutput.write(text)
    }
}

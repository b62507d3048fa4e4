import Foundation
import Testing
@testable import JuryReport

/// A report committed under `Reports/<id>/` must be what `jury report
/// Datasets/<id>` writes today: the same files, byte for byte. Skipped while
/// no such folder is committed.
@Suite("committed reports are up to date")
struct CommittedReportTests {
    /// `<id>` for every `Reports/<id>/` with a bundle at `Datasets/<id>/`.
    static var committed: [String] {
        let root = ReportFixture.repositoryRoot
        let reports = root.appendingPathComponent("Reports").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []
        return names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: reports + "/" + name + "/index.html")
                && FileManager.default.fileExists(atPath: root.appendingPathComponent("Datasets/\(name)").path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    @Test("Reports/<id>/ matches a fresh jury report of Datasets/<id>/",
          .enabled(if: !committed.isEmpty, "no Reports/<id>/ with a Datasets/<id>/ bundle is committed"))
    func matchesFreshReport() throws {
        for id in Self.committed {
            let committedFolder = ReportFixture.repositoryRoot.appendingPathComponent("Reports/\(id)")
            let committed = try ReportFixture.tree(committedFolder)
            let hasCharts = committed.keys.contains { $0.hasSuffix(".svg") }
            if hasCharts && ReportFixture.gnuplot == nil {
                Issue.record("Reports/\(id) has charts and gnuplot is not installed (apt-get install gnuplot-nox)")
                continue
            }
            let bundle = ReportFixture.repositoryRoot.appendingPathComponent("Datasets/\(id)").path
            let competition = try ReportFixture.load(bundle)
            let fresh = try Report.render(ReportFixture.input(competition),
                                          options: ReportOptions(language: ReportLanguage(reportLanguage: competition.rules.reportLanguage),
                                                                 charts: hasCharts),
                                          gnuplot: ReportFixture.gnuplot)
            let freshPaths = Set(fresh.map(\.path))
            #expect(Set(committed.keys) == freshPaths,
                    "Reports/\(id): extra \(Set(committed.keys).subtracting(freshPaths).sorted()), missing \(freshPaths.subtracting(committed.keys).sorted())")
            for file in fresh {
                #expect(committed[file.path] == Data(file.bytes), "Reports/\(id)/\(file.path) is stale: run jury report Datasets/\(id)")
            }
        }
    }
}

import Foundation
import JurySynth
import Testing

/// A bundle written to a fresh temporary folder, read back with a tiny CSV
/// reader (the generator never quotes a field, so splitting on commas is exact).
struct SynthFixture {
    let directory: String
    let config: SynthConfig
    let summary: SyntheticBundle.Summary

    init(_ config: SynthConfig, folder: String = "bundle") throws {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("jury-synth-tests-\(UUID().uuidString)").path
        directory = (parent as NSString).appendingPathComponent(folder)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.config = config
        summary = try SyntheticBundle.write(config, to: directory)
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Rows of a CSV file as dictionaries keyed by the header.
    func table(_ name: String) throws -> Table { try Table(text: String(decoding: bytes(name), as: UTF8.self)) }

    func truth() throws -> Truth { try JSONDecoder().decode(Truth.self, from: bytes("truth.json")) }

    func remove() { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }

    struct Table {
        let header: [String]
        let rows: [[String]]

        init(text: String) throws {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.last == "", "file ends with a newline")
            lines.removeLast()
            header = lines.removeFirst().components(separatedBy: ",")
            rows = lines.map { $0.components(separatedBy: ",") }
            for row in rows { #expect(row.count == header.count, "\(row)") }
        }

        func column(_ name: String) -> Int { header.firstIndex(of: name)! }

        func values(_ name: String) -> [String] {
            let i = column(name)
            return rows.map { $0[i] }
        }

        /// Rows keyed by the value of a column (unique ids).
        func index(by name: String) -> [String: [String]] {
            let i = column(name)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[i], $0) })
        }
    }
}

/// One sheet of `sheets.csv`.
struct Sheet: Hashable {
    var stage: String
    var expert: String
    var course: String
    var scores: [Int]
    var total: Int

    static let criteria = ["completeness", "text_materials", "video_lectures", "digital_resources",
                           "learner_feedback", "test_assignments", "overall_impression"]

    static func all(_ fixture: SynthFixture) throws -> [Sheet] {
        let table = try fixture.table("sheets.csv")
        let s = table.column("stage"), e = table.column("expert_id"), m = table.column("mooc_id")
        let t = table.column("total")
        let k = criteria.map(table.column)
        return table.rows.map { row in
            Sheet(stage: row[s], expert: row[e], course: row[m], scores: k.map { Int(row[$0])! }, total: Int(row[t])!)
        }
    }

    /// Sheets keyed by "expert|course".
    static func byPair(_ sheets: [Sheet]) -> [String: Sheet] {
        Dictionary(uniqueKeysWithValues: sheets.map { ("\($0.expert)|\($0.course)", $0) })
    }
}

extension SynthConfig {
    /// A small bundle for quick tests, with every anomaly planted.
    static var smallWithAnomalies: SynthConfig {
        var config = SynthConfig()
        config.courses = 400
        config.experts = 60
        config.perCourse = 5
        config.faculties = 4
        config.departments = 12
        config.seed = 7
        config.outlierSheets = 6
        config.severeExperts = 2
        config.lenientExperts = 2
        config.favouringExperts = 2
        config.reciprocalPairs = 2
        config.rings = 2
        config.votes = true
        config.selfVotes = 3
        return config
    }
}

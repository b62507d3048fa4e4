import Foundation
import Testing

/// Detection quality of `jury audit` on synthetic bundles with planted
/// anomalies, at the default thresholds and the planted effect sizes that
/// `jury synth --help` documents (an outlier sheet: 4 points on every
/// criterion; a severe or lenient expert: 3 points on every criterion).
@Suite("audit detection quality on planted anomalies")
struct DetectionQualityTests {
    struct Score: CustomStringConvertible {
        var planted = 0, flagged = 0, found = 0
        var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
        var precision: Double { flagged == 0 ? 1 : Double(found) / Double(flagged) }
        var description: String { "planted \(planted), flagged \(flagged), found \(found): recall \(recall), precision \(precision)" }
    }

    @Test("outlier sheets and severe/lenient experts: recall ≥ 0.95, precision ≥ 0.9", arguments: [11, 12] as [UInt64])
    func plantedOutliersAndRaters(seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-detect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let synth = try JuryProcess.run(["synth", "--courses", "2000", "--experts", "100", "--per-course", "5",
                                         "--outlier-sheets", "60", "--severe-experts", "5", "--lenient-experts", "5",
                                         "--seed", String(seed), "--out", dir.path])
        #expect(synth.status == 0, "\(synth.stderr)")
        let audit = try JuryProcess.run(["audit", dir.path, "--format", "json"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: audit.stdoutBytes) as? [String: Any])
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("truth.json"))) as? [String: Any])

        func pairs(_ list: Any?) -> Set<String> {
            Set((list as? [[String: Any]] ?? []).map { "\($0["expert_id"] ?? "")|\($0["mooc_id"] ?? "")" })
        }
        let planted = pairs(truth["outlier_sheets"]), flagged = pairs(out["outliers"])
        let outliers = Score(planted: planted.count, flagged: flagged.count, found: planted.intersection(flagged).count)

        let raters = out["raters"] as? [[String: Any]] ?? []
        func experts(_ key: String) -> Set<String> { Set((truth[key] as? [[String: Any]] ?? []).compactMap { $0["expert_id"] as? String }) }
        func flaggedExperts(_ flag: String) -> Set<String> {
            Set(raters.filter { ($0["flags"] as? [String] ?? []).contains(flag) }.compactMap { $0["expert_id"] as? String })
        }
        let plantedRaters = experts("severe_experts").map { "severe|" + $0 } + experts("lenient_experts").map { "lenient|" + $0 }
        let flaggedRaters = flaggedExperts("severe").map { "severe|" + $0 } + flaggedExperts("lenient").map { "lenient|" + $0 }
        let raterScore = Score(planted: plantedRaters.count, flagged: flaggedRaters.count,
                               found: Set(plantedRaters).intersection(flaggedRaters).count)

        print("seed \(seed): outlier sheets \(outliers); severe/lenient experts \(raterScore)")
        #expect(outliers.planted == 60)
        #expect(outliers.recall >= 0.95, "\(outliers)")
        #expect(outliers.precision >= 0.9, "\(outliers)")
        #expect(raterScore.planted == 10)
        #expect(raterScore.recall >= 0.95, "\(raterScore)")
        #expect(raterScore.precision >= 0.9, "\(raterScore)")
    }
}

import Foundation
import Testing

@Suite("jury audit, end to end")
struct AuditEndToEndTests {
    /// Every number in `expected` must be in `actual` at the same path, within
    /// `tolerance` (relative, or absolute near zero); nulls must be nulls.
    static func compare(_ expected: Any, _ actual: Any?, path: String, tolerance: Double, failures: inout [String]) {
        switch expected {
        case let e as [String: Any]:
            guard let a = actual as? [String: Any] else { failures.append("\(path): missing object"); return }
            for (k, v) in e { compare(v, a[k], path: path + "." + k, tolerance: tolerance, failures: &failures) }
        case let e as [Any]:
            guard let a = actual as? [Any], a.count == e.count else { failures.append("\(path): array differs"); return }
            for (i, v) in e.enumerated() { compare(v, a[i], path: "\(path)[\(i)]", tolerance: tolerance, failures: &failures) }
        case let e as NSNumber where !Self.isBoolean(e):
            guard let a = actual as? NSNumber else { failures.append("\(path): expected \(e), found \(String(describing: actual))"); return }
            let x = e.doubleValue, y = a.doubleValue
            if abs(x - y) > tolerance * max(1, abs(x)) { failures.append("\(path): expected \(x), found \(y)") }
        case is NSNull:
            if !(actual is NSNull) && actual != nil { failures.append("\(path): expected null, found \(String(describing: actual))") }
        case let e as String:
            if let a = actual as? String, a != e { failures.append("\(path): expected \(e), found \(a)") }
        default:
            break
        }
    }

    /// JSON booleans come back as NSNumbers whose type is a C `char`; `is Bool`
    /// would also be true for the numbers 0 and 1.
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    @Test("the comparison itself catches a wrong number, a missing key and a null")
    func comparisonCanFail() throws {
        func parse(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }
        var failures: [String] = []
        Self.compare(try parse(#"{"a": 0.5, "b": {"c": 1}, "d": null}"#), try parse(#"{"a": 0.5001, "b": {}, "d": 3}"#),
                     path: "$", tolerance: 1e-9, failures: &failures)
        #expect(failures.count == 3, Comment(rawValue: failures.joined(separator: "; ")))
    }

    @Test("reliability of the published examples through the binary (Shrout & Fleiss 1979, Krippendorff 2011, Kendall's W with ties)",
          arguments: ["Datasets/reference/shrout-fleiss-1979", "Datasets/reference/krippendorff-2011",
                      "Datasets/reference/kendall-w-anxiety"])
    func reference(bundle: String) throws {
        let r = try JuryProcess.run(["audit", bundle, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        let url = JuryProcess.root.appendingPathComponent(bundle).appendingPathComponent("expected.json")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let tolerance = expected["tolerance"] as? Double ?? 1e-9
        var failures: [String] = []
        let want = try #require(expected["reliability"] as? [String: Any])
        let got = try #require(out["reliability"] as? [String: Any])
        for key in ["total"] {
            var wantTotal = want[key] as? [String: Any] ?? [:]
            wantTotal["complete_block"] = nil
            Self.compare(wantTotal, got[key], path: key, tolerance: max(tolerance, 1e-9), failures: &failures)
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("the audit contract's keys on the sample")
    func sampleContract() throws {
        let r = try JuryProcess.run(["audit", "Datasets/atu-2025", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        #expect(out["schema"] as? String == "jury/audit/v1")
        #expect(out["stage"] as? String == "commission")
        let reliability = try #require(out["reliability"] as? [String: Any])
        let total = try #require(reliability["total"] as? [String: Any])
        for key in ["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k", "alpha", "kendall_w"] {
            #expect(total.keys.contains(key), "missing \(key)")
        }
        let criteria = try #require(reliability["criteria"] as? [String: Any])
        #expect(criteria.count == 7)
        #expect(reliability.keys.contains("cronbach_alpha"))
        let outliers = try #require(out["outliers"] as? [[String: Any]])
        #expect(outliers.map { $0["expert_id"] as? String } == ["orlova_e"])
        for key in ["expert_id", "mooc_id", "total", "consensus", "robust_z"] { #expect(outliers.first?.keys.contains(key) == true) }
        let raters = try #require(out["raters"] as? [[String: Any]])
        for key in ["expert_id", "sheets", "severity", "severity_ci95", "consistency", "halo", "central_tendency", "extreme", "outliers", "verdict"] {
            #expect(raters.first?.keys.contains(key) == true, "missing \(key)")
        }
        let severe = raters.filter { ($0["verdict"] as? String ?? "").contains("harsher") }.compactMap { $0["expert_id"] as? String }
        #expect(severe == ["dzhaksybekov_t"])
        #expect(out["integrity"] is [Any])
    }
}

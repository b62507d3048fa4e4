import Foundation
import Testing

@Suite("jury validate and rank, end to end")
struct RankEndToEndTests {
    static let sample = "Datasets/atu-2025"

    @Test("the sample bundle is valid")
    func validateSample() throws {
        let r = try JuryProcess.run(["validate", Self.sample])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("valid"))
    }

    @Test("validate --memory lists the bytes of people, courses and sheets")
    func validateMemory() throws {
        let r = try JuryProcess.run(["validate", Self.sample, "--memory"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let sheets = try #require(lines.first { $0.hasPrefix("sheets (columns)") })
        let cells = sheets.split(separator: " ").map(String.init)
        // 153 sheets of 24 bytes each, plus their comments.
        #expect(cells.suffix(3).first == "153")
        #expect((Int(cells[cells.count - 2]) ?? 0) >= 153 * 24)
        #expect(lines.contains { $0.hasPrefix("people (columns)") } && lines.contains { $0.hasPrefix("courses (columns)") })
        #expect(lines.contains { $0.hasPrefix("peak resident memory: ") && $0.hasSuffix(" MiB") })
    }

    @Test("rank --format json has exactly the contract's keys, in rank order")
    func rankJSON() throws {
        let r = try JuryProcess.run(["rank", Self.sample, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        #expect(object["schema"] as? String == "jury/ranking/v1")
        #expect(object["stage"] as? String == "commission")
        #expect(object["method"] as? String == "mean")
        #expect(object["competition"] != nil)
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(!ranking.isEmpty)
        for entry in ranking {
            for key in ["rank", "mooc_id", "title", "score", "sheets", "median", "min", "max", "tie_break"] {
                #expect(entry.keys.contains(key), "missing \(key)")
            }
        }
        let ranks = ranking.compactMap { $0["rank"] as? Int }
        #expect(ranks == ranks.sorted())
        #expect(ranking.first?["tie_break"] is NSNull)
        let excluded = try #require(object["excluded"] as? [[String: Any]])
        for x in excluded {
            #expect(Set(x.keys).isSuperset(of: ["expert_id", "mooc_id", "reason"]))
        }
    }

    @Test("the sample's expected ranking, recusals and tie-break")
    func sampleExpectations() throws {
        let expectedURL = JuryProcess.root.appendingPathComponent(Self.sample).appendingPathComponent("expected.json")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
        let r = try JuryProcess.run(["rank", Self.sample, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        let want = try #require(expected["final_ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["mooc_id"] as? String } == want.map { $0["mooc_id"] as? String })
        for (got, exp) in zip(ranking, want) {
            #expect(got["rank"] as? Int == exp["rank"] as? Int)
            if let s = exp["score"] as? Double { #expect(abs((got["score"] as? Double ?? .nan) - s) < 1e-9) }
            if let tb = exp["tie_break"] as? String { #expect(got["tie_break"] as? String == tb) }
        }
        if let recused = expected["recused"] as? [[String: Any]] {
            let excluded = try #require(object["excluded"] as? [[String: Any]])
            let got = Set(excluded.map { "\($0["expert_id"] ?? "")|\($0["mooc_id"] ?? "")|\($0["reason"] ?? "")" })
            let want = Set(recused.compactMap { r -> String? in
                guard (r["stage"] as? String ?? "commission") == "commission" else { return nil }
                return "\(r["expert_id"] ?? "")|\(r["mooc_id"] ?? "")|\(r["kind"] ?? r["reason"] ?? "")"
            })
            #expect(got == want)
        }
    }

    @Test("shuffling the rows of sheets.csv never changes a byte of output")
    func shuffleDeterminism() throws {
        let original = try JuryProcess.run(["rank", Self.sample, "--format", "json"])
        let copy = try JuryProcess.copyOfBundle(Self.sample)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let sheets = copy.appendingPathComponent("sheets.csv")
        let text = try String(contentsOf: sheets, encoding: .utf8)
        // Records may hold quoted newlines: split on lines that start a record.
        var records: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("department,") || line.hasPrefix("faculty,") || line.hasPrefix("commission,") {
                records.append(String(line))
            } else if records.isEmpty || line.isEmpty {
                if !line.isEmpty { records.append(String(line)) }
            } else {
                records[records.count - 1] += "\n" + line
            }
        }
        let header = records.removeFirst()
        for seed in [1, 2, 3] as [UInt64] {
            var g = SplitMix(seed: seed)
            records.shuffle(using: &g)
            try Data((([header] + records).joined(separator: "\n") + "\n").utf8).write(to: sheets)
            for format in ["json", "csv", "table"] {
                let a = try JuryProcess.run(["rank", copy.path, "--format", format])
                let b = try JuryProcess.run(["rank", Self.sample, "--format", format])
                #expect(a.status == 0)
                // The bundle id is its folder name, the same for the copy.
                #expect(a.stdoutBytes == b.stdoutBytes)
            }
        }
        #expect(original.status == 0)
    }

    @Test("a broken bundle: exit 1, every problem on stderr with file:line:column, nothing on stdout")
    func brokenBundle() throws {
        let copy = try JuryProcess.copyOfBundle(Self.sample)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let sheets = copy.appendingPathComponent("sheets.csv")
        var lines = try String(contentsOf: sheets, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let col = try #require(header.firstIndex(of: "video_lectures"))
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[col] = "11"
        lines[1] = fields.joined(separator: ",")
        lines.append("commission,NOBODY," + fields[2...].joined(separator: ","))
        try Data(lines.joined(separator: "\n").utf8).write(to: sheets)
        for command in [["validate"], ["rank"], ["rank", "--format", "json"]] {
            let r = try JuryProcess.run(command + [copy.path])
            #expect(r.status == 1)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("sheets.csv:2:\(col + 1): error: score 11 for 'video_lectures' is outside the scale 1–10"))
            #expect(r.stderr.contains("error: expert 'NOBODY' is not in people.csv"))
        }
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try JuryProcess.run(["rank"]).status == 2)
        #expect(try JuryProcess.run(["rank", Self.sample, "--format", "xml"]).status == 2)
        #expect(try JuryProcess.run(["frobnicate"]).status == 2)
        #expect(try JuryProcess.run(["--help"]).status == 0)
    }

    @Test("a missing folder exits 1")
    func missingFolder() throws {
        let r = try JuryProcess.run(["rank", "/nonexistent/bundle"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no bundle folder here"))
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014) for reproducible shuffles in tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

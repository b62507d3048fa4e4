import Foundation
import Testing

@Suite("jury stages, end to end")
struct StagesEndToEndTests {
    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try JuryProcess.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
    }

    static func expected(_ bundle: String) throws -> [String: Any] {
        let url = JuryProcess.root.appendingPathComponent(bundle).appendingPathComponent("expected.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("the sample's funnel: eligibility, who advanced in every unit, the winners")
    func sampleFunnel() throws {
        let out = try Self.json(["stages", "Datasets/atu-2025", "--format", "json"])
        let exp = try Self.expected("Datasets/atu-2025")
        #expect(out["schema"] as? String == "jury/stages/v1")
        let eligibility = try #require(out["eligibility"] as? [[String: Any]])
        let ineligible = Set(eligibility.filter { ($0["eligible"] as? Bool) == false }.compactMap { $0["mooc_id"] as? String })
        let expIneligible = (((exp["eligibility"] as? [String: Any])?["ineligible"]) as? [[String: Any]] ?? []).compactMap { $0["mooc_id"] as? String }
        #expect(ineligible == Set(expIneligible))
        for e in eligibility {
            #expect(Set(e.keys).isSuperset(of: ["mooc_id", "eligible", "failures", "unchecked"]))
        }
        let stages = try #require(out["stages"] as? [[String: Any]])
        let expStages = try #require(exp["stages"] as? [String: Any])
        for stage in ["department", "faculty"] {
            for unit in expStages[stage] as? [[String: Any]] ?? [] {
                let name = unit["unit"] as? String
                let got = stages.first { $0["stage"] as? String == stage && $0["unit"] as? String == name }
                #expect(got != nil, "no \(stage) unit \(name ?? "?")")
                #expect(Set(got?["advanced"] as? [String] ?? []) == Set(unit["advanced"] as? [String] ?? []), "\(stage) \(name ?? "")")
                for key in ["stage", "unit", "method", "order", "advanced"] { #expect(got?.keys.contains(key) == true) }
            }
        }
        let winners = try #require(out["winners"] as? [[String: Any]])
        let expWinners = try #require(exp["winners"] as? [[String: Any]])
        #expect(winners.map { $0["mooc_id"] as? String } == expWinners.map { $0["mooc_id"] as? String })
        #expect(winners.map { $0["place"] as? Int } == expWinners.map { $0["place"] as? Int })
        #expect(winners.first?["authors"] as? [String] == expWinners.first?["authors"] as? [String])
        let agreement = try #require(out["agreement"] as? [[String: Any]])
        #expect(agreement.map { $0["from"] as? String } == ["department", "faculty"])
        #expect(out["next_stage"] is NSNull)
    }

    @Test("Schulze 2011 example 1 and the Tennessee Borda example through the binary",
          arguments: ["Datasets/reference/schulze-2011", "Datasets/reference/tennessee-borda"])
    func referenceVotes(bundle: String) throws {
        let out = try Self.json(["stages", bundle, "--format", "json"])
        let exp = try Self.expected(bundle)
        let unit = try #require((out["stages"] as? [[String: Any]])?.first)
        let order = (unit["order"] as? [[String: Any]] ?? []).compactMap { $0["mooc_id"] as? String }
        let expOrder = (exp["order"] as? [[String]] ?? []).flatMap { $0 }
        #expect(order == expOrder)
        let tally = exp["tally"] as? [String: Double] ?? [:]
        for place in unit["order"] as? [[String: Any]] ?? [] {
            let id = place["mooc_id"] as? String ?? ""
            #expect(place["tally"] as? Double == tally[id], "\(id)")
        }
        #expect(out["next_stage"] as? String == "faculty")
        if let forwarded = exp["forwarded"] as? [String] {
            #expect(unit["advanced"] as? [String] == forwarded)
        }
    }

    @Test("a bundle holding only department ballots stops there and names the next stage")
    func dataEnds() throws {
        let copy = try JuryProcess.copyOfBundle("Datasets/atu-2025")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let sheets = copy.appendingPathComponent("sheets.csv")
        let header = try String(contentsOf: sheets, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        try Data((header + "\n").utf8).write(to: sheets)
        let out = try Self.json(["stages", copy.path, "--format", "json"])
        #expect(out["next_stage"] as? String == "faculty")
        let stages = out["stages"] as? [[String: Any]] ?? []
        #expect(stages.allSatisfy { $0["stage"] as? String == "department" })
        #expect(stages.last?["next_stage"] as? String == "faculty")
        #expect((out["winners"] as? [Any])?.isEmpty == true)
    }
}

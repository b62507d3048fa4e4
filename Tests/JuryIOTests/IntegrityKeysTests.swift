import Testing
import JuryEngine
@testable import JuryIO

@Suite("competition.json integrity keys")
struct IntegrityKeysTests {
    let good = BundleFixture()

    @Test("the detectors' thresholds default as documented on IntegrityRules")
    func defaults() throws {
        let rules = try #require(try good.read().competition).rules.integrity
        #expect(rules.favouritismMinEffect == nil && rules.minimumEffect(weights: Array(repeating: 1, count: 7)) == 7)
        #expect(rules.favouritismAlpha == 0.05 && rules.permutations == 999 && rules.minGroupSheets == 4)
        #expect(rules.edgeZ == 2.0 && rules.ringMaxLength == 4 && rules.excludeSelfVotes)
    }

    @Test("every threshold is read from integrity")
    func readsEveryKey() throws {
        let outcome = try good.with("competition.json", """
            {"integrity": {"recuse": ["declared"], "favouritism_min_effect": 10.5, "favouritism_alpha": 0.01,
                           "permutations": 4999, "min_group_sheets": 5, "edge_z": 3, "ring_max_length": 6,
                           "exclude_self_votes": false}}
            """).read()
        #expect(outcome.log.diagnostics.isEmpty)
        let rules = try #require(outcome.competition).rules.integrity
        #expect(rules.recuse == ["declared"] && rules.favouritismMinEffect == 10.5 && rules.favouritismAlpha == 0.01)
        #expect(rules.permutations == 4999 && rules.minGroupSheets == 5 && rules.edgeZ == 3)
        #expect(rules.ringMaxLength == 6 && !rules.excludeSelfVotes)
    }

    @Test("out-of-range thresholds are errors on their line")
    func rejectsBadValues() throws {
        let bad = good.with("competition.json", """
            {"integrity": {
              "favouritism_min_effect": -1,
              "favouritism_alpha": 1,
              "permutations": 10,
              "min_group_sheets": 1,
              "edge_z": "high",
              "ring_max_length": 9,
              "exclude_self_votes": "yes",
              "colour": 1
            }}
            """)
        #expect(try bad.diagnostics() == [
            "competition.json:2: error: 'integrity.favouritism_min_effect' must be a non-negative number of total points, found -1.0",
            "competition.json:3: error: 'integrity.favouritism_alpha' must be a number between 0 and 1 (exclusive), found 1.0",
            "competition.json:4: error: 'integrity.permutations' must be an integer from 19 (p can reach 0.05) to 10000000, found 10",
            "competition.json:5: error: 'integrity.min_group_sheets' must be an integer of at least 2 (an interval needs two sheets a side), found 1",
            "competition.json:6: error: 'integrity.edge_z' must be a positive number, found a string",
            "competition.json:7: error: 'integrity.ring_max_length' must be an integer from 2 (pairs only) to 8, found 9",
            "competition.json:8: error: 'integrity.exclude_self_votes' must be true or false, found a string",
            "competition.json:9: warning: unknown key 'integrity.colour' is ignored",
        ])
    }
}

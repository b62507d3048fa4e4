import JurySynth
import Testing

@Suite("SynthConfig")
struct SynthConfigTests {
    @Test("the defaults are valid and match the documented sizes")
    func defaults() throws {
        let config = SynthConfig()
        try config.validate()
        #expect(config.courses == 1000 && config.experts == 100 && config.perCourse == 5 && config.seed == 1)
        #expect(config.outlierShift == 4 && config.favouritismShift == 2 && config.reciprocalShift == 3)
        #expect(config.severeShift == 3 && config.lenientShift == 3 && config.favouredShare == 0.1)
    }

    @Test("contradictory or out-of-range parameters are rejected with a message", arguments: [
        { (c: inout SynthConfig) in c.courses = 0 },
        { (c: inout SynthConfig) in c.perCourse = 100 },
        { (c: inout SynthConfig) in c.departments = 3 },
        { (c: inout SynthConfig) in c.departments = 1; c.faculties = 1 },
        { (c: inout SynthConfig) in c.selfVotes = 1 },
        { (c: inout SynthConfig) in c.outlierShift = -1 },
        { (c: inout SynthConfig) in c.severeExperts = 60 },
        { (c: inout SynthConfig) in c.outlierSheets = 600 },
        { (c: inout SynthConfig) in c.favouredShare = 1 },
    ] as [@Sendable (inout SynthConfig) -> Void])
    func invalid(change: @Sendable (inout SynthConfig) -> Void) {
        var config = SynthConfig()
        change(&config)
        #expect(throws: SynthError.self) { try config.validate() }
    }

    @Test("the configuration round-trips through truth.json's snake_case parameters")
    func codable() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let text = String(decoding: try fixture.bytes("truth.json"), as: UTF8.self)
        #expect(text.contains("\"per_course\" : 5") || text.contains("\"per_course\": 5"))
        #expect(try fixture.truth().parameters == .smallWithAnomalies)
    }
}

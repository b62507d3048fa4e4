import Testing
@testable import JuryEngine

/// The audit's reliability of the totals and of each criterion: the
/// criteria are rated on the totals' sheets through `Ratings(_:values:)`,
/// their values written into arrays reused from one criterion to the next
/// (`ReusedBuffers`). Each report must be the one computed on ratings made
/// from scratch from the counted sheets.
@Suite("The audit's reliability per variable equals reliability on ratings made from scratch")
struct AuditReliabilityTests {
    @Test("totals and every criterion of a planted competition, with recused sheets left out")
    func perVariable() throws {
        var planted = PlantedCompetition()
        planted.experts = 80
        planted.courses = 600
        planted.favouringExperts = 3
        let (competition, _) = planted.build()
        let analysis = Analysis(competition: competition, includeAudit: true)
        let audit = try #require(analysis.audit)
        let table = competition.sheets
        let excluded = Set(analysis.ranking.excluded.map { Int($0.row) })
        #expect(!excluded.isEmpty, "the test should leave some sheets out")
        let rows = table.rows(in: analysis.stage).filter { !excluded.contains($0) }
        func scratch(_ value: (Int) -> Double) throws -> Ratings {
            try Ratings(unitCount: competition.courses.count, raterCount: competition.people.count,
                        unit: rows.map { table.course[$0] }, rater: rows.map { table.expert[$0] }, value: rows.map(value))
        }
        let block = audit.total.completeBlock
        #expect(audit.total == ReliabilityReport(try scratch { table.total[$0] }, completeBlock: block))
        #expect(audit.criteria.count == table.criterionCount)
        for c in 0..<table.criterionCount {
            let expected = ReliabilityReport(try scratch { Double(table.score(row: $0, criterion: c)) }, completeBlock: block)
            #expect(audit.criteria[c] == expected, "criterion \(c)")
        }
    }

    @Test("a reused buffer is handed out again, at the size asked for")
    func buffersReused() {
        let buffers = ReusedBuffers()
        buffers.withBuffer(count: 5) { values in
            #expect(values.count == 5)
            for i in values.indices { values[i] = Double(i) }
        }
        let reused = buffers.withBuffer(count: 5) { values in values }
        #expect(reused == [0, 1, 2, 3, 4])
        buffers.withBuffer(count: 3) { values in #expect(values.count == 3) }
    }
}

import Testing
@testable import JuryEngine

/// The audit's reliability of the totals and of each criterion: the
/// criteria are rated on the totals' sheets through `Ratings(_:values:)`,
/// their values written into arrays reused from one criterion to the next
/// (`ReusedBuffers`). Each report must be the one computed on ratings made
/// from scratch from the counted sheets.
@Suite("The audit's reliability per variable equals reliability on ratings made from scratch")
struct AuditReliabilityTests {
    /// With recusals the counted rows are listed; without any, the audit
    /// takes the stage's columns as they lie (`CountedRows`): both must give
    /// the reports, and Cronbach's alpha, of a copy made from scratch.
    @Test("totals, every criterion and Cronbach's alpha of a planted competition, with recused sheets left out or none",
          arguments: [true, false])
    func perVariable(recusals: Bool) throws {
        var planted = PlantedCompetition()
        planted.experts = 80
        planted.courses = 600
        planted.favouringExperts = 3
        var (competition, _) = planted.build()
        if !recusals { competition.rules.integrity.recuse = [] }
        let analysis = Analysis(competition: competition, includeAudit: true)
        let audit = try #require(analysis.audit)
        let table = competition.sheets
        let excluded = Set(analysis.ranking.excluded.map { Int($0.row) })
        try #require(excluded.isEmpty != recusals, "the test should leave some sheets out, or none")
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
        let scores = rows.flatMap { r in (0..<table.criterionCount).map { table.score(row: r, criterion: $0) } }
        #expect(audit.cronbachAlpha == CronbachAlpha.compute(scores: scores, items: table.criterionCount))
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

import Foundation
import JuryEngine
import Testing
@testable import JuryStore

@Suite struct CrossYearQueryTests {
    /// 2022: M1 wins (prizes 1); 2023: M2 wins and the bundle says M1 won in 2020.
    func archive(_ f: ArchiveFixture) throws -> Archive {
        let archive = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(id: "atu-2022", year: 2022), as: "b2022", to: archive)
        let y2023 = ArchiveFixture.bundle(id: "atu-2023", year: 2023, previousAwardYear: 2020)
            .mapValues { $0.replacingOccurrences(of: "commission,E1,M2,9,9,9,9,9,9,9,63", with: "commission,E1,M2,10,10,10,10,10,10,10,70") }
        _ = try f.add(y2023, as: "b2023", to: archive)
        return archive
    }

    @Test func earlierAwardsComeFromStoredResultsAndPreviousAwardYears() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try archive(f)
        let before2023 = try archive.earlierAwards(before: 2023)
        #expect(before2023.yearsByCourse == ["M1": [2020, 2022]])
        let before2024 = try archive.earlierAwards(before: 2024)
        #expect(before2024.yearsByCourse == ["M1": [2020, 2022], "M2": [2023]])
        #expect(try archive.earlierAwards(before: 2020).yearsByCourse.isEmpty)
    }

    @Test func coauthorshipsOfEarlierYears() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try archive(f)
        let c = try archive.coauthorships(before: 2023)
        #expect(c.pairs == [Coauthorships.Pair("P2", "P1")])
        #expect(c.contains("P2", "P1") && !c.contains("P1", "E1"))
        #expect(c.coursesByPair[Coauthorships.Pair("P1", "P2")]?.map(\.year) == [2022])
        #expect(try archive.coauthorships(before: 2024).coursesByPair.values.first?.map(\.year) == [2022, 2023])
        #expect(try archive.coauthorships(before: 2022).pairs.isEmpty)
    }

    @Test func trendsHaveOneEntryPerYearOldestFirstAndFollowExperts() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let archive = try archive(f)
        let trends = try archive.trends()
        #expect(trends.years.map(\.year) == [2022, 2023])
        #expect(trends.experts.map(\.expertID) == ["E1", "E2", "E3"])
        let e1 = trends.experts[0]
        #expect(e1.entries.map(\.year) == [2022, 2023])
        // 2022, commission: E1 rated M1 56 (consensus 49), M2 63 (42), M3 42 (35): severity (−7 −21 −7)/3.
        #expect(e1.entries[0].sheets == 3)
        #expect(abs(e1.entries[0].severity - (-35.0 / 3)) < 1e-12)
        let f1 = try #require(trends.years[0].faculties.first { $0.faculty == "F1" })
        #expect(f1.submissions == 2 && f1.finalists == 2 && f1.winners == 1)
        #expect(abs(f1.finalistRepresentation! - 1) < 1e-12)
        #expect(abs(f1.winnerRepresentation! - 1.5) < 1e-12)
        let json = TrendsOutput.json(trends)
        #expect(json.hasPrefix("{\n  \"schema\": \"jury/trends/v1\",\n  \"years\": ["))
        #expect(json == TrendsOutput.json(try archive.trends()))
    }
}

import Foundation
import JurySynth
import Testing

@Suite("votes.csv")
struct VotesFileTests {
    @Test("approval ballots: voters vote in their own department, for its courses, at most once per course")
    func ballotsInOwnUnit() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let votes = try fixture.table("votes.csv")
        #expect(votes.header == ["stage", "unit", "voter_id", "mooc_id", "rank"])
        let people = try fixture.table("people.csv")
        let personDepartment = people.column("department"), roles = people.column("roles")
        let peopleRows = people.index(by: "person_id")
        let courseRows = try fixture.table("moocs.csv").index(by: "mooc_id")
        let courseDepartment = try fixture.table("moocs.csv").column("department")
        var seen = Set<String>()
        for row in votes.rows {
            let (stage, unit, voter, course, rank) = (row[0], row[1], row[2], row[3], row[4])
            #expect(stage == "department" && rank.isEmpty)
            #expect(peopleRows[voter]![personDepartment] == unit, "\(voter) votes in \(unit)")
            #expect(peopleRows[voter]![roles].split(separator: ";").contains("voter"))
            #expect(courseRows[course]![courseDepartment] == unit)
            #expect(seen.insert("\(voter)|\(course)").inserted, "\(voter) approves \(course) twice")
        }
        let voters = Set(votes.values("voter_id"))
        #expect(voters.filter { $0.hasPrefix("E") }.count > 50, "nearly every expert votes")
    }

    @Test("the only self-votes are the planted ones, by the course's lead author")
    func selfVotesArePlanted() throws {
        let fixture = try SynthFixture(.smallWithAnomalies)
        defer { fixture.remove() }
        let truth = try fixture.truth()
        let courses = try fixture.table("moocs.csv")
        let authors = courses.column("authors")
        let courseRows = courses.index(by: "mooc_id")
        let votes = try fixture.table("votes.csv")
        let selfVotes = votes.rows.filter { row in
            courseRows[row[3]]![authors].split(separator: ";").contains(Substring(row[2]))
        }.map { "\($0[2]) \($0[3]) \($0[1])" }
        #expect(selfVotes.sorted() == truth.selfVotes.map { "\($0.voterID) \($0.moocID) \($0.unit)" }.sorted())
        for vote in truth.selfVotes {
            #expect(courseRows[vote.moocID]![authors].split(separator: ";").first.map(String.init) == vote.voterID)
        }
    }
}

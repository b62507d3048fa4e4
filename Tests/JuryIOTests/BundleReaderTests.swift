import Testing
import JuryEngine
@testable import JuryIO

@Suite("BundleReader")
struct BundleReaderTests {
    let good = BundleFixture()

    @Test("a valid bundle reads without diagnostics and with the defaults")
    func valid() throws {
        let outcome = try good.read()
        #expect(outcome.log.diagnostics.isEmpty)
        let c = try #require(outcome.competition)
        #expect(c.people.count == 5)
        #expect(c.courses.map(\.title) == ["Қазақ тілі", "Физика, часть 1", "English"])
        #expect(c.sheets.count == 4)
        #expect(c.rules.criteria.count == 7)
        #expect(c.rules.scoring.tieBreak == [.median, .min])
        #expect(c.id.hasPrefix("jury-fixture-"))
    }

    @Test("score outside the scale names file, line, column and criterion")
    func scoreOutsideScale() throws {
        let d = try good.appending("sheets.csv", "commission,E3,M2,7,7,11,7,7,7,7,53").diagnostics()
        #expect(d == ["sheets.csv:6:6: error: score 11 for 'video_lectures' is outside the scale 1–10"])
    }

    @Test("non-integer and missing scores")
    func nonIntegerAndMissing() throws {
        let d = try good.appending("sheets.csv", "commission,E3,M2,7.5,7,,7,7,7,7,").diagnostics()
        #expect(d == ["sheets.csv:6:4: error: score \"7.5\" for 'completeness' is not a whole number",
                      "sheets.csv:6:6: error: missing score for 'video_lectures'"])
    }

    @Test("scores and totals in every form the checks accept read the same, common form or not")
    func acceptedForms() throws {
        // "+7", "07", "10", an empty total and a total with a leading zero
        // leave the quick path of the common row; each must still be read.
        let d = try good.appending("sheets.csv", """
            commission,E3,M2,+7,07,10,1,7,7,7,46
            commission,E3,M1,7,7,7,7,7,7,7,
            commission,E3,M3,7,7,7,7,7,7,7,049
            """)
        let outcome = try d.read()
        #expect(outcome.log.diagnostics.isEmpty)
        let competition = try #require(outcome.competition)
        let table = competition.sheets
        #expect(table.count == 7)
        let courses = competition.courses.map(\.id)
        let sheetsOfE3 = (0..<table.count).filter { competition.people[Int(table.expert[$0])].id == "E3" }
        #expect(sheetsOfE3.map { courses[Int(table.course[$0])] } == ["M1", "M2", "M3"])
        #expect(sheetsOfE3.map { table.total[$0] } == [49, 46, 49])
        #expect((0..<7).map { table.score(row: sheetsOfE3[1], criterion: $0) } == [7, 7, 10, 1, 7, 7, 7])
    }

    @Test("total that is not the sum of the criteria")
    func totalMismatch() throws {
        let d = try good.appending("sheets.csv", "commission,E3,M2,7,7,7,7,7,7,7,50").diagnostics()
        #expect(d == ["sheets.csv:6:11: error: total 50 does not equal the sum of the criteria, 49"])
    }

    @Test("ragged rows")
    func ragged() throws {
        let d = try good.appending("sheets.csv", "commission,E3,M2,7,7,7").diagnostics()
        #expect(d == ["sheets.csv:6: error: row has 6 fields, the header has 11"])
    }

    @Test("unknown expert, course and stage ids")
    func unknownIds() throws {
        let d = try good
            .appending("sheets.csv", "commission,E9,M2,7,7,7,7,7,7,7,49")
            .appending("sheets.csv", "commission,E3,M9,7,7,7,7,7,7,7,49")
            .appending("sheets.csv", "final,E3,M2,7,7,7,7,7,7,7,49")
            .diagnostics()
        #expect(d == ["sheets.csv:6:2: error: expert 'E9' is not in people.csv",
                      "sheets.csv:7:3: error: course 'M9' is not in moocs.csv",
                      "sheets.csv:8:1: error: unknown stage \"final\" (department, faculty or commission)"])
    }

    @Test("unknown author in moocs.csv")
    func unknownAuthor() throws {
        let d = try good.appending("moocs.csv", "M4,Title,P9,F1,D1").diagnostics()
        #expect(d == ["moocs.csv:5:3: error: author 'P9' is not in people.csv"])
    }

    @Test("duplicate ids are reported at the later occurrence")
    func duplicateIds() throws {
        let d = try good.appending("people.csv", "P1,Someone,F1,D1,author,").appending("moocs.csv", "M1,Again,P1,F1,D1").diagnostics()
        #expect(d == ["people.csv:7:1: error: person_id 'P1' is given twice (first at line 2)",
                      "moocs.csv:5:1: error: mooc_id 'M1' is given twice (first at line 2)"])
    }

    @Test("duplicate sheet: same expert, course and stage")
    func duplicateSheet() throws {
        let d = try good.appending("sheets.csv", "commission,E1,M1,7,7,7,7,7,7,7,49").diagnostics()
        #expect(d == ["sheets.csv:6: error: duplicate sheet: expert 'E1' already scored 'M1' at the commission stage (line 2)"])
    }

    @Test("a sheet of another stage is not a duplicate")
    func otherStageIsNotDuplicate() throws {
        let d = try good.appending("sheets.csv", "faculty,E1,M1,7,7,7,7,7,7,7,49").diagnostics()
        #expect(d.isEmpty)
    }

    @Test("missing required columns and files; empty files")
    func missingColumnsAndFiles() throws {
        let noColumn = try good.with("sheets.csv", "stage,expert_id,mooc_id,completeness\n").diagnostics()
        #expect(noColumn.contains("sheets.csv:1: error: missing required column 'text_materials'"))
        #expect(try good.without("moocs.csv").diagnostics().contains("moocs.csv: error: required file is missing from the bundle"))
        #expect(try good.with("people.csv", "").diagnostics().first == "people.csv: error: the file is empty; it needs at least a header line")
        // A file with only a header is valid.
        #expect(try good.with("sheets.csv", BundleFixture.sheetHeader + "\n").diagnostics().isEmpty)
    }

    @Test("unknown columns are warnings, and the bundle still reads")
    func unknownColumn() throws {
        let outcome = try good.with("moocs.csv", "mooc_id,title,authors,faculty,department,colour\nM1,T,P1,F1,D1,red\n")
            .with("sheets.csv", BundleFixture.sheetHeader + "\n").read()
        #expect(outcome.log.sorted.map(\.description) == ["moocs.csv:1:6: warning: unknown column 'colour' is ignored"])
        #expect(outcome.competition != nil)
    }

    @Test("unterminated quote is reported where the quote opens")
    func unterminatedQuote() throws {
        let d = try good.appending("moocs.csv", "M4,\"Open title,P1,F1,D1\nM5,x,P1,F1,D1").diagnostics()
        #expect(d == ["moocs.csv:5:2: error: quoted field is not closed before the end of the file"])
    }

    @Test("quoted fields with commas, quotes, newlines, a BOM and CRLF")
    func rfc4180() throws {
        let moocs = "\u{FEFF}mooc_id,title,authors,faculty,department\r\nM1,\"Say \"\"hi\"\", Қазақша\nтіл\",P1,F1,D1\r\nM2,B,P2,F1,D2\r\nM3,C,P1,F1,D1\r\n"
        let outcome = try good.with("moocs.csv", moocs).read()
        #expect(outcome.log.diagnostics.isEmpty)
        #expect(outcome.competition?.courses[0].title == "Say \"hi\", Қазақша\nтіл")
    }

    @Test("broken and contradictory competition.json")
    func competitionJSON() throws {
        let broken = try good.with("competition.json", "{\n  \"id\": \"x\",\n  \"scale\": {\"min\": 1 \"max\": 10}\n}").diagnostics()
        #expect(broken.count == 1 && broken[0].hasPrefix("competition.json:3:"))
        let contradictory = try good.with("competition.json", """
            {
              "scale": {"min": 10, "max": 1},
              "weights": {"nope": 2},
              "scoring": {"method": "best", "tie_break": ["median", "height"]},
              "stages": {"commission": {"method": "borda"}},
              "colour": "red"
            }
            """).diagnostics()
        #expect(contradictory == [
            "competition.json:2: error: 'scale.min' (10) must be below 'scale.max' (1)",
            "competition.json:3: error: 'weights' names \"nope\", which is not a criterion key",
            "competition.json:4: error: 'scoring.method' \"best\" is not one of mean, median, trimmed, zscore",
            "competition.json:4: error: 'scoring.tie_break' rule \"height\" is not one of median, min, max, criterion:<key>, count, lot",
            "competition.json:5: error: 'stages.commission.method' must be \"score\": the commission ranks by rating score (12.2), votes are held only at the department and faculty stages",
            "competition.json:6: warning: unknown key 'colour' is ignored",
        ])
    }

    @Test("custom criteria, scale and weights are applied")
    func customCriteria() throws {
        let outcome = try good.with("competition.json", """
            {"id": "x", "scale": {"min": 0, "max": 5},
             "criteria": [{"key": "a", "title": "A"}, {"key": "b", "title": "B"}],
             "weights": {"a": 2, "b": 0.5}, "scoring": {"tie_break": ["criterion:b", "lot"]}, "seed": 7}
            """).with("sheets.csv", "stage,expert_id,mooc_id,a,b,total\ncommission,E1,M1,5,3,11.5\ncommission,E2,M1,0,1,0.5\n").read()
        #expect(outcome.log.diagnostics.isEmpty)
        let c = try #require(outcome.competition)
        #expect(c.rules.weights == [2, 0.5])
        #expect(c.sheets.total == [11.5, 0.5])
        #expect(c.rules.scoring.tieBreak == [.criterion(key: "b", index: 1), .lot])
        #expect(c.rules.seed == 7)
    }

    @Test("votes: voter outside the unit, course of another unit, mixed ballot")
    func votes() throws {
        let d = try good.with("votes.csv", """
            stage,unit,voter_id,mooc_id,rank
            department,D1,E3,M1,
            department,D1,E3,M3,1
            department,D2,E3,M2,
            department,D1,E3,M2,
            commission,all,E3,M1,

            """).diagnostics()
        #expect(d == [
            "votes.csv:3:5: error: ballot of 'E3' mixes ranks and approval marks (line 2 has no rank); a ballot is either ranked or approval",
            "votes.csv:4:2: error: voter 'E3' belongs to department 'D1', not 'D2': a voter votes in their own unit",
            "votes.csv:5:4: error: course 'M2' belongs to department 'D2', not 'D1': a unit votes on its own courses",
            "votes.csv:6:1: error: the commission stage ranks by rating score; ballots are held only at the department and faculty stages",
        ])
    }

    @Test("conflicts and decisions reference checks")
    func conflictsAndDecisions() throws {
        let d = try good
            .with("conflicts.csv", "expert_id,mooc_id,person_id,reason\nE1,M1,P1,both\nE9,M1,,x\nE1,M1,,ok\n")
            .with("decisions.csv", "stage,unit,mooc_id,decision,reason\ncommission,all,M1,place:0,x\nfaculty,F9,M1,advance,tie\ncommission,all,M2,disqualify,\n")
            .diagnostics()
        #expect(d == [
            "conflicts.csv:2: error: give exactly one of mooc_id (a conflict with a course) and person_id (with an author)",
            "conflicts.csv:3:1: error: expert 'E9' is not in people.csv",
            "decisions.csv:2:4: error: decision \"place:0\" is not one of disqualify, advance, exclude, place:N",
            "decisions.csv:3:2: error: unit must be 'F1' for course 'M1' at the faculty stage, found 'F9'",
            "decisions.csv:4:5: error: a decision needs its reason for the protocol",
        ])
    }

    @Test("a department placed in two faculties is contradictory")
    func departmentInTwoFaculties() throws {
        let d = try good.appending("moocs.csv", "M4,T,P1,F2,D1").diagnostics()
        #expect(d == ["moocs.csv:5: error: department 'D1' is placed in faculty 'F2' here but in 'F1' at people.csv:2; a department belongs to one faculty"])
    }

    @Test("every problem is collected, not just the first")
    func collectsAll() throws {
        var f = good
        for i in 0..<30 { f = f.appending("sheets.csv", "commission,E\(i + 10),M1,7,7,7,7,7,7,7,49") }
        #expect(try f.diagnostics().count == 30)
    }
}

import Testing
@testable import JuryIO

@Suite("Diagnostic")
struct DiagnosticTests {
    @Test("prints file:line:column: severity: message")
    func format() {
        let d = Diagnostic.error("sheets.csv", 12, 5, "score 11 for 'video_lectures' is outside the scale 1–10")
        #expect(d.description == "sheets.csv:12:5: error: score 11 for 'video_lectures' is outside the scale 1–10")
        #expect(Diagnostic.warning("people.csv", nil, nil, "x").description == "people.csv: warning: x")
    }
}

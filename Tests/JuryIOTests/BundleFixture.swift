import Foundation
@testable import JuryIO

/// A small valid bundle written to a fresh temporary folder; tests change
/// one file to break one rule.
struct BundleFixture {
    var files: [String: String] = [
        "people.csv": """
            person_id,full_name,faculty,department,roles,teaching_staff
            P1,Әсем Қасымова,F1,D1,author,yes
            P2,Иван Петров,F1,D2,author;expert;voter,yes
            E1,Expert One,F2,D3,expert,yes
            E2,Expert Two,F2,D3,expert;voter,yes
            E3,Expert Three,F1,D1,expert;voter,yes

            """,
        "moocs.csv": """
            mooc_id,title,authors,faculty,department
            M1,Қазақ тілі,P1,F1,D1
            M2,"Физика, часть 1",P2,F1,D2
            M3,English,P1,F1,D1

            """,
        "sheets.csv": """
            stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression,total
            commission,E1,M1,8,8,8,8,8,8,8,56
            commission,E2,M1,7,7,7,7,7,7,7,49
            commission,E1,M2,9,9,9,9,9,9,9,63
            commission,E2,M2,6,6,6,6,6,6,6,42

            """,
    ]

    /// Writes the bundle and reads it back, `sheets.csv` in `sheetChunks`
    /// ranges at the same time, `people.csv` and `moocs.csv` in
    /// `peopleRanges` and `moocsRanges` (nil: as the reader chooses).
    func read(sheetChunks: Int? = nil, peopleRanges: Int? = nil, moocsRanges: Int? = nil) throws -> BundleReader.Outcome {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jury-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return BundleReader.read(dir.path, sheetChunks: sheetChunks, peopleRanges: peopleRanges, moocsRanges: moocsRanges)
    }

    /// The diagnostics of the bundle as printed.
    func diagnostics() throws -> [String] {
        try read().log.sorted.map(\.description)
    }

    func with(_ name: String, _ text: String) -> BundleFixture {
        var copy = self
        copy.files[name] = text
        return copy
    }

    func without(_ name: String) -> BundleFixture {
        var copy = self
        copy.files[name] = nil
        return copy
    }

    /// The fixture with one more line appended to a file.
    func appending(_ name: String, _ line: String) -> BundleFixture {
        with(name, (files[name] ?? "") + line + "\n")
    }

    static let sheetHeader = "stage,expert_id,mooc_id,completeness,text_materials,video_lectures,digital_resources,learner_feedback,test_assignments,overall_impression,total"
}

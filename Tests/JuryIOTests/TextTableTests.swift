import Testing
@testable import JuryIO

@Suite("TextTable")
struct TextTableTests {
    @Test("Kazakh and Russian titles align by grapheme, not by byte")
    func cyrillicAlignment() {
        var t = TextTable(headers: ["id", "title", "score"], alignments: [.left, .left, .right])
        t.append(["M1", "Қазақ тілі", "52.50"])
        t.append(["M2", "English", "7.00"])
        t.append(["M3", "Физика, часть 1", "60.00"])
        let lines = t.render().split(separator: "\n").map(String.init)
        // Every line has its score column ending at the same display column.
        let widths = lines.map { TextTable.displayWidth($0) }
        #expect(Set(widths.dropFirst(2)).count == 1)
        #expect(lines[2] == "M1  Қазақ тілі       52.50")
        #expect(lines[3] == "M2  English           7.00")
    }

    @Test("combining marks take no column; wide characters take two")
    func displayWidth() {
        #expect(TextTable.displayWidth("Әсем") == 4)
        #expect(TextTable.displayWidth("e\u{301}") == 1)
        #expect(TextTable.displayWidth("漢字") == 4)
    }

    @Test("CSV output quotes fields with commas, quotes and line breaks")
    func csvQuoting() {
        #expect(CSVWriter.line(["a", "b,c", "say \"hi\"", "two\nlines"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
    }
}

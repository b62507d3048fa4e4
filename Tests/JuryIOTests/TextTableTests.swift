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

    /// RFC 4180, section 2, rules 6 and 7: a field holding a line break, a
    /// comma or a quote is enclosed in quotes, a quote doubled. "\r\n" and a
    /// comma with a combining mark are one `Character` each in Swift, which
    /// a test by characters would miss.
    @Test("CSV quoting looks at bytes: CR LF, a comma or quote with a combining mark, Kazakh text")
    func csvQuotingBytes() {
        #expect(CSVWriter.line(["a\r\nb", ",\u{301}", "\"\u{301}", "Қазақ тілі", "Қазақ, тілі"])
            == "\"a\r\nb\",\",\u{301}\",\"\"\"\u{301}\",Қазақ тілі,\"Қазақ, тілі\"\n")
        var bytes: [UInt8] = []
        Array("Физика \"1\"".utf8).withUnsafeBytes { CSVWriter.appendField(utf8: $0, to: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == "\"Физика \"\"1\"\"\"")
    }
}

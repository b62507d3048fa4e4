import Foundation
import Testing
import JuryEngine
@testable import JuryReport

@Suite("Gnuplot: finishing a chart's SVG")
struct GnuplotFinishTests {
    /// The String-based finish the byte-level one replaced (Foundation's
    /// `replacingOccurrences`, `range(of:)` and `String.hasSuffix`), kept as
    /// the reference.
    static func reference(_ svg: Data, title: String) -> [UInt8] {
        var text = String(decoding: svg, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        text = text.replacingOccurrences(of: "<title>Gnuplot</title>", with: "<title>\(Gnuplot.xmlEscape(title))</title>")
        if let start = text.range(of: "<desc>Produced by GNUPLOT"),
           let end = text.range(of: "</desc>", range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: "<desc>Drawn by gnuplot</desc>")
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return Array(text.utf8)
    }

    @Test("a gnuplot SVG gets its title, Unix line ends and no patch level")
    func svg() {
        let svg = "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\r\n<svg>\r\n<title>Gnuplot</title>\r\n"
            + "<desc>Produced by GNUPLOT 5.4 patchlevel 4 </desc>\r\n<text>Оценка ≥ 5</text>\r\n</svg>"
        let out = String(decoding: Gnuplot.finish(Data(svg.utf8), title: "Scores <&> \"A's\""), as: UTF8.self)
        #expect(out == "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n<svg>\n"
            + "<title>Scores &lt;&amp;&gt; &quot;A&#39;s&quot;</title>\n<desc>Drawn by gnuplot</desc>\n"
            + "<text>Оценка ≥ 5</text>\n</svg>\n")
    }

    @Test("the bytes equal the String-based finish on seeded texts: CR runs, repeated titles, unclosed desc, bad UTF-8")
    func sameAsReference() {
        let pieces: [[UInt8]] = ["\r", "\n", "\r\n", "<title>Gnuplot</title>", "<desc>Produced by GNUPLOT 6.0 ", "</desc>",
                                 "<title>Gnu", "plot</title>", "ж", "≥", "<g>", " ", "x"].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        let titles = ["Scores", "A & B", "<t>", "Оценки"]
        var g = SeededGenerator(seed: 13)
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...10, using: &g)).flatMap { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }
            let title = titles[Int.random(in: 0..<titles.count, using: &g)]
            #expect(Gnuplot.finish(Data(bytes), title: title) == Self.reference(Data(bytes), title: title), "\(bytes)")
        }
    }
}

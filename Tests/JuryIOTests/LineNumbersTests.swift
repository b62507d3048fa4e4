import JuryEngine
import Testing
@testable import JuryIO

/// `LineNumbers` holds runs of consecutive lines; it must answer as the
/// plain array of lines it replaces, however it was built.
@Suite("line numbers: runs answer as the array of lines")
struct LineNumbersTests {
    /// Lines of `rows` rows starting at line 2, each record one line long
    /// except with probability `p` (a gap of 1–3 lines: a quoted line break,
    /// a blank line, a rejected record).
    static func lines(rows: Int, gaps p: Double, using g: inout SeededGenerator) -> [Int] {
        var out: [Int] = []
        var line = 2
        for _ in 0..<rows {
            out.append(line)
            line += Double.random(in: 0..<1, using: &g) < p ? Int.random(in: 2...4, using: &g) : 1
        }
        return out
    }

    @Test("seeded lines: every row, the walk in order, joins of parts and selections equal the array", arguments: [0.0, 0.01, 0.3, 1.0])
    func againstTheArray(gaps: Double) {
        var g = SeededGenerator(seed: UInt64(gaps * 1000) + 7)
        for _ in 0..<20 {
            let expected = Self.lines(rows: Int.random(in: 0...400, using: &g), gaps: gaps, using: &g)
            let lines = LineNumbers(expected)
            #expect(lines.count == expected.count)
            #expect(expected.indices.map { lines[$0] } == expected)
            #expect(Array(lines) == expected)
            // Parts read from the middle of the file: lines counted from 1, then shifted, then joined.
            var joined = LineNumbers()
            var start = 0
            while start < expected.count {
                let end = min(expected.count, start + Int.random(in: 1...120, using: &g))
                let base = expected[start] - 1
                var part = LineNumbers(expected[start..<end].map { $0 - base })
                part.shift(by: base)
                joined.append(contentsOf: part)
                start = end
            }
            #expect(joined == lines && Array(joined) == expected)
            let kept = expected.indices.filter { _ in Bool.random(using: &g) }
            #expect(Array(lines.selecting(kept)) == kept.map { expected[$0] })
        }
    }

    @Test("one-line records cost one run; a break starts a new one; equal lines compare equal")
    func runs() {
        let long = LineNumbers(2..<100_002)
        #expect(long.count == 100_000 && long[0] == 2 && long[99_999] == 100_001)
        var a = LineNumbers([2, 3, 4])
        a.append(contentsOf: LineNumbers([5, 6, 9]))
        #expect(a == LineNumbers([2, 3, 4, 5, 6, 9]) && a != LineNumbers([2, 3, 4, 5, 6, 10]))
        #expect(Array(a) == [2, 3, 4, 5, 6, 9] && a[5] == 9 && a[4] == 6)
        #expect(LineNumbers().isEmpty && Array(LineNumbers()) == [])
    }
}

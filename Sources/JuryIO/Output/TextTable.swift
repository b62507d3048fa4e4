/// A plain-text table for people: columns padded to the display width of
/// their cells, counted in grapheme clusters (Kazakh and Russian letters take
/// one column each; East Asian wide characters two).
public struct TextTable {
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        var widths = headers.map(Self.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.displayWidth(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - Self.displayWidth(cell))
                parts.append(alignments[i] == .left ? cell + pad : pad + cell)
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// Columns a string takes in a terminal: one per grapheme cluster, two for
    /// East Asian wide and fullwidth characters (UAX #11, main ranges).
    public static func displayWidth(_ s: String) -> Int {
        // ASCII: one column per character, where CR LF is one character.
        let ascii: Int? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            var crlf = 0
            var previous: UInt8 = 0
            for b in utf8 {
                if b >= 0x80 { return nil }
                if b == 0x0A && previous == 0x0D { crlf += 1 }
                previous = b
            }
            return utf8.count - crlf
        } ?? nil
        if let ascii { return ascii }
        var w = 0
        for ch in s {
            guard let u = ch.unicodeScalars.first?.value else { continue }
            if ch == "\n" || ch == "\t" { w += 1; continue }
            let wide = (0x1100...0x115F).contains(u) || (0x2E80...0xA4CF).contains(u) || (0xAC00...0xD7A3).contains(u)
                || (0xF900...0xFAFF).contains(u) || (0xFE30...0xFE4F).contains(u) || (0xFF00...0xFF60).contains(u)
                || (0xFFE0...0xFFE6).contains(u) || (0x1F300...0x1FAFF).contains(u) || (0x20000...0x3FFFD).contains(u)
            w += wide ? 2 : 1
        }
        return w
    }
}

import Testing
@testable import JuryEngine

/// Columns joined in bulk (the parts of a file read in ranges) come out
/// exactly as if every value had been appended on its own.
@Suite("text and interned columns joined in bulk")
struct TextColumnTests {
    static let texts = ["", "", "a", "", "бв", "", "", "c", ""]

    static func column(_ texts: some Sequence<String>) -> TextColumn {
        var column = TextColumn()
        for t in texts { column.append(t) }
        return column
    }

    @Test("append(contentsOf:) equals appending one by one, at every split, empties included")
    func bulkAppend() {
        let lists = [Self.texts, ["", ""], ["x"], [], ["", "y", ""]]
        for list in lists {
            let whole = Self.column(list)
            for cut in 0...list.count {
                var joined = Self.column(list[..<cut])
                joined.append(contentsOf: Self.column(list[cut...]))
                #expect(joined == whole)
                #expect((0..<joined.count).map { joined[$0] } == list)
            }
        }
    }

    @Test("reserveCapacity(scaling:) makes room for that many times the rows and text, and keeps them")
    func reserveScaling() {
        var column = Self.column(Self.texts)
        let before = column
        column.reserveCapacity(scaling: 10)
        #expect(column == before)
        #expect(column.bytes.capacity >= 10 * column.bytes.count && column.ends.capacity >= 10 * column.ends.count)
        var empty = Self.column(["", "", ""])
        empty.reserveCapacity(scaling: 10)
        #expect(empty.bytes.capacity == 0 && empty.ends.capacity == 0 && empty == Self.column(["", "", ""]))
    }

    @Test("gathered keeps the chosen rows in order")
    func gathered() {
        let column = Self.column(Self.texts)
        let rows = [1, 2, 4, 8]
        #expect(column.gathered(rows) == Self.column(rows.map { Self.texts[$0] }))
        #expect(column.gathered([Int32]()) == TextColumn())
    }

    @Test("interned columns: codes numbered by first appearance, as when appended one by one")
    func interned() {
        let values: [String?] = ["mp4", nil, "webm", "mp4", "avi", nil, "webm", "mkv"]
        var whole = InternedColumn()
        for v in values { whole.append(v) }
        for cut in 0...values.count {
            var head = InternedColumn(), tail = InternedColumn()
            for v in values[..<cut] { head.append(v) }
            for v in values[cut...] { tail.append(v) }
            head.append(contentsOf: tail)
            #expect(head == whole)
        }
        var kept = InternedColumn()
        for r in [1, 4, 0, 7] { kept.append(values[r]) }
        #expect(whole.gathered([1, 4, 0, 7]) == kept)
    }
}

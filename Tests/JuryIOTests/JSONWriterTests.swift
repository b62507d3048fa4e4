import Testing
import Foundation
import JuryEngine
@testable import JuryIO

/// The byte path of `JSONWriter` (strings written straight from a text
/// column's UTF-8) writes exactly what the `String` path writes.
@Suite("JSON strings from bytes equal JSON strings from String")
struct JSONWriterTests {
    @Test("ASCII, Kazakh, Russian, emoji, escapes, U+2028, invalid bytes", arguments: [
        Array("M0000001".utf8), Array("Қазақ тілі (базалық курс)".utf8), Array("Экономика «ATU»".utf8),
        Array("😀 ok".utf8), Array("a \"quoted\" \\ back\nslash\ttab".utf8), Array("line\u{2028}separator".utf8),
        [0x41, 0xFF, 0x42], [0xD0], [0xC0, 0xAF], [],
    ])
    func sameBytes(_ bytes: [UInt8]) {
        var fromBytes: [UInt8] = []
        bytes.withUnsafeBytes { JSONWriter.appendQuoted(utf8: $0, to: &fromBytes) }
        var fromString: [UInt8] = []
        JSONWriter.appendQuoted(String(decoding: bytes, as: UTF8.self), to: &fromString)
        #expect(fromBytes == fromString)
        #expect(String(validating: fromBytes, as: UTF8.self) != nil)
    }

    @Test("the writer's own buffer: a string from bytes, from a String and through quote(_:) give the same text")
    func writerBuffer() {
        let text = Array("Қазақ тілі (базалық курс), M0000001 — long enough to pass sixteen bytes".utf8)
        for special: UInt8 in [0x00, 0x0A, 0x22, 0x5C, 0xE2, 0xFF, 0x20] {
            for position in stride(from: 0, through: text.count, by: 3) {
                let bytes = Array(text[..<position]) + [special] + Array(text[position...])
                let string = String(decoding: bytes, as: UTF8.self)
                var a = JSONWriter(), b = JSONWriter()
                a.beginArray()
                bytes.withUnsafeBytes { a.string(nil, utf8: $0) }
                a.endArray()
                b.beginArray()
                b.string(nil, string)
                b.endArray()
                #expect(a.bytes == b.bytes, "byte \(special) at \(position)")
                #expect(a.text == "[" + JSONWriter.quote(string) + "]\n")
            }
        }
    }

    @Test("integers of every length and sign, and numbers, as Swift prints them")
    func numbers() {
        let ints = [0, 7, -7, 10, 99, 100, -1_000_000, Int.max, Int.min] + (0..<19).map { (0..<$0).reduce(1) { x, _ in x * 10 } }
        var w = JSONWriter()
        w.beginArray()
        for n in ints { w.int(nil, n) }
        for x in [0.5, -2.25, 1e15, 1e-7, .nan, 70] as [Double] { w.number(nil, x) }
        w.endArray()
        let expected = ints.map(String.init) + ["0.5", "-2.25", "1000000000000000.0", "1e-07", "null", "70"]
        #expect(w.text == "[" + expected.joined(separator: ", ") + "]\n")
    }

    @Test("keys rendered once write the text that the same keys as strings write, escapes included")
    func renderedKeys() {
        let names = ["rank", "mooc_id", "", "қазақ", "a\"b", "line\nbreak", "\u{2028}"]
        var column = TextColumn()
        column.append("M1")
        var byString = JSONWriter(), byKey = JSONWriter()
        byString.beginObject()
        byKey.beginObject()
        for (i, name) in names.enumerated() {
            let key = JSONWriter.Key(name)
            switch i % 6 {
            case 0:
                byString.int(name, i); byKey.int(key, i)
            case 1:
                byString.number(name, Double(i) / 4); byKey.number(key, Double(i) / 4)
            case 2:
                byString.string(name, nil as String?); byKey.string(key, nil as String?)
            case 3:
                byString.string(name, column, 0); byKey.string(key, column, 0)
            case 4:
                byString.bool(name, true); byKey.bool(key, true)
            default:
                byString.beginArray(name); byKey.beginArray(key)
                byString.beginObject(); byKey.beginObject()
                byString.string(name, "x"); byKey.string(key, "x")
                byString.endObject(); byKey.endObject()
                byString.endArray(); byKey.endArray()
                byString.beginObject(name); byKey.beginObject(key)
                byString.endObject(); byKey.endObject()
            }
        }
        byString.endObject()
        byKey.endObject()
        #expect(byKey.text == byString.text)
        #expect(byKey.text.contains(#""a\"b": true"#) && byKey.text.contains(#""\u2028": 6"#))
    }

    @Test("numbers of one or two decimals, written without `description`, read as it prints them")
    func shortDecimals() {
        // Seeded: tenths and hundredths of every size up to 10¹³ and beyond,
        // either sign, and doubles with more digits (left to `description`).
        var g = SeededGenerator(seed: 2026)
        var values: [Double] = [0.01, -0.01, 0.05, 0.1, 0.29, 1.1, 13.6, 47.75, -3.75, 9_999_999_999_999.99, 1e13 + 0.5,
                                0.1 + 0.2, 1.0 / 3, 2.675, 1.005, 0.015]
        for _ in 0..<40_000 {
            let magnitude = Int(g.next() % 16)
            let m = Int64(g.next() % UInt64(pow(10, Double(magnitude)) + 1))
            let sign: Double = g.next() % 2 == 0 ? 1 : -1
            values.append(sign * Double(m) / 100)
            values.append(sign * Double(m) / 10)
            values.append(sign * Double(m) / 1000)
            values.append(sign * Double(bitPattern: g.next() >> 2))
        }
        var checked = 0
        for x in values where x.isFinite && x != x.rounded() {
            var w = JSONWriter()
            w.number(nil, x)
            #expect(w.text == x.description, "\(x)")
            var csv: [UInt8] = []
            JSONWriter.appendNumber(x, to: &csv)
            #expect(String(decoding: csv, as: UTF8.self) == x.description)
            #expect(JSONWriter.formatNumber(x) == x.description)
            checked += 1
        }
        #expect(checked > 100_000)
    }

    @Test("every byte that needs a look, at every position of a Kazakh and ASCII text")
    func specialBytesAtEveryPosition() {
        let text = Array("Қазақ тілі (базалық курс), M0000001".utf8)
        for special: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0xE2, 0xFF, 0x80, 0x20, 0x7F] {
            for position in 0...text.count {
                let bytes = Array(text[..<position]) + [special] + Array(text[position...])
                var fromBytes: [UInt8] = []
                bytes.withUnsafeBytes { JSONWriter.appendQuoted(utf8: $0, to: &fromBytes) }
                var fromString: [UInt8] = []
                JSONWriter.appendQuoted(String(decoding: bytes, as: UTF8.self), to: &fromString)
                #expect(fromBytes == fromString, "byte \(special) at \(position)")
            }
        }
    }
}

/// `JSONWriter.elements` formats long arrays in blocks on several cores; the
/// bytes must be those of writing the elements one after another, at any
/// nesting, with or without earlier elements in the array, and when the
/// writer streams to a sink.
@Suite("JSON arrays written in parallel blocks equal arrays written in order")
struct JSONWriterElementsTests {
    static func element(_ w: inout JSONWriter, _ i: Int) {
        w.beginObject()
        w.int("i", i)
        w.string("id", "M\(i)")
        w.number("x", Double(i) / 7)
        if i % 3 == 0 {
            w.beginArray("list")
            w.int(nil, i)
            w.endArray()
        }
        w.endObject()
    }

    /// One document: an object holding an array with `before` elements
    /// written one by one, then `count` more through `elements` (or one by
    /// one when `parallel` is false).
    static func document(count: Int, before: Int, parallel: Bool, sink: Bool) -> [UInt8] {
        var streamed: [UInt8] = []
        var w = sink ? JSONWriter(byteSink: { streamed.append(contentsOf: $0) }) : JSONWriter()
        w.beginObject()
        w.string("schema", "test")
        w.beginObject("outer")
        w.beginArray("items")
        for i in 0..<before { element(&w, i) }
        if parallel {
            w.elements(count) { w, i in element(&w, before + i) }
        } else {
            for i in 0..<count { element(&w, before + i) }
        }
        w.endArray()
        w.int("after", 1)
        w.endObject()
        w.endObject()
        w.flush()
        return sink ? streamed : w.bytes
    }

    @Test("counts around the parallel threshold and the block size",
          arguments: [0, 1, 4095, 4096, 8193, 2 * 8192 + 17])
    func sameBytes(_ count: Int) {
        for before in [0, 2] {
            let expected = Self.document(count: count, before: before, parallel: false, sink: false)
            #expect(Self.document(count: count, before: before, parallel: true, sink: false) == expected)
            #expect(Self.document(count: count, before: before, parallel: true, sink: true) == expected)
        }
    }

    @Test("an array of plain values")
    func values() {
        var a = JSONWriter(), b = JSONWriter()
        for w in [0, 1] {
            if w == 0 {
                a.beginArray()
                a.elements(10_000) { w, i in w.int(nil, i) }
                a.endArray()
            } else {
                b.beginArray()
                for i in 0..<10_000 { b.int(nil, i) }
                b.endArray()
            }
        }
        #expect(a.bytes == b.bytes)
        #expect(a.text.hasPrefix("[0, 1, 2, "))
    }
}

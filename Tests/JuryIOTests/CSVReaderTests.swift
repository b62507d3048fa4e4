import Testing
import JuryEngine
@testable import JuryIO

/// Reads every record of `text` (as UTF-8 bytes) with a tiny block so that
/// records straddle block boundaries.
private func records(_ bytes: [UInt8], blockSize: Int? = nil) throws -> [(line: Int, fields: [String], problem: CSVReader.Problem?)] {
    let reader: CSVReader
    if let blockSize {
        let path = "/tmp/jury-csv-test-\(UInt32.random(in: 0...UInt32.max)).csv"
        let file = fopen(path, "wb")
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
        fclose(file)
        defer { remove(path) }
        reader = try CSVReader(path: path, blockSize: blockSize)
        var out: [(Int, [String], CSVReader.Problem?)] = []
        while try reader.next() {
            out.append((reader.line, (0..<reader.fieldCount).map { reader.string($0) }, reader.problem))
        }
        return out
    }
    reader = CSVReader(bytes: bytes)
    var out: [(Int, [String], CSVReader.Problem?)] = []
    while try reader.next() {
        out.append((reader.line, (0..<reader.fieldCount).map { reader.string($0) }, reader.problem))
    }
    return out
}

private func records(_ text: String, blockSize: Int? = nil) throws -> [(line: Int, fields: [String], problem: CSVReader.Problem?)] {
    try records(Array(text.utf8), blockSize: blockSize)
}

#if canImport(Glibc)
import Glibc
#endif

@Suite("CSVReader")
struct CSVReaderTests {
    @Test("plain fields, LF and CRLF line ends")
    func plain() throws {
        let r = try records("a,b,c\r\n1,2,3\n4,,6")
        #expect(r.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
        #expect(r.map(\.line) == [1, 2, 3])
    }

    @Test("quoted commas, doubled quotes and newlines; lines are physical")
    func quoted() throws {
        let text = "id,comment\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n"
        let r = try records(text)
        #expect(r.map(\.fields) == [["id", "comment"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "x"]])
        #expect(r.map(\.line) == [1, 2, 3, 4, 6])
        #expect(r.allSatisfy { $0.problem == nil })
    }

    @Test("the same records whatever the block size")
    func blockBoundaries() throws {
        let text = "id,comment\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,Қазақ тілі\n"
        let whole = try records(text).map(\.fields)
        for size in [64, 65, 70, 80] {
            let bytes = Array(text.utf8)
            #expect(try records(bytes, blockSize: size).map(\.fields) == whole)
        }
        // A single record longer than the block grows the block.
        let long = "x,\"" + String(repeating: "ab\"\"", count: 100) + "\"\n"
        let got = try records(long, blockSize: 64)
        #expect(got.first?.fields[1] == String(repeating: "ab\"", count: 100))
    }

    @Test("a byte-order mark is skipped")
    func byteOrderMark() throws {
        let r = try records([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
        #expect(r.first?.fields == ["a", "b"])
        let f = try records([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8), blockSize: 64)
        #expect(f.first?.fields == ["a", "b"])
    }

    @Test("an unterminated quote is reported where it opens")
    func unterminated() throws {
        let r = try records("a,b\n1,2\n3,\"open\nstill\n")
        #expect(r.last?.problem == .unterminatedQuote(line: 3, column: 2))
        #expect(r.count == 3)
    }

    @Test("a stray quote in an unquoted field, and text after a closing quote")
    func strayQuote() throws {
        #expect(try records("a,b\nx\"y,2\n")[1].problem == .strayQuote(line: 2, column: 1))
        #expect(try records("a,b\n1,\"q\"z\n")[1].problem == .strayQuote(line: 2, column: 2))
    }

    @Test("invalid UTF-8 is reported with line and column")
    func invalidUTF8() throws {
        let bytes = Array("a,b\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let r = try records(bytes)
        #expect(r[1].problem == nil)
        #expect(r[2].problem == .invalidUTF8(line: 3, column: 2))
        // Overlong encodings and surrogates are invalid too.
        #expect(try records([0xC0, 0xAF])[0].problem == .invalidUTF8(line: 1, column: 1))
        #expect(try records([0xED, 0xA0, 0x80])[0].problem == .invalidUTF8(line: 1, column: 1))
        #expect(try records(Array("Ақпарат,😀".utf8))[0].problem == nil)
    }

    @Test("long unquoted fields (read eight bytes at a time): every separator, quote and bad byte is seen",
          arguments: [0, 1, 7, 8, 9, 15, 16, 23])
    func longFields(at position: Int) throws {
        let pad = String(repeating: "x", count: 24)
        // A separator, a line end and a stray quote at every offset of a word.
        let split = String(pad.prefix(position)) + "," + String(pad.dropFirst(position))
        #expect(try records(split + "\n" + pad + "\n")[0].fields == [String(pad.prefix(position)), String(pad.dropFirst(position))])
        if position > 0 {  // a quote at the start opens a quoted field
            let quoted = String(pad.prefix(position)) + "\"" + String(pad.dropFirst(position))
            #expect(try records("a,b\n" + quoted + ",1\n")[1].problem == .strayQuote(line: 2, column: 1))
        }
        // An invalid byte (and a valid two-byte letter) anywhere in a long field.
        let bad = Array(pad.prefix(position).utf8) + [0xFF] + Array(pad.dropFirst(position).utf8) + Array(",1\n".utf8)
        #expect(try records(bad)[0].problem == .invalidUTF8(line: 1, column: 1))
        let good = Array(pad.prefix(position).utf8) + Array("Қ".utf8) + Array(pad.dropFirst(position).utf8) + Array(",1\n".utf8)
        let read = try records(good)[0]
        #expect(read.problem == nil && read.fields[0] == String(pad.prefix(position)) + "Қ" + String(pad.dropFirst(position)))
    }

    @Test("a bad byte in the same eight-byte word as a separator, before or after it, is reported in its own column")
    func badByteNextToSeparator() throws {
        for comma in 0..<16 {
            for bad in 0..<17 where bad != comma {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 17)
                bytes[comma] = UInt8(ascii: ",")
                bytes[bad] = 0xFF
                let read = try records(bytes + Array(",1\n".utf8))[0]
                #expect(read.fields.count == 3, "comma at \(comma), bad byte at \(bad)")
                #expect(read.problem == .invalidUTF8(line: 1, column: bad < comma ? 1 : 2), "comma at \(comma), bad byte at \(bad)")
            }
        }
    }

    @Test("records without quotes, read a word at a time, come out as the general scan reads them (seeded random input)")
    func plainScanAgreesWithGeneralScan() throws {
        // Short fields, separators at every offset of a word, CR LF, quotes,
        // a Cyrillic letter and bytes that are not UTF-8.
        let pieces: [[UInt8]] = [[0x61], [0x62, 0x63], Array("12345678".utf8), [0x2C], [0x2C], [0x0A], [0x0D, 0x0A],
                                 [0x0D], [0x22], [0xD0, 0x9A], [0xFF], [0xD0], Array(",,".utf8)]
        var rng = SeededGenerator(seed: 41)
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            let length = Int(rng.next() % 120)
            for _ in 0..<length {
                let r = rng.next() % 100
                // Quotes and bad bytes rarely, so that most records take the word path.
                let piece = r < 2 ? 8 : r < 4 ? 10 : r < 6 ? 11 : Int(r % UInt64(pieces.count))
                bytes += pieces[piece == 8 && round % 2 == 0 ? 0 : piece]
            }
            func read(_ plain: Bool) throws -> [String] {
                let reader = CSVReader(bytes: bytes, usesPlainScan: plain)
                var out: [String] = []
                while try reader.next() {
                    out.append("\(reader.line) \(String(describing: reader.problem)) \(reader.offset) \(reader.nextLineNumber) "
                               + (0..<reader.fieldCount).map { Array(reader.field($0)).description }.joined(separator: "|"))
                }
                return out
            }
            #expect(try read(true) == read(false), "\(bytes)")
        }
    }

    @Test("empty input has no records; a trailing empty field is kept")
    func edges() throws {
        #expect(try records("").isEmpty)
        #expect(try records("a,\n").first?.fields == ["a", ""])
        #expect(try records("\"\"").first?.fields == [""])
    }
}

/// The reader's strict UTF-8 validation agrees with the standard library's
/// (Unicode Standard, table 3-7).
@Suite("UTF-8 validation agrees with String(validating:)")
struct UTF8ValidationTests {
    static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { isValidUTF8($0) } }

    @Test("every sequence of one and two bytes, alone and after nine ASCII bytes")
    func everyShortSequence() {
        let pad = Array("abcdefghi".utf8)
        for a in 0...255 {
            for tail in [[], [UInt8(ascii: "z")]] as [[UInt8]] {
                let one = [UInt8(a)] + tail
                #expect(Self.valid(one) == (String(validating: one, as: UTF8.self) != nil))
            }
            for b in 0...255 {
                let two = [UInt8(a), UInt8(b)]
                let expected = String(validating: two, as: UTF8.self) != nil
                #expect(Self.valid(two) == expected, "\(two)")
                #expect(Self.valid(pad + two) == expected, "\(two) after ASCII")
            }
        }
    }

    @Test("random three- and four-byte sequences among Cyrillic and ASCII text (seeded)")
    func randomSequences() {
        var rng = SeededGenerator(seed: 2026)
        let context = Array("Қазақ тілі — ok".utf8)
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 4) + 1
            let lead: [UInt8] = [0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xC2, 0xDF, 0xC1, 0x80]
            var seq = [lead[Int(rng.next() % UInt64(lead.count))]]
            for _ in 1..<length {
                let r = rng.next()
                // Half the time a continuation byte, so that valid sequences are common too.
                seq.append(r & 1 == 0 ? UInt8(0x80 | (r >> 8) & 0x3F) : UInt8(truncatingIfNeeded: r >> 8))
            }
            let cut = Int(rng.next() % UInt64(context.count + 1))
            let bytes = Array(context[..<cut]) + seq + Array(context[cut...])
            #expect(Self.valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}

import Testing
import JuryEngine
@testable import JuryIO

/// The byte paths of `FieldParsing` read numbers exactly as the `String`
/// paths they stand in for (`Double(_:)`, `Int(_:)`, which the standard
/// library rounds correctly), and leave everything else to them.
@Suite("FieldParsing byte paths")
struct FieldParsingTests {
    static func decimal(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBytes { FieldParsing.plainDecimal($0) }
    }

    static func digits(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { FieldParsing.digits($0) }
    }

    @Test("plain decimals give the bits Double(_:) gives (seeded random digits, every length up to the limits)")
    func decimalsAgreeWithStandardLibrary() {
        var rng = SeededGenerator(seed: 90)
        for _ in 0..<50_000 {
            let whole = Int(rng.next() % 17) + 1
            let fraction = Int(rng.next() % 24)
            var text = (0..<whole).map { _ in String(rng.next() % 10) }.joined()
            if fraction > 0 { text += "." + (0..<fraction).map { _ in String(rng.next() % 10) }.joined() }
            let fast = Self.decimal(text)
            if let fast {
                #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
            } else {
                // Left to the String path only past the exact range.
                #expect(whole + fraction > 15 || fraction > 22, "\(text)")
            }
        }
    }

    @Test("known values, and the forms left to the String path")
    func decimalForms() {
        #expect(Self.decimal("0.03") == 0.03)
        #expect(Self.decimal("109") == 109)
        #expect(Self.decimal("0.1") == 0.1)
        #expect(Self.decimal("9007199254740992") == 9_007_199_254_740_992)  // 2^53
        #expect(Self.decimal("9007199254740993") == nil)  // past 2^53: strtod's rounding
        for text in ["", ".5", "5.", "1e3", "-1", "+1", "1.2.3", " 1", "1 ", "0x10", "inf", "nan", "١"] {
            #expect(Self.decimal(text) == nil, "\(text)")
        }
    }

    @Test("plain digits read as Int(_:) reads them; signs and other text left to it")
    func integers() {
        for text in ["0", "7", "007", "123456789012345678", "42"] {
            #expect(Self.digits(text) == Int(text), "\(text)")
        }
        for text in ["", "+1", "-1", "1.0", "1234567890123456789", " 1", "٣"] {
            #expect(Self.digits(text) == nil, "\(text)")
        }
    }

    @Test("the byte paths log what the String paths log")
    func problemsStillReported() {
        let cell = FieldParsing(file: "moocs.csv")
        var log = DiagnosticLog()
        let year = Array("1899".utf8).withUnsafeBytes { cell.integer(bytes: $0, column: "previous_award_year", at: 3, 18, min: 1900, log: &log) }
        let share = Array("-0.5".utf8).withUnsafeBytes { cell.number(bytes: $0, column: "citation_share", at: 4, 17, log: &log) }
        #expect(year == nil && share == nil)
        #expect(log.diagnostics.map(\.line) == [3, 4])
    }

    /// `ISO8601.fixedLayoutSeconds` reads the two common full forms at fixed
    /// positions and must answer as the general reader does: the same
    /// instant, or nil for the same invalid values (a month 13, a 30
    /// February, an hour 24, an offset of 15 hours, a letter for a digit, a
    /// space for the `T`), and leave every other form to it.
    @Test("timestamps: the fixed-layout path gives the general reader's instant or nil (seeded, 200 k values)")
    func timestampsAgreeWithGeneralReader() {
        var rng = SeededGenerator(seed: 8601)
        func pick(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var fixed = 0, valid = 0
        for _ in 0..<200_000 {
            var text = "\(pick(1899...2101))-\(two(pick(0...13)))-\(two(pick(0...31)))"
            text += pick(0...20) == 0 ? " " : "T"
            text += "\(two(pick(0...24))):\(two(pick(0...60))):\(two(pick(0...61)))"
            switch pick(0...5) {
            case 0: text += "Z"
            case 1: text += ".5Z"
            case 2: text += ""
            default: text += (pick(0...1) == 0 ? "+" : "-") + "\(two(pick(0...15))):\(two(pick(0...60)))"
            }
            if pick(0...30) == 0 {
                var bytes = Array(text.utf8)
                bytes[pick(0...bytes.count - 1)] = [UInt8(ascii: "x"), UInt8(ascii: ":"), UInt8(ascii: "5")][pick(0...2)]
                text = String(decoding: bytes, as: UTF8.self)
            }
            Array(text.utf8).withUnsafeBytes { b in
                let general = ISO8601.cursorSeconds(b)
                if let f = ISO8601.fixedLayoutSeconds(b) {
                    fixed += 1
                    #expect(f == general, "\(text)")
                }
                #expect(ISO8601.secondsSinceEpoch(b) == general, "\(text)")
                if general != nil { valid += 1 }
            }
        }
        #expect(fixed > 50_000 && valid > 50_000)
        let sample = Array("2025-05-13T10:55:00+05:00".utf8).withUnsafeBytes { ISO8601.fixedLayoutSeconds($0) }
        #expect(sample == 1_747_115_700)
    }
}

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
}

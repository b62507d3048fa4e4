import Testing
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
}

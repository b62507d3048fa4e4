/// CSV output per RFC 4180: fields with commas, quotes or line breaks quoted.
///
/// The test is on bytes: a comma, a quote, CR or LF anywhere in the field's
/// UTF-8 quotes it, also where Swift's `Character` would hide it in a larger
/// grapheme cluster ("\r\n", or a comma followed by a combining mark).
/// These four are ASCII and never part of a longer UTF-8 sequence.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted when it holds a comma, a quote or a line break.
    static func field(_ f: String) -> String {
        var out: [UInt8] = []
        appendField(f, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(f)` appended as UTF-8.
    static func appendField(_ f: String, to out: inout [UInt8]) {
        var f = f
        f.withUTF8 { appendField(utf8: UnsafeRawBufferPointer($0), to: &out) }
    }

    /// A field's UTF-8 appended as it is, or quoted with each quote doubled
    /// when it holds a comma, a quote, CR or LF (any script, no `String` made).
    static func appendField(utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var special = false
        for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            special = true
            break
        }
        guard special else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for b in utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }
}

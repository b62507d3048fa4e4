/// Text helpers for the eligibility messages (the engine does not import
/// Foundation, so no `NumberFormatter` or `trimmingCharacters`).
enum EligibilityText {
    /// `text` without leading and trailing white space (Unicode `isWhitespace`).
    ///
    /// A text that starts and ends with a printable ASCII byte (`!` … `~`)
    /// is returned whole without looking at its characters: a character's
    /// `isWhitespace` is its first scalar's, the first character's first
    /// scalar is then that byte (the standard library's
    /// `Character.isWhitespace` is `_firstScalar.properties.isWhitespace`,
    /// CharacterProperties.swift), and the last character's first scalar is
    /// the last byte or a Unicode Prepend scalar before it (a grapheme
    /// cluster joins a following letter only to a Prepend scalar, UAX #29
    /// GB9b), none of which is white space.
    static func trimmed<S: StringProtocol>(_ text: S) -> Substring where S.SubSequence == Substring {
        let whole = text[text.startIndex...]
        if let head = whole.utf8.first, let tail = whole.utf8.last,
           (0x21...0x7E).contains(head), (0x21...0x7E).contains(tail) {
            return whole
        }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    /// A number as a secretary writes it: `212`, `212.5`, `0.07` — no trailing
    /// `.0`, otherwise the shortest digits that read back as the same value,
    /// so a value just over a limit never prints as the limit itself.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return "\(Int64(x))" }
        return "\(x)"
    }

    /// `x` rounded half away from zero to at most `decimals` decimals, printed
    /// as by `number`: `1.3333…` → `1.333`.
    static func number(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return number((x * scale).rounded() / scale)
    }

    /// A share 0–1 as a percentage to two decimals: `0.07` → `7 %` (the
    /// product `0.07 * 100` is 7.000000000000001 in binary floating point).
    static func percent(_ share: Double) -> String {
        "\(number(share * 100, decimals: 2)) %"
    }

    /// A positive duration in whole seconds as `2 d 3 h 5 min 7 s`, leaving out
    /// zero units.
    static func duration(seconds: Int64) -> String {
        let units: [(Int64, String)] = [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")]
        var rest = seconds
        var parts: [String] = []
        for (size, name) in units where rest >= size {
            parts.append("\(rest / size) \(name)")
            rest %= size
        }
        return parts.isEmpty ? "0 s" : parts.joined(separator: " ")
    }

    /// `["de", "fr"]` → `'de', 'fr'`.
    static func quotedList<S: StringProtocol>(_ items: [S]) -> String {
        items.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `["a", "b", "c"]` → `a, b or c` (with `last: "or"`).
    static func series(_ items: [String], last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(last) " + items[items.count - 1]
    }

    /// `1 cohort`, `0 cohorts`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

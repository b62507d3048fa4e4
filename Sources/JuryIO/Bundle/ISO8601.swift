import JuryEngine

/// Parses the ISO 8601 timestamps of bundles: `YYYY-MM-DD`, optionally
/// followed by `THH:MM`, `:SS`, a fraction, and `Z` or `±HH:MM`. A value
/// without an offset is read as UTC; a date alone as its midnight, UTC.
/// Returns nil for anything else (the caller reports it).
enum ISO8601 {
    static func parse(_ text: String) -> Timestamp? {
        var text = text
        guard let seconds = text.withUTF8({ secondsSinceEpoch(UnsafeRawBufferPointer($0)) }) else { return nil }
        return Timestamp(text: text, secondsSinceEpoch: seconds)
    }

    /// The instant of a timestamp given as UTF-8 bytes, or nil when it is not one.
    static func secondsSinceEpoch(_ b: UnsafeRawBufferPointer) -> Int64? {
        fixedLayoutSeconds(b) ?? cursorSeconds(b)
    }

    /// The common full forms, `YYYY-MM-DDTHH:MM:SS±HH:MM` (25 bytes) and
    /// `YYYY-MM-DDTHH:MM:SSZ` (20 bytes), read at fixed positions; nil for
    /// anything else, valid or not, which `cursorSeconds` then reads. The
    /// same checks and the same instant as `cursorSeconds` (a seeded test
    /// compares them); about a fifth of its time, and a course has one.
    static func fixedLayoutSeconds(_ b: UnsafeRawBufferPointer) -> Int64? {
        let n = b.count
        guard n == 25 || n == 20, let p = b.baseAddress else { return nil }
        @inline(__always) func byte(_ i: Int) -> UInt8 { p.load(fromByteOffset: i, as: UInt8.self) }
        /// Two digits at i, or -1 when either is not a digit.
        @inline(__always) func two(_ i: Int) -> Int {
            let hi = byte(i) &- 48, lo = byte(i + 1) &- 48
            return hi <= 9 && lo <= 9 ? Int(hi) * 10 + Int(lo) : -1
        }
        guard byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"), byte(10) == UInt8(ascii: "T"),
              byte(13) == UInt8(ascii: ":"), byte(16) == UInt8(ascii: ":") else { return nil }
        let century = two(0), yy = two(2), month = two(5), day = two(8)
        let hour = two(11), minute = two(14), second = two(17)
        guard century >= 0, yy >= 0, (1...12).contains(month), day >= 1, hour >= 0, hour < 24,
              minute >= 0, minute < 60, second >= 0, second < 61 else { return nil }
        let year = century * 100 + yy
        guard day <= daysIn(month: month, year: year) else { return nil }
        var offset = 0
        if n == 20 {
            guard byte(19) == UInt8(ascii: "Z") else { return nil }
        } else {
            let sign = byte(19)
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), byte(22) == UInt8(ascii: ":") else { return nil }
            let oh = two(20), om = two(23)
            guard oh >= 0, oh <= 14, om >= 0, om < 60 else { return nil }
            offset = (sign == UInt8(ascii: "+") ? 1 : -1) * (oh * 3600 + om * 60)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    /// Any form the type's documentation lists, read by a cursor.
    static func cursorSeconds(_ b: UnsafeRawBufferPointer) -> Int64? {
        var cursor = Cursor(bytes: b)
        guard let year = cursor.digits(4), cursor.skip("-"), let month = cursor.digits(2), cursor.skip("-"),
              let day = cursor.digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = 0
        var offset = 0
        if !cursor.atEnd {
            guard cursor.skip("T") || cursor.skip(" "), let hour = cursor.digits(2), cursor.skip(":"),
                  let minute = cursor.digits(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if cursor.skip(":") {
                guard let s = cursor.digits(2), s < 61 else { return nil }
                second = s
                if cursor.skip(".") || cursor.skip(",") {
                    guard cursor.skipDigits() > 0 else { return nil }
                }
            }
            seconds = hour * 3600 + minute * 60 + second
            if !cursor.atEnd {
                if cursor.skip("Z") {
                } else if let sign = cursor.sign() {
                    guard let oh = cursor.digits(2), oh <= 14 else { return nil }
                    _ = cursor.skip(":")
                    guard let om = cursor.digits(2), om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            guard cursor.atEnd else { return nil }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Int64(days) * 86_400 + Int64(seconds - offset)
    }

    /// A position in the bytes being parsed. A value type with mutating
    /// methods, not local functions capturing a variable: those pay a runtime
    /// exclusivity check per call, which was most of the time of
    /// reading `moocs.csv`'s timestamps.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        var atEnd: Bool { i >= bytes.count }

        /// The value of the next `n` ASCII digits, consumed; nil (nothing consumed) otherwise.
        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= bytes.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = bytes[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }

        /// Consumes `c` when it is the next byte.
        mutating func skip(_ c: Unicode.Scalar) -> Bool {
            guard i < bytes.count, bytes[i] == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }

        /// Consumes a run of ASCII digits; returns how many.
        mutating func skipDigits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            return i - start
        }

        /// Consumes a `+` (1) or `-` (−1).
        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

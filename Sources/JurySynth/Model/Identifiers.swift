/// How the generator names things: a one-letter prefix and a zero-padded,
/// 1-based number (`E000001`), as wide as the largest number needs but never
/// narrower than a minimum, so ids sort like their numbers and the pandas peer
/// can read an expert's number as `id[1:]`. Item `index` is numbered
/// `offset + index + 1`: courses and authors of later years continue the
/// numbering of earlier ones, since an id names the same thing in every year.
struct Identifiers: Sendable {
    let prefix: UInt8
    let width: Int
    let offset: Int

    /// `count`: the largest number used, across every year.
    init(prefix: Character, count: Int, minimumWidth: Int, offset: Int = 0) {
        self.prefix = prefix.asciiValue!
        self.offset = offset
        var digits = 1
        var n = max(count, 1)
        while n >= 10 { n /= 10; digits += 1 }
        width = max(minimumWidth, digits)
    }

    /// Bytes of one id: the prefix and the digits.
    var length: Int { 1 + width }

    /// The id of item `index` (0-based), numbered from 1.
    func callAsFunction(_ index: Int) -> String {
        let digits = String(offset + index + 1)
        return String(UnicodeScalar(prefix)) + String(repeating: "0", count: width - digits.count) + digits
    }

    /// Identifiers of one year's bundle.
    struct Set: Sendable {
        let expert: Identifiers
        let course: Identifiers
        let author: Identifiers
        let faculty: Identifiers
        let department: Identifiers

        /// `authorOffset`: the authors of the earlier years. Author ids are as
        /// wide as the most authors all years could have (two per course), so
        /// that the width is known before the later years are drawn.
        init(config: SynthConfig, year: Int, authorOffset: Int) {
            expert = Identifiers(prefix: "E", count: config.experts, minimumWidth: 6)
            course = Identifiers(prefix: "M", count: config.courses * config.years, minimumWidth: 7,
                                 offset: year * config.courses)
            author = Identifiers(prefix: "A", count: 2 * config.courses * config.years, minimumWidth: 7,
                                 offset: authorOffset)
            faculty = Identifiers(prefix: "F", count: config.faculties, minimumWidth: 2)
            department = Identifiers(prefix: "D", count: config.departments, minimumWidth: 3)
        }
    }
}

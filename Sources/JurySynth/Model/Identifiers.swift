/// How the generator names things: a one-letter prefix and a zero-padded,
/// 1-based number (`E000001`), as wide as the largest number needs but never
/// narrower than a minimum, so ids sort like their numbers and the pandas peer
/// can read an expert's number as `id[1:]`.
struct Identifiers: Sendable {
    let prefix: UInt8
    let width: Int

    init(prefix: Character, count: Int, minimumWidth: Int) {
        self.prefix = prefix.asciiValue!
        var digits = 1
        var n = max(count, 1)
        while n >= 10 { n /= 10; digits += 1 }
        width = max(minimumWidth, digits)
    }

    /// Bytes of one id: the prefix and the digits.
    var length: Int { 1 + width }

    /// The id of item `index` (0-based), numbered from 1.
    func callAsFunction(_ index: Int) -> String {
        let digits = String(index + 1)
        return String(UnicodeScalar(prefix)) + String(repeating: "0", count: width - digits.count) + digits
    }

    /// Identifiers of one bundle's experts, courses, authors, faculties and departments.
    struct Set: Sendable {
        let expert: Identifiers
        let course: Identifiers
        let author: Identifiers
        let faculty: Identifiers
        let department: Identifiers

        init(config: SynthConfig, authorCount: Int) {
            expert = Identifiers(prefix: "E", count: config.experts, minimumWidth: 6)
            course = Identifiers(prefix: "M", count: config.courses, minimumWidth: 7)
            author = Identifiers(prefix: "A", count: authorCount, minimumWidth: 7)
            faculty = Identifiers(prefix: "F", count: config.faculties, minimumWidth: 2)
            department = Identifiers(prefix: "D", count: config.departments, minimumWidth: 3)
        }
    }
}

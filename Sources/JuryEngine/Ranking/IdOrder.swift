/// The order of the ranking candidates' ids, and each candidate's lot.
///
/// `rank[i]` is candidate i's place when the candidates are sorted by id
/// (Swift's `String` `<`; equal ids by position, as a stable sort leaves
/// them), so that ranking compares integers, not strings. When every
/// candidate's id is ASCII the ids are compared as bytes, without making a
/// `String`: `String` `<` orders by Unicode scalar values of the
/// canonically composed (NFC) strings, an ASCII string is its own NFC form
/// with one scalar per byte, and so for ASCII strings `<` is the
/// lexicographic order of their bytes (a prefix first). Otherwise the ids
/// are made into `String`s and compared as such.
struct IdOrder {
    /// Each candidate's place in id order.
    let rank: [Int32]
    /// The candidates in id order (`byId[rank[i]] == i`).
    let byId: [Int32]
    /// The candidates' ids as strings, when some candidate's id is not ASCII.
    private let strings: [String]?
    private let courses: [Int32]
    private let ids: TextColumn

    init(courses: [Int32], ids: TextColumn) {
        self.courses = courses
        self.ids = ids
        let n = courses.count
        let ascii = ids.withUTF8Rows { rows in
            courses.allSatisfy { c in
                var any: UInt8 = 0
                for b in rows[Int(c)] { any |= b }
                return any < 0x80
            }
        }
        if ascii {
            strings = nil
            let ascending = ids.withUTF8Rows { rows in
                courses.withUnsafeBufferPointer { courses in
                    for i in courses.indices.dropFirst()
                    where !Self.less(rows[Int(courses[i - 1])], rows[Int(courses[i])]) {
                        return false
                    }
                    return true
                }
            }
            if ascending {
                byId = (0..<n).map { Int32($0) }
            } else {
                var order = (0..<n).map { Int32($0) }
                ids.withUTF8Rows { rows in
                    courses.withUnsafeBufferPointer { courses in
                        order.sort { a, b in
                            let x = rows[Int(courses[Int(a)])], y = rows[Int(courses[Int(b)])]
                            if Self.less(x, y) { return true }
                            if Self.less(y, x) { return false }
                            return a < b
                        }
                    }
                }
                byId = order
            }
        } else {
            let strings = courses.map { ids[Int($0)] }
            self.strings = strings
            var ascending = true
            for i in strings.indices.dropFirst() where !(strings[i - 1] < strings[i]) {
                ascending = false
                break
            }
            byId = ascending ? (0..<n).map { Int32($0) } : (0..<n).sorted { strings[$0] < strings[$1] }.map { Int32($0) }
        }
        var rank = [Int32](repeating: 0, count: n)
        for (position, c) in byId.enumerated() { rank[Int(c)] = Int32(position) }
        self.rank = rank
    }

    /// Lexicographic order of bytes, a proper prefix first.
    @inline(__always)
    static func less(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = min(x.count, y.count)
        var i = 0
        while i < m {
            if x[i] != y[i] { return x[i] < y[i] }
            i += 1
        }
        return x.count < y.count
    }

    /// Candidate i's lot (`Ranking.lotDraw` of its id).
    func lot(_ i: Int, seed: UInt64) -> Double {
        if let strings { return Ranking.lotDraw(seed: seed, id: strings[i]) }
        return ids.withUTF8Rows { Ranking.lotDraw(seed: seed, utf8: $0[Int(courses[i])]) }
    }
}

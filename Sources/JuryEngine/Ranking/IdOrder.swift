/// The order of the ranking candidates' ids, and each candidate's lot.
///
/// `rank(i)` is candidate i's place when the candidates are sorted by id
/// (Swift's `String` `<`; equal ids by position, as a stable sort leaves
/// them), so that ranking compares integers, not strings. When every
/// candidate's id is ASCII the ids are compared as bytes, without making a
/// `String`: `String` `<` orders by Unicode scalar values of the
/// canonically composed (NFC) strings, an ASCII string is its own NFC form
/// with one scalar per byte, and so for ASCII strings `<` is the
/// lexicographic order of their bytes (a prefix first). Otherwise the ids
/// are made into `String`s and compared as such. Candidates already in id
/// order, as courses are read, take one pass to check and no table.
struct IdOrder {
    /// The candidates in id order; nil when that is their own order.
    let byId: [Int32]?
    /// Each candidate's place in id order; nil when that is its position.
    private let places: [Int32]?
    /// The candidates' ids as strings, when some candidate's id is not ASCII.
    private let strings: [String]?
    private let ids: TextColumn

    init(_ candidates: [Ranking.Candidate], ids: TextColumn) {
        self.ids = ids
        let n = candidates.count
        // Whether every id is ASCII, and then whether the candidates are in
        // id order: one pass over ranges of candidates on every core (each
        // range compares its first id with the one before it too).
        let ascii = ids.withUTF8Rows { rows in
            Concurrently.mapRanges(n, minimum: Self.candidatesPerRange) { range in
                candidates[range].allSatisfy { c in
                    var any: UInt8 = 0
                    for b in rows[Int(c.course)] { any |= b }
                    return any < 0x80
                }
            }.allSatisfy { $0 }
        }
        var byId: [Int32]?
        if ascii {
            strings = nil
            let ascending = ids.withUTF8Rows { rows in
                Concurrently.mapRanges(n, minimum: Self.candidatesPerRange) { range in
                    for i in range.dropFirst(range.lowerBound == 0 ? 1 : 0)
                    where !Self.less(rows[Int(candidates[i - 1].course)], rows[Int(candidates[i].course)]) {
                        return false
                    }
                    return true
                }.allSatisfy { $0 }
            }
            if !ascending {
                var order = (0..<Int32(n)).map { $0 }
                ids.withUTF8Rows { rows in
                    order.sort { a, b in
                        let x = rows[Int(candidates[Int(a)].course)], y = rows[Int(candidates[Int(b)].course)]
                        if Self.less(x, y) { return true }
                        if Self.less(y, x) { return false }
                        return a < b
                    }
                }
                byId = order
            }
        } else {
            let strings = candidates.map { ids[Int($0.course)] }
            self.strings = strings
            var ascending = true
            for i in strings.indices.dropFirst() where !(strings[i - 1] < strings[i]) {
                ascending = false
                break
            }
            if !ascending { byId = (0..<n).sorted { strings[$0] < strings[$1] }.map { Int32($0) } }
        }
        self.byId = byId
        if let byId {
            var places = [Int32](repeating: 0, count: n)
            for (position, c) in byId.enumerated() { places[Int(c)] = Int32(position) }
            self.places = places
        } else {
            places = nil
        }
    }

    /// Candidates checked by one task at least (the checks' outcome is the
    /// same for any value).
    static let candidatesPerRange = 1 << 16

    /// Candidate i's place in id order.
    @inline(__always)
    func rank(_ i: Int) -> Int32 { places?[i] ?? Int32(i) }

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

    /// The lot (`Ranking.lotDraw`) of candidate i, of the given course.
    func lot(_ i: Int, course: Int32, seed: UInt64) -> Double {
        if let strings { return Ranking.lotDraw(seed: seed, id: strings[i]) }
        return ids.withUTF8Rows { Ranking.lotDraw(seed: seed, utf8: $0[Int(course)]) }
    }
}

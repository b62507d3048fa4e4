import JuryEngine
import Testing
@testable import JuryIO

/// `IdIndex`: hashed lookups, and the direct path for ids made of a fixed
/// prefix and a fixed number of digits, which must answer exactly as the
/// hashed one does.
@Suite("id index: hashed and direct lookups agree")
struct IdIndexTests {
    func lookup(_ index: IdIndex, _ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { index.lookup(UnsafeRawBufferPointer($0)) }
    }

    /// Lookups of `probes` in an index of `ids` hashed from the start, and
    /// in one built as the reader builds it (direct while the ids allow).
    func both(_ ids: [String], probes: [String]) -> (hashed: [Int32?], direct: [Int32?]) {
        var hashed = IdIndex()
        hashed.buildHashTable()
        var direct = IdIndex()
        for id in ids {
            let h = hashed.insert(id), d = direct.insert(id)
            #expect(h == d)
        }
        #expect(!hashed.isDirect)
        direct.optimizeForLookups()
        return (probes.map { lookup(hashed, $0) }, probes.map { lookup(direct, $0) })
    }

    @Test("several shapes of ids: every present id found, every other key absent")
    func severalShapes() {
        func padded(_ prefix: String, _ n: Int, width: Int) -> String {
            let digits = String(n)
            return prefix + String(repeating: "0", count: width - digits.count) + digits
        }
        var ids: [String] = (1...500).map { padded("E", $0, width: 6) }
        ids += (1...300).map { padded("A", $0, width: 7) }
        ids += ["M01", "M02", "M07"]
        let probes = ids + ["E000000", "E000501", "E00001", "E0000001", "A0000301", "X000001", "e000001", "E00000a",
                            "", "M03", "M1", "M001", "A000000１"]
        let (hashed, direct) = both(ids.reversed() + ids, probes: probes)
        #expect(hashed == direct)
        for (i, _) in ids.enumerated() { #expect(direct[i] == Int32(ids.count - 1 - i)) }
        #expect(direct[ids.count...].allSatisfy { $0 == nil })
    }

    /// The direct path tries the last id's shape first: ids whose shapes
    /// change at every insert, and keys that match the last shape's prefix
    /// with another number of digits, must be placed as the hashed index
    /// places them.
    @Test("shapes alternating id by id: the direct path stays direct and answers as the hashed one")
    func alternatingShapes() {
        var ids: [String] = []
        for n in 1...400 {
            ids.append("F\(n % 10)")
            ids.append("D" + String(repeating: "0", count: 3 - String(n).count) + String(n))
            ids.append("D" + String(repeating: "0", count: 4 - String(n).count) + String(n))
        }
        var direct = IdIndex()
        var hashed = IdIndex()
        hashed.buildHashTable()
        for id in ids { #expect(direct.insert(id) == hashed.insert(id)) }
        #expect(direct.isDirect)
        let probes = ids + ["F10", "D401", "D0401", "D00001", "F", "D"]
        #expect(probes.map { lookup(direct, $0) } == probes.map { lookup(hashed, $0) })
        #expect(lookup(direct, "D001") != lookup(direct, "D0001"))
    }

    @Test("ids of one shape in any order stay direct; one id of another kind makes the index hashed")
    func directUntilAnOddId() {
        var index = IdIndex()
        for n in [5, 1, 9, 3, 700, 2] { index.insert("F" + String(n)) }
        index.insert("D012")
        #expect(index.isDirect && lookup(index, "F700") == 4 && lookup(index, "D12") == nil && lookup(index, "D012") == 6)
        index.insert("F-x")
        #expect(!index.isDirect && lookup(index, "F700") == 4 && lookup(index, "F-x") == 7)
        index.optimizeForLookups()
        #expect(!index.isDirect && lookup(index, "D012") == 6)
    }

    @Test("dense ids inserted largest first leave the direct path; optimising takes it again, same answers")
    func largestFirst() {
        var index = IdIndex()
        for n in stride(from: 5000, through: 1, by: -1) { index.insert("M" + String(n)) }
        #expect(!index.isDirect)
        let before = ["M5000", "M1", "M2500", "M0", "M5001"].map { lookup(index, $0) }
        index.optimizeForLookups()
        #expect(index.isDirect)
        #expect(["M5000", "M1", "M2500", "M0", "M5001"].map { lookup(index, $0) } == before)
        #expect(before == [0, 4999, 2500, nil, nil])
    }

    @Test("ids of no common shape, or sparse numbers, stay hashed and still answer")
    func fallbacks() {
        let free = ["alpha", "beta", "E1", "E2", "Ж-7", "x1y2"]
        let (h1, d1) = both(free, probes: free + ["gamma", "E3"])
        #expect(h1 == d1 && d1.prefix(free.count).elementsEqual((0..<Int32(free.count)).map(Optional.some)))
        let sparse = ["C1", "C999999999"]
        let (h2, d2) = both(sparse, probes: sparse + ["C2"])
        #expect(h2 == d2 && d2 == [0, 1, nil])
    }

    @Test("an insert after optimising drops the direct path and is found")
    func insertAfterOptimising() {
        var index = IdIndex()
        for i in 1...100 { index.insert("P\(1000 + i)") }
        index.optimizeForLookups()
        let (added, inserted) = index.insert("Q7")
        #expect(inserted && lookup(index, "Q7") == added && lookup(index, "P1001") == 0)
        #expect(index.insert("P1050") == (49, false))
    }

    @Test("the empty id is one id, given with or without an address")
    func emptyKey() {
        var index = IdIndex()
        index.insert("F1")
        #expect(index.insert(utf8: UnsafeRawBufferPointer(start: nil, count: 0)) == (1, true))
        #expect(index.insert("") == (1, false))
        #expect(lookup(index, "") == 1 && index.count == 2)
        var units = UnitInterner()
        let blank = units.unit(FieldParsing.empty)
        #expect(units.unit(named: "") == blank && units.unit(named: "F9") == 1 && units.names.count == 2)
    }

    /// The direct path keeps no id's bytes: leaving it spells every id again
    /// from its shape and number. Seeded sequences of ids of several shapes
    /// (leading zeros, numbers up to nine digits, repeats), left at a random
    /// point by an id of no shape (no digits at its end), must give the inserts and lookups of an
    /// index hashed from the start, and the ids spelled again must be the
    /// ones given (a probe one digit longer or shorter must not match).
    @Test("leaving the direct path at any point: the ids spelled again are the ones given", arguments: 0..<40)
    func leavingTheDirectPath(seed: UInt64) {
        var g = SeededGenerator(seed: 900 + seed)
        let shapes: [(prefix: String, digits: Int)] = [("E", 6), ("M", 7), ("F", 1), ("DEP-", 3), ("Ж", 9), ("A", 2)]
        func id(_ shape: Int, _ n: Int) -> String {
            let digits = String(n)
            return shapes[shape].prefix + String(repeating: "0", count: max(0, shapes[shape].digits - digits.count)) + digits
        }
        var ids: [String] = []
        let total = Int.random(in: 50...600, using: &g)
        let odd = Int.random(in: 0...total, using: &g)
        for i in 0..<total {
            if i == odd { ids.append(["x-\(i)y", "", "E", "Ж-\(i)-"][Int.random(in: 0..<4, using: &g)]) }
            let s = Int.random(in: 0..<shapes.count, using: &g)
            let limit = min((0..<shapes[s].digits).reduce(1) { p, _ in p * 10 } - 1, 900)
            ids.append(id(s, Int.random(in: 0...limit, using: &g)))
        }
        var hashed = IdIndex()
        hashed.buildHashTable()
        var direct = IdIndex()
        for id in ids { #expect(direct.insert(id) == hashed.insert(id)) }
        #expect(!direct.isDirect && direct.count == hashed.count)
        let probes = ids + ids.map { $0 + "0" } + ids.map { String($0.dropLast()) } + ["E1000000", "F10"]
        #expect(probes.map { lookup(direct, $0) } == probes.map { lookup(hashed, $0) })
        direct.optimizeForLookups()
        #expect(probes.map { lookup(direct, $0) } == probes.map { lookup(hashed, $0) })
        // The direct path left by the test's own call, with no odd id at all.
        var only = IdIndex(), reference = IdIndex()
        reference.buildHashTable()
        let regular = ids.filter { id in shapes.contains { id.hasPrefix($0.prefix) && id.count == $0.prefix.count + $0.digits } }
        for id in regular { #expect(only.insert(id) == reference.insert(id)) }
        #expect(only.isDirect)
        only.buildHashTable()
        #expect(!only.isDirect)
        #expect(probes.map { lookup(only, $0) } == probes.map { lookup(reference, $0) })
    }

}

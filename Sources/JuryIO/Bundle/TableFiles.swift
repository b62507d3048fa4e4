import Foundation
import JuryEngine

/// Reads two table files (`people.csv` and `moocs.csv`) together on every
/// core: each is split into ranges (the first half of the file in one, the
/// rest in ranges of about the same size: `TableFileReader.split`), the
/// ranges of both are read at the same time, then each file's parts are
/// joined in file order, the two joins side by side. Read apart, one file
/// after the other or each on its own core, the larger file would leave a
/// core idle.
enum TableFiles {
    /// - Parameters:
    ///   - ranges: how many ranges to split each file into; nil chooses by
    ///     file size and cores. The outcome is the same for any values.
    static func read<A: TableRowParser, B: TableRowParser>(_ a: TableFileReader<A>?, _ b: TableFileReader<B>?, ranges: (Int?, Int?) = (nil, nil))
        -> (TableFileReader<A>.Joined?, TableFileReader<B>.Joined?) {
        var a = a, b = b
        let chosen = RecordRanges.counts(forBodies: [a?.bodyBytes ?? 0, b?.bodyBytes ?? 0])
        a?.split(ranges: ranges.0 ?? chosen[0])
        b?.split(ranges: ranges.1 ?? chosen[1])
        let countA = a?.rangeCount ?? 0, countB = b?.rangeCount ?? 0
        let fileA = a, fileB = b
        // The first (largest) range of each file first, then the others in
        // file order: the small ones fill in where a core finishes early.
        // Each file's parts come out in range order.
        var order: [(file: Int, range: Int)] = []
        if countA > 0 { order.append((0, 0)) }
        if countB > 0 { order.append((1, 0)) }
        order += (0..<countA).dropFirst().map { (0, $0) }
        order += (0..<countB).dropFirst().map { (1, $0) }
        var parts = Concurrently.map(order.count) { i -> (TablePart<A.Rows>?, TablePart<B.Rows>?) in
            order[i].file == 0 ? (fileA?.parse(range: order[i].range), nil) : (nil, fileB?.parse(range: order[i].range))
        }
        var partsA = parts.compactMap { $0.0 }, partsB = parts.compactMap { $0.1 }
        parts = []
        let joined = Concurrently.run({ fileA?.join(&partsA) }, { fileB?.join(&partsB) })
        FreedMemory.release()
        return joined
    }
}

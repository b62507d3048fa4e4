import Foundation

/// Splits the body of a CSV file (the records after its header) into byte
/// ranges that start at line ends, so that the ranges can be read at the
/// same time by `CSVReader(path:range:)`.
///
/// A split lands at the start of a line, which is the start of a record
/// unless the line lies inside a quoted field that spans lines. Readers of
/// the ranges check that: a range whose last record did not end exactly
/// where the next range starts tells that the next range began inside a
/// quoted field, and the rest of the file must be read again, on one core,
/// from where that range stopped.
enum RecordRanges {
    /// Files smaller than this are read by one core: splitting costs more
    /// than it saves.
    static let minimumParallelBytes = 4 << 20

    /// How many ranges to split each of several files read at the same
    /// time into, given the bytes of their records: ranges of about the same
    /// size for all, several per core so that the cores finish together
    /// (the last range of one file does not run alone); one range for a
    /// file below `minimumParallelBytes`, or on one core.
    static func counts(forBodies bodies: [Int], cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Int] {
        guard cores > 1 else { return bodies.map { _ in 1 } }
        let total = bodies.reduce(0, +)
        let target = max(minimumParallelBytes, total / (cores * rangesPerCore))
        return bodies.map { $0 < minimumParallelBytes ? 1 : min(maximumRanges, max(1, ($0 + target / 2) / target)) }
    }

    /// Ranges per core that `counts` aims at.
    static let rangesPerCore = 8

    /// At most this many ranges per file.
    static let maximumRanges = 64

    /// Start offsets of at most `count` ranges covering `bodyStart ..< size`,
    /// the first at `bodyStart`, each later one just past a line feed;
    /// range `i` is `starts[i] ..< starts[i + 1]` (the last one runs to the
    /// end). Fewer ranges when the file has too few lines. The ranges are
    /// of about the same size, or, given `firstShare`, the first covers
    /// that share of the body and the others split the rest evenly.
    static func starts(path: String, bodyStart: Int, size: Int, count: Int, firstShare: Double? = nil) -> [Int] {
        var starts = [bodyStart]
        guard count > 1 else { return starts }
        let body = size - bodyStart
        let first = firstShare.map { Int(Double(body) * min(max($0, 0), 1)) }
        for i in 1..<count {
            let guess = first.map { bodyStart + $0 + (body - $0) * (i - 1) / (count - 1) } ?? bodyStart + body * i / count
            guard let next = offsetAfterLineEnd(path: path, from: guess), next > starts[starts.count - 1], next < size else { continue }
            starts.append(next)
        }
        return starts
    }

    /// Size of the file in bytes, or nil when it cannot be read.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The offset just past the first line feed at or after `offset`, or nil.
    static func offsetAfterLineEnd(path: String, from offset: Int) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
            guard n > 0 else { return nil }
            if let i = buffer[0..<n].firstIndex(of: UInt8(ascii: "\n")) { return at + i + 1 }
            at += n
        }
    }
}

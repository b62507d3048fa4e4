#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level RFC 4180 reader that streams a file in blocks.
///
/// - Comma separator; fields may be quoted with `"`, and a quoted field may
///   hold commas, newlines and doubled quotes (`""`).
/// - Records end at LF or CRLF; a UTF-8 byte-order mark at the start is skipped.
/// - Strict UTF-8: a record holding a byte ≥ 0x80 has each of its fields
///   validated, and an invalid one is reported with its line and column.
/// - Line numbers are physical lines: a record's `line` is where it starts,
///   so a quoted newline moves the next record's line on by one.
///
/// Fields are handed out as byte buffers into the reader's own block (no
/// `String` per field); they stay valid until the next call to `next()`.
/// Memory: one block (1 MiB, grown only for a record longer than that).
/// Throughput: one pass over the bytes, no copies except for quoted fields
/// with doubled quotes, which are unescaped in place.
public final class CSVReader {
    /// Why a record could not be read.
    public enum Problem: Sendable, Hashable {
        /// A quoted field opens at `line` and the file ends before it closes.
        case unterminatedQuote(line: Int, column: Int)
        /// A quote inside an unquoted field, or text after a closing quote.
        case strayQuote(line: Int, column: Int)
        /// The field is not valid UTF-8.
        case invalidUTF8(line: Int, column: Int)
    }

    // The reader is used by one thread at a time and its state is touched
    // several times a record: `@exclusivity(unchecked)` drops the runtime
    // exclusivity check of each access (about 4 % of reading a large bundle),
    // which a class's stored properties otherwise pay.
    private let fd: Int32
    @exclusivity(unchecked) private var block: UnsafeMutableRawBufferPointer
    /// Bytes `[position, filled)` of `block` are read but not yet parsed.
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var filled = 0
    @exclusivity(unchecked) private var atEOF = false
    @exclusivity(unchecked) private var nextLine = 1
    @exclusivity(unchecked) private var isFirstRead = true
    /// File offset of `block[0]`.
    @exclusivity(unchecked) private var blockFileOffset = 0
    /// No record starting at or after this file offset is read (see `init(path:range:)`).
    @exclusivity(unchecked) private var limit = Int.max

    /// Field `i` of the current record is `block[fields.start[i] ..< fields.end[i]]`.
    @exclusivity(unchecked) private var fields = FieldOffsets(capacity: 64)
    /// Quoted fields of the current record that hold doubled quotes.
    @exclusivity(unchecked) private var escapedFields: [Int] = []
    /// Whether records without quotes take `scanPlainRecord` (tests turn it
    /// off to compare it with the general scan).
    let usesPlainScan: Bool
    /// Physical line where the current record starts.
    @exclusivity(unchecked) public private(set) var line = 0
    /// Problem with the current record, if any; its fields are then unusable
    /// (for `invalidUTF8`, only that field).
    @exclusivity(unchecked) public private(set) var problem: Problem?

    /// Opens a file for reading. Throws the `errno` text when it cannot be opened.
    public convenience init(path: String, blockSize: Int = 1 << 20) throws(CSVReaderError) {
        try self.init(path: path, blockSize: blockSize, usesPlainScan: true)
    }

    init(path: String, blockSize: Int, usesPlainScan: Bool) throws(CSVReaderError) {
        self.usesPlainScan = usesPlainScan
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVReaderError(path: path, errno: errno) }
        self.fd = fd
        block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(blockSize, 64), alignment: 16)
    }

    /// Reads the records of a file that start inside `range` (byte offsets):
    /// `range.lowerBound` must be the start of a record, and the last record
    /// is read to its end even past `range.upperBound`. Line numbers count
    /// from 1 at `range.lowerBound`; `offset` tells where reading stopped, so
    /// that a caller splitting a file into ranges can check each split fell
    /// between records. A byte-order mark is skipped only at offset 0.
    public convenience init(path: String, range: Range<Int>, blockSize: Int = 1 << 20) throws(CSVReaderError) {
        try self.init(path: path, blockSize: blockSize)
        if range.lowerBound > 0 {
            guard lseek(fd, off_t(range.lowerBound), SEEK_SET) >= 0 else { throw CSVReaderError(path: path, errno: errno) }
            blockFileOffset = range.lowerBound
            isFirstRead = false
        }
        limit = range.upperBound
    }

    /// File offset just past the last record read (where the next one starts).
    public var offset: Int { blockFileOffset + position }

    /// Physical line on which the next record starts.
    public var nextLineNumber: Int { nextLine }

    /// Stops reading before the first record that starts at or after this
    /// file offset (a record already started is still read to its end).
    public func stop(at offset: Int) { limit = offset }

    /// Reads from bytes in memory (tests, small files).
    public init(bytes: [UInt8], usesPlainScan: Bool = true) {
        self.usesPlainScan = usesPlainScan
        fd = -1
        block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 64), alignment: 16)
        bytes.withUnsafeBytes { src in
            if let base = src.baseAddress, src.count > 0 { block.baseAddress?.copyMemory(from: base, byteCount: src.count) }
        }
        filled = bytes.count
        atEOF = true
        skipByteOrderMark()
    }

    deinit {
        if fd >= 0 { close(fd) }
        block.deallocate()
        fields.deallocate()
    }

    /// Number of fields in the current record.
    public var fieldCount: Int { fields.count }

    /// The bytes of field `i` of the current record (unquoted, unescaped).
    @inline(__always)
    public func field(_ i: Int) -> UnsafeRawBufferPointer {
        precondition(i >= 0 && i < fields.count, "field index out of range")
        return UnsafeRawBufferPointer(rebasing: block[fields.start[i] ..< fields.end[i]])
    }

    /// The current record's fields as one value, for loops that read many
    /// fields a record: valid until the next call to `next()`.
    public var record: Record {
        Record(base: UnsafeRawPointer(block.baseAddress!), start: fields.start, end: fields.end, count: fields.count)
    }

    /// The fields of one record: offsets into the reader's block.
    public struct Record {
        let base: UnsafeRawPointer
        let start: UnsafeMutablePointer<Int>
        let end: UnsafeMutablePointer<Int>
        public let count: Int

        @inline(__always)
        public func field(_ i: Int) -> UnsafeRawBufferPointer {
            precondition(i >= 0 && i < count, "field index out of range")
            return UnsafeRawBufferPointer(start: base + start[i], count: end[i] - start[i])
        }

        @inline(__always)
        public func isEmpty(_ i: Int) -> Bool {
            precondition(i >= 0 && i < count, "field index out of range")
            return start[i] == end[i]
        }

        public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }
    }

    /// Field `i` as a `String` (for text columns; not for the hot path).
    public func string(_ i: Int) -> String {
        String(decoding: field(i), as: UTF8.self)
    }

    /// Whether field `i` is empty (a missing value).
    @inline(__always)
    public func isEmpty(_ i: Int) -> Bool {
        precondition(i >= 0 && i < fields.count, "field index out of range")
        return fields.start[i] == fields.end[i]
    }

    /// Moves to the next record. Returns false at the end of the input.
    /// After an unterminated quote, the reader is at its end.
    public func next() throws(CSVReaderError) -> Bool {
        problem = nil
        if blockFileOffset + position >= limit { return false }
        while true {
            if position >= filled {
                if atEOF { return false }
                try refill()
                continue
            }
            if let complete = scanRecord() {
                if complete { return true }
            }
            // The record runs past the bytes read so far.
            if atEOF {
                _ = scanRecord(final: true)
                return true
            }
            try refill()
        }
    }

    // MARK: - Scanning

    /// Scans one record starting at `position`. Returns true when a whole
    /// record was read, nil when more bytes are needed (nothing consumed).
    private func scanRecord(final: Bool = false) -> Bool? {
        if usesPlainScan && scanPlainRecord() { return true }
        return scanAnyRecord(final: final)
    }

    /// The common record: no quote anywhere, and its line end inside the
    /// block. Reads the record a word (8 bytes) at a time and takes each
    /// separator from the word's mask of special bytes (`specialBytes`), so
    /// a field costs one bit scan, whatever its length. Returns false, having
    /// changed nothing the general scan depends on, when it meets a quote or
    /// the end of the bytes read: `scanAnyRecord` then reads the record.
    @inline(__always)
    private func scanPlainRecord() -> Bool {
        guard let raw = block.baseAddress else { return false }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        var fields = self.fields
        fields.count = 0
        defer { self.fields = fields }
        let recordStart = position
        let end = filled
        var i = recordStart
        var fieldStart = i
        var high: UInt64 = 0
        while i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            var special = CSVReader.specialBytes(word)
            if special == 0 {
                high |= word
                i += 8
                continue
            }
            repeat {
                let j = i + special.trailingZeroBitCount >> 3
                let b = base[j]
                if b == UInt8(ascii: "\"") { return false }
                if b == UInt8(ascii: "\n") {
                    var fieldEnd = j
                    if fieldEnd > fieldStart && base[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
                    fields.append(fieldStart, fieldEnd)
                    // The word's bytes before the line feed belong to this record.
                    let before = j - i
                    if before > 0 { high |= word & (UInt64.max >> (64 - 8 * before)) }
                    position = j + 1
                    line = nextLine
                    nextLine += 1
                    problem = nil
                    if high & 0x8080_8080_8080_8080 != 0 {
                        validateUTF8(base: raw, record: recordStart ..< j, fields: fields)
                    }
                    return true
                }
                fields.append(fieldStart, j)
                fieldStart = j + 1
                special &= special &- 1
            } while special != 0
            high |= word
            i += 8
        }
        return false
    }

    /// Sets `problem` to the first field of the record that is not valid
    /// UTF-8, if any. The record's bytes are checked whole first: its
    /// separators and quotes are ASCII, which no multi-byte sequence holds,
    /// so they are valid when each field is (where unescaping left stale
    /// bytes, the whole check may fail on them; the fields are then checked
    /// one by one, which decides).
    private func validateUTF8(base: UnsafeMutableRawPointer, record: Range<Int>, fields: FieldOffsets) {
        if isValidUTF8(UnsafeRawBufferPointer(start: base + record.lowerBound, count: record.count)) { return }
        for f in 0..<fields.count where !isValidUTF8(UnsafeRawBufferPointer(start: base + fields.start[f], count: fields.end[f] - fields.start[f])) {
            problem = .invalidUTF8(line: line, column: f + 1)
            return
        }
    }

    /// Scans any record (quoted fields, problems, the end of the bytes).
    private func scanAnyRecord(final: Bool) -> Bool? {
        // The offsets live in raw memory held in a local copy: no reference
        // counting and no exclusivity check per field.
        var fields = self.fields
        fields.count = 0
        defer { self.fields = fields }
        if !escapedFields.isEmpty { escapedFields.removeAll(keepingCapacity: true) }
        guard let raw = block.baseAddress else { return nil }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let recordStart = position
        var i = recordStart
        let end = filled
        var lines = 0
        var highBits: UInt8 = 0
        var firstProblem: Problem?
        let recordLine = nextLine
        while true {
            // One field.
            let column = fields.count + 1
            if i < end && base[i] == UInt8(ascii: "\"") {
                // Quoted field. Nothing is written until the record is complete:
                // a record cut by the end of the block is scanned again.
                let quoteLine = recordLine + lines
                i += 1
                let start = i
                var closed = false
                var escaped = false
                while i < end {
                    let b = base[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < end && base[i + 1] == UInt8(ascii: "\"") {
                            escaped = true
                            i += 2
                            continue
                        }
                        if i + 1 >= end && !final { return nil }
                        closed = true
                        break
                    }
                    if b == UInt8(ascii: "\n") { lines += 1 }
                    highBits |= b
                    i += 1
                }
                if !closed {
                    if !final { return nil }
                    fields.append(start, i)
                    problem = .unterminatedQuote(line: quoteLine, column: column)
                    position = end
                    nextLine = recordLine + lines
                    line = recordLine
                    return true
                }
                fields.append(start, i)
                if escaped { escapedFields.append(fields.count - 1) }
                i += 1
                // After the closing quote: a separator, a line end, or the end.
                var stray = false
                while i < end && base[i] != UInt8(ascii: ",") && base[i] != UInt8(ascii: "\n") {
                    if !(base[i] == UInt8(ascii: "\r") && (i + 1 == end || base[i + 1] == UInt8(ascii: "\n"))) {
                        stray = true
                    }
                    i += 1
                }
                if stray && firstProblem == nil { firstProblem = .strayQuote(line: recordLine + lines, column: column) }
            } else {
                let start = i
                // Eight bytes at a time while none of them is a comma, a line
                // feed or a quote (the byte loop below takes the word that has one).
                while i + 8 <= end {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if CSVReader.specialBytes(word) != 0 { break }
                    highBits |= CSVReader.highBitsOf(word)
                    i += 8
                }
                while i < end {
                    let b = base[i]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") { break }
                    if b == UInt8(ascii: "\"") && firstProblem == nil {
                        firstProblem = .strayQuote(line: recordLine + lines, column: column)
                    }
                    highBits |= b
                    i += 1
                }
                var fieldEndIndex = i
                if i < end && base[i] == UInt8(ascii: "\n") && fieldEndIndex > start && base[fieldEndIndex - 1] == UInt8(ascii: "\r") {
                    fieldEndIndex -= 1
                } else if i == end && final && fieldEndIndex > start && base[fieldEndIndex - 1] == UInt8(ascii: "\r") {
                    fieldEndIndex -= 1
                }
                fields.append(start, fieldEndIndex)
            }
            if i >= end {
                if !final { return nil }
                position = end
                break
            }
            if base[i] == UInt8(ascii: ",") {
                i += 1
                if i >= end && !final { return nil }
                continue
            }
            // Line feed: the record ends.
            lines += 1
            position = i + 1
            break
        }
        line = recordLine
        nextLine = recordLine + lines
        problem = firstProblem
        for f in escapedFields { unescapeQuotes(field: f, base: base, fields: fields) }
        if problem == nil && highBits >= 0x80 {
            validateUTF8(base: raw, record: recordStart ..< i, fields: fields)
        }
        return true
    }

    /// 0x80 in each byte of `word` that is a comma, a line feed or a double
    /// quote, 0 in the others. For x = word ^ (c × 0x01…01), a byte of x is
    /// zero exactly when `(x & 0x7F) + 0x7F` and x both lack the high bit;
    /// the sum never carries into the next byte, so every position is exact
    /// (Anderson, "Bit Twiddling Hacks", "Determine if a word has a zero
    /// byte"; the carry-free form is that of Mycroft's strlen).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        func notZero(_ x: UInt64) -> UInt64 { ((x & lows) &+ lows) | x }
        let anyNonSpecial = notZero(word ^ (ones &* 0x2C)) & notZero(word ^ (ones &* 0x0A)) & notZero(word ^ (ones &* 0x22))
        return ~anyNonSpecial & ~lows
    }

    /// 0x80 when some byte of `word` is 0x80 or above (not ASCII), else 0.
    @inline(__always)
    static func highBitsOf(_ word: UInt64) -> UInt8 {
        word & 0x8080_8080_8080_8080 != 0 ? 0x80 : 0
    }

    /// Turns each `""` of a quoted field into `"`, in place.
    private func unescapeQuotes(field f: Int, base: UnsafeMutablePointer<UInt8>, fields: FieldOffsets) {
        var read = fields.start[f], write = fields.start[f]
        let end = fields.end[f]
        while read < end {
            base[write] = base[read]
            read += base[read] == UInt8(ascii: "\"") ? 2 : 1
            write += 1
        }
        fields.end[f] = write
    }

    /// Moves the unparsed tail to the front of the block and reads more bytes,
    /// growing the block when a single record fills it.
    private func refill() throws(CSVReaderError) {
        let tail = filled - position
        if position > 0 {
            if tail > 0, let base = block.baseAddress {
                base.copyMemory(from: base + position, byteCount: tail)
            }
            blockFileOffset += position
            position = 0
            filled = tail
        }
        if filled == block.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: block.count * 2, alignment: 16)
            if let dst = bigger.baseAddress, let src = block.baseAddress { dst.copyMemory(from: src, byteCount: filled) }
            block.deallocate()
            block = bigger
        }
        let n = read(fd, block.baseAddress! + filled, block.count - filled)
        if n < 0 { throw CSVReaderError(path: "", errno: errno) }
        if n == 0 { atEOF = true }
        filled += n
        if isFirstRead {
            isFirstRead = false
            skipByteOrderMark()
        }
    }

    private func skipByteOrderMark() {
        guard filled - position >= 3, let base = block.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        if base[position] == 0xEF && base[position + 1] == 0xBB && base[position + 2] == 0xBF { position += 3 }
    }
}

/// Start and end offsets of the fields of one record, in memory the reader
/// allocates and frees itself; a copy shares the memory (the reader keeps
/// one and works on a local copy during a scan).
struct FieldOffsets {
    var start: UnsafeMutablePointer<Int>
    var end: UnsafeMutablePointer<Int>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
        end = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ s: Int, _ e: Int) {
        if count == capacity { grow() }
        start[count] = s
        end[count] = e
        count += 1
    }

    private mutating func grow() {
        let bigger = capacity * 2
        let newStart = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        let newEnd = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        newStart.update(from: start, count: count)
        newEnd.update(from: end, count: count)
        start.deallocate()
        end.deallocate()
        start = newStart
        end = newEnd
        capacity = bigger
    }

    func deallocate() {
        start.deallocate()
        end.deallocate()
    }
}

/// The file could not be opened or read.
public struct CSVReaderError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var errno: Int32

    public var description: String {
        let text = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
        return path.isEmpty ? text : "\(path): \(text)"
    }
}

/// Strict UTF-8 validation (no overlongs, no surrogates, at most U+10FFFF),
/// per the Unicode Standard, table 3-7. ASCII is skipped eight bytes at a
/// time, and a two-byte sequence (Cyrillic, Kazakh) is checked without the
/// general table.
@inline(__always)
func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    var i = 0
    let n = bytes.count
    while i < n {
        while i + 8 <= n && p.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        if i >= n { break }
        let b0 = p.load(fromByteOffset: i, as: UInt8.self)
        if b0 < 0x80 { i += 1; continue }
        if b0 & 0xE0 == 0xC0 {
            guard b0 >= 0xC2, i + 1 < n, p.load(fromByteOffset: i + 1, as: UInt8.self) & 0xC0 == 0x80 else { return false }
            i += 2
            continue
        }
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return false
        }
        if i + need >= n { return false }
        let b1 = bytes[i + 1]
        if b1 < lo || b1 > hi { return false }
        var j = 2
        while j <= need {
            let b = bytes[i + j]
            if b < 0x80 || b > 0xBF { return false }
            j += 1
        }
        i += need + 1
    }
    return true
}

/// A growable block of bytes that one chunk of a file is formatted into,
/// reused from chunk to chunk so that a whole file costs a few allocations.
///
/// A class so that the writer can hand each worker thread its own block
/// through a shared array; a block is only ever touched by one thread at a
/// time, hence `@unchecked Sendable`.
final class ByteBlock: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes written by the last `fill`.
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Replaces the content with what `body` writes, at most `maxBytes` bytes.
    /// The bound is checked by `assert` in the cursor: callers compute it from
    /// the widest row they can write.
    func fill(maxBytes: Int, _ body: (inout ByteCursor) throws -> Void) rethrows {
        if maxBytes > capacity {
            base.deallocate()
            capacity = maxBytes
            base = .allocate(capacity: capacity)
        }
        var cursor = ByteCursor(base: base, end: base + maxBytes)
        try body(&cursor)
        count = cursor.position - base
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// Formats CSV fields straight into a `ByteBlock`'s memory: no `String`
/// per field, no capacity check per byte (bounds are asserted in debug builds).
struct ByteCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>
    private let end: UnsafeMutablePointer<UInt8>

    init(base: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
        position = base
        self.end = end
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        assert(position < end, "row wider than its bound")
        position.pointee = byte
        position += 1
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(end - position >= bytes.count, "row wider than its bound")
        position.update(from: bytes.baseAddress!, count: bytes.count)
        position += bytes.count
    }

    mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// A non-negative integer in decimal, no padding.
    @inline(__always)
    mutating func putDecimal(_ value: Int) {
        assert(value >= 0)
        if value < 10 {
            put(UInt8(truncatingIfNeeded: value) &+ 0x30)
        } else if value < 100 {
            put(UInt8(truncatingIfNeeded: value / 10) &+ 0x30)
            put(UInt8(truncatingIfNeeded: value % 10) &+ 0x30)
        } else {
            var digits = 1, rest = value / 10
            while rest > 0 { digits += 1; rest /= 10 }
            putPadded(value, width: digits)
        }
    }

    /// A non-negative integer in decimal, zero-padded to `width` digits.
    @inline(__always)
    mutating func putPadded(_ value: Int, width: Int) {
        assert(value >= 0 && end - position >= width, "row wider than its bound")
        var v = value
        var i = width
        while i > 0 {
            i -= 1
            position[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
            v /= 10
        }
        assert(v == 0, "value wider than its field")
        position += width
    }

    /// An id: prefix and zero-padded 1-based number.
    @inline(__always)
    mutating func put(_ ids: Identifiers, _ index: Int) {
        put(ids.prefix)
        putPadded(ids.offset + index + 1, width: ids.width)
    }
}

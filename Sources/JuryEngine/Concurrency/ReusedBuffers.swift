import Dispatch

/// Arrays of doubles handed from one computation to the next, so that a
/// round of computations on every core, each filling a large scratch array,
/// touches as many arrays as run at once instead of one per computation.
///
/// A fresh array of 10 million values is 80 MB of pages the system must
/// fault in and clear (on this project's machine about 2 µs a 4 KiB page,
/// 40 ms for the array); an array handed back is written over where it
/// lies. Each computation takes an array (or makes one), fills it and
/// gives it back when done; the arrays' contents never cross from one
/// computation to another, since each writes every element before reading
/// any.
final class ReusedBuffers: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var free: [[Double]] = []

    /// Calls `body` with an array of `count` elements whose values are
    /// unspecified (those of an earlier use, or zero): `body` writes every
    /// element it reads. The array goes back to the pool afterwards; if
    /// `body` kept a copy (a `Ratings` still alive), the next use writes a
    /// fresh one instead, which changes the memory touched, never a result.
    func withBuffer<R>(count: Int, _ body: (inout [Double]) -> R) -> R {
        lock.wait()
        var buffer = free.popLast() ?? []
        lock.signal()
        if buffer.count != count { buffer = [Double](repeating: 0, count: count) }
        let result = body(&buffer)
        lock.wait()
        free.append(buffer)
        lock.signal()
        return result
    }
}

import Dispatch

/// Runs independent computations on the machine's cores and hands back their
/// results in the order they were given, so the scheduling changes the time a
/// computation takes, never its result.
///
/// The contract: each computation writes only its own result and reads only
/// values that no other one writes. The results are read after every
/// computation has finished (`DispatchQueue.concurrentPerform` returns then).
public enum Concurrently {
    /// `[body(0), body(1), …, body(count − 1)]`, computed in parallel.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let task = Computation(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(task.body(i), at: i) }
        }
        return slots.all()
    }

    /// Consecutive ranges that split `0 ..< count`, each of at least
    /// `minimum` elements (one range when `count` is smaller), at most
    /// `maximumRanges` of them. The split depends on `count` alone, never on
    /// the cores.
    public static func ranges(_ count: Int, minimum: Int) -> [Range<Int>] {
        ranges(count, parts: min(maximumRanges, count / max(1, minimum)))
    }

    /// `0 ..< count` in `parts` consecutive ranges (at least one) whose sizes
    /// differ by one at most.
    public static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, parts)
        return (0..<parts).map { i in count * i / parts ..< count * (i + 1) / parts }
    }

    /// The most ranges `ranges` splits into: enough for two or four cores to
    /// finish together when the ranges take unequal times.
    public static let maximumRanges = 16

    /// `body` over the ranges of `ranges(count, minimum:)`, computed in
    /// parallel, the results in range order; a `body` whose results
    /// concatenate to the whole gives the same whole for any split.
    public static func mapRanges<T>(_ count: Int, minimum: Int, _ body: (Range<Int>) -> T) -> [T] {
        let split = ranges(count, minimum: minimum)
        guard split.count > 1 else { return [body(split[0])] }
        return map(split.count) { body(split[$0]) }
    }

    /// `[element(0), element(1), …, element(count − 1)]`, made on every core
    /// in the ranges of `ranges(count, minimum:)` and written in place.
    public static func array<T>(_ count: Int, minimum: Int, _ element: (Int) -> T) -> [T] {
        let split = ranges(count, minimum: minimum)
        return array(count, parts: split) { part, slots in
            let first = split[part].lowerBound
            for k in slots.indices { slots.initializeElement(at: k, to: element(first + k)) }
        }
    }

    /// An array of `count` elements written in place on every core, part by
    /// part: `parts` are consecutive ranges that split `0 ..< count`, and
    /// `fill(p, slots)` must initialise every slot of `slots`, the elements
    /// `parts[p]` of the array. No part's results are copied (the workers'
    /// own allocations would stay resident in their malloc arenas).
    public static func array<T>(_ count: Int, parts: [Range<Int>],
                                fill: (Int, UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        precondition(parts.first?.lowerBound ?? 0 == 0 && parts.last?.upperBound ?? 0 == count
                     && zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound },
                     "the parts split 0 ..< count")
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let storage = Storage(buffer: buffer)
            _ = map(parts.count) { p in
                fill(p, UnsafeMutableBufferPointer(rebasing: storage.buffer[parts[p]]))
            }
            initialized = count
        }
    }

    /// An array's storage handed to the worker threads, which write disjoint
    /// parts of it.
    private struct Storage<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
    }

    /// The parts concatenated in order, each freed as soon as it is copied
    /// (memory holds the whole and one part, not the whole twice).
    public static func joined<T>(_ parts: consuming [[T]]) -> [T] {
        guard parts.count > 1 else { return parts.first ?? [] }
        var whole: [T] = []
        whole.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for i in parts.indices {
            whole.append(contentsOf: parts[i])
            parts[i] = []
        }
        return whole
    }

    /// `(a(), b())`, computed in parallel.
    public static func run<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        let slots = Slots<Either<A, B>>(count: 2)
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                let task = Computation<Either<A, B>> { i in i == 0 ? .first(a()) : .second(b()) }
                DispatchQueue.concurrentPerform(iterations: 2) { i in slots.store(task.body(i), at: i) }
            }
        }
        guard case .first(let x) = slots[0], case .second(let y) = slots[1] else {
            preconditionFailure("each computation stores its own kind of result")
        }
        return (x, y)
    }

    /// A computation handed to the worker threads. It is not checked for
    /// `Sendable`: the computations given to `Concurrently` read shared
    /// values and write only their own results (the contract of this type).
    private struct Computation<T>: @unchecked Sendable {
        let body: (Int) -> T
    }

    private enum Either<A, B> {
        case first(A)
        case second(B)
    }
}

/// One result per computation, written from the worker threads (each slot
/// once, by its own computation) and read after all of them have finished.
private final class Slots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func all() -> [T] { slots.map { $0! } }

    subscript(index: Int) -> T { slots[index]! }
}

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

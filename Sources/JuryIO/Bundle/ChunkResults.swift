import Foundation

/// Results of work split into numbered chunks and run on several threads,
/// gathered in chunk order whatever order the threads finish in.
final class ChunkResults<Result: Sendable>: @unchecked Sendable {
    private var results: [Result?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: Result, at index: Int) {
        lock.withLock { results[index] = result }
    }

    func all() -> [Result?] { lock.withLock { results } }
}

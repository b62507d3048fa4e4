import Dispatch
import Foundation

/// Writes a file made of many independent chunks: the chunks of one batch
/// are formatted in parallel, each into its own `ByteBlock`, then written in
/// chunk order, so the bytes do not depend on the number of threads.
///
/// Memory: one batch of blocks (`4 ×` the active processors, each of
/// `maxChunkBytes`), reused across batches.
struct ChunkedFile: Sendable {
    let path: String
    /// Written first, once.
    let header: String
    let chunkCount: Int
    /// An upper bound on the bytes of any chunk.
    let maxChunkBytes: Int

    /// Formats chunk `index` into the cursor. Runs concurrently for different
    /// chunks, so it must only read shared state.
    func write(progress: (Int) -> Void = { _ in },
               chunk format: @Sendable (_ index: Int, _ cursor: inout ByteCursor) -> Void) throws(SynthError) {
        let file = try BlockFile(path: path)
        try file.write(header)
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let blocks = (0..<min(batch, max(chunkCount, 1))).map { _ in ByteBlock() }
        var first = 0
        while first < chunkCount {
            let count = min(blocks.count, chunkCount - first)
            let start = first
            DispatchQueue.concurrentPerform(iterations: count) { i in
                blocks[i].fill(maxBytes: maxChunkBytes) { cursor in format(start + i, &cursor) }
            }
            for i in 0..<count { try file.write(blocks[i].bytes) }
            first += count
            progress(first)
        }
    }
}

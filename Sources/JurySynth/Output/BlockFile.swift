import Foundation

/// A file written in large blocks through POSIX `write`, with no buffering of
/// its own: callers hand it whole formatted chunks.
struct BlockFile: ~Copyable {
    let path: String
    private let descriptor: Int32

    /// Creates or truncates the file (mode 0644).
    init(path: String) throws(SynthError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw BlockFile.failure(path, "create") }
    }

    deinit { close(descriptor) }

    /// Writes every byte, resuming after partial writes and interruptions.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(SynthError) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw BlockFile.failure(path, "write")
            }
            next += written
            left -= written
        }
    }

    func write(_ text: String) throws(SynthError) {
        try write(Array(text.utf8))
    }

    func write(_ bytes: [UInt8]) throws(SynthError) {
        let result: Result<Void, SynthError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SynthError) in try write(buffer) }
        }
        try result.get()
    }

    private static func failure(_ path: String, _ operation: String) -> SynthError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}

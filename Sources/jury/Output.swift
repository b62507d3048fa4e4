#if canImport(Glibc)
import Glibc
#endif

/// Writes to stdout or stderr through C stdio, in large buffered blocks.
enum FileHandleOutput {
    case standardOutput
    case standardError

    private var file: UnsafeMutablePointer<FILE>? {
        switch self {
        case .standardOutput: FileHandleOutput.out
        case .standardError: FileHandleOutput.err
        }
    }

    nonisolated(unsafe) private static let out = fdopen(1, "w")
    nonisolated(unsafe) private static let err = fdopen(2, "w")

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Writes UTF-8 bytes as they are.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let file = self.file, bytes.count > 0 else { return }
        _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
    }

    func flush() { if let file { fflush(file) } }
}

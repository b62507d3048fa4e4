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
        guard let file = self.file else { return }
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
        }
    }

    func flush() { if let file { fflush(file) } }
}

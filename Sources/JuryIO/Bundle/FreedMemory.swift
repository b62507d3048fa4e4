import Foundation

/// Hands memory the program has freed back to the system.
///
/// The parts of a file read in ranges are built on the worker threads, in
/// their own malloc arenas, and freed once joined; glibc keeps such memory
/// resident for later allocations of the arena, and the columns read next
/// are mostly large enough to be mapped afresh instead. Without this, a
/// bundle's peak resident memory would count the parts of `people.csv` and
/// `moocs.csv` twice. `malloc_trim` is looked up at run time (it is not in
/// the Glibc module); elsewhere this does nothing.
enum FreedMemory {
    static func release() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        #endif
    }
}

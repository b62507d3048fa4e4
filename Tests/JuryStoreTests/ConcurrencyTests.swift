import Foundation
import GRDB
import Testing
@testable import JuryStore

@Suite struct ConcurrencyTests {
    /// Readers in other connections (as other processes would be) see the
    /// archive before the import or after it, never half of it.
    ///
    /// Readers and writer run on threads of their own: blocking loops on
    /// Swift's cooperative pool (one thread per core) could starve the writer.
    @Test func readersSeeTheOldOrTheNewStateNeverHalf() throws {
        let f = try ArchiveFixture()
        defer { f.cleanUp() }
        let writer = try Archive(path: f.databasePath, create: true)
        _ = try f.add(ArchiveFixture.bundle(year: 2024), as: "b2024", to: writer)
        let bundle = try ArchiveFixture.prepare(f.write(ArchiveFixture.large(id: "atu-2025", year: 2025, courses: 4000), as: "b2025"))
        let old = try state(writer)
        let results = Results()
        let done = DispatchGroup()
        let readersStarted = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            done.enter()
            let path = f.databasePath
            Thread.detachNewThread {
                defer { done.leave() }
                do {
                    let reader = try Archive(path: path, create: false)
                    results.insert(try state(reader))
                    readersStarted.signal()
                    let deadline = Date().addingTimeInterval(300)
                    while Date() < deadline {
                        let s = try state(reader)
                        results.insert(s)
                        if s != old { break }
                    }
                } catch {
                    results.fail(error)
                    readersStarted.signal()
                }
            }
        }
        done.enter()
        Thread.detachNewThread {
            defer { done.leave() }
            // The write begins while both readers are reading.
            readersStarted.wait()
            readersStarted.wait()
            do { _ = try writer.add(bundle, replace: false) } catch { results.fail(error) }
        }
        done.wait()
        let new = try state(writer)
        #expect(results.errors.isEmpty, "\(results.errors)")
        #expect(new[0] == old[0] + 1 && new[1] == old[1] + 20_000)
        #expect(results.observed.isSubset(of: [old, new]), "\(results.observed)")
        #expect(results.observed == [old, new])
    }

    /// Row counts of the tables an import fills, read in one snapshot.
    func state(_ archive: Archive) throws -> [Int] {
        try archive.read("reading") { db in
            try ["version", "sheet", "course", "year_summary", "file_chunk", "ranking_entry"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var _observed = Set<[Int]>()
        private var _errors: [String] = []

        func insert(_ s: [Int]) { lock.withLock { _ = _observed.insert(s) } }
        func fail(_ e: any Error) { lock.withLock { _errors.append("\(e)") } }
        var observed: Set<[Int]> { lock.withLock { _observed } }
        var errors: [String] { lock.withLock { _errors } }
    }
}

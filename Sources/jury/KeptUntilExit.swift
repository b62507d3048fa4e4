/// The large results of a command (the competition, its analysis), kept
/// until the process exits instead of being freed when `run()` returns.
///
/// `Jury.main` ends the process with `exit` right after `run()`, and the
/// system takes the whole address space back at once; freeing first would
/// walk the allocations of every table and result (at 10 million sheets
/// the audit's 1.58 M integrity flags were three small arrays each when
/// this was measured, about 0.3 s of a single core with the tables; they
/// are made when read since) for nothing. A compiler skipping its frees before it
/// exits makes the same trade. Only for values a command hands over at its
/// very end.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}

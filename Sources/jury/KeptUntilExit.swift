/// The large results of a command (the competition, its analysis), kept
/// until the process exits instead of being freed when `run()` returns.
///
/// `Jury.main` ends the process with `exit` right after `run()`, and the
/// system takes the whole address space back at once; freeing first would
/// walk millions of allocations (at 10 million sheets the audit's 1.58 M
/// integrity flags, three small arrays each, and the tables: about 0.3 s
/// of a single core) for nothing. A compiler skipping its frees before it
/// exits makes the same trade. Only for values a command hands over at its
/// very end.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}

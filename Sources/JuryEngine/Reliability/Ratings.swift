/// Ratings of units by raters: the input of every inter-rater statistic.
///
/// A sparse set of triples (unit, rater, value) stored as three parallel
/// columns: units are courses, raters are experts, values are sheet totals or
/// one criterion's scores. Each (unit, rater) pair occurs at most once; a
/// rater need not rate every unit (incomplete designs are the normal case).
///
/// On top of the columns as given, `Ratings` keeps them grouped by unit
/// (compressed sparse rows) and, inside a unit, ordered by rater. Every
/// statistic runs over that canonical order, so the same ratings give the same
/// bits whatever order they were listed in. When the input already comes in
/// that order — as the rows of one stage of a `SheetTable` do — the grouped
/// columns share storage with the given ones and nothing is copied.
///
/// Memory: 16 bytes per rating for the given columns, the same again and
/// 4 bytes for the given positions when the input was not in canonical
/// order, plus 8 bytes per unit; ratings of other values on the same pairs
/// (`init(_:values:)`) add only their values.
public struct Ratings: Sendable {
    /// Number of units; unit indices are `0 ..< unitCount`. Units without
    /// ratings are allowed and ignored by every statistic.
    public let unitCount: Int
    /// Number of raters; rater indices are `0 ..< raterCount`.
    public let raterCount: Int
    /// Unit index of each rating.
    public let unit: [Int32]
    /// Rater index of each rating.
    public let rater: [Int32]
    /// The rating itself (finite).
    public let value: [Double]

    /// The ratings of unit `u` are positions `unitStart[u] ..< unitStart[u + 1]`
    /// of `groupedRater` and `groupedValue`, by rater ascending.
    let unitStart: [Int]
    let groupedRater: [Int32]
    let groupedValue: [Double]
    /// Where each grouped rating was given (`groupedValue[i] ==
    /// value[groupedPosition[i]]`); nil when the given order is the grouped
    /// one, as for a stage of a `SheetTable`.
    let groupedPosition: [Int32]?

    /// Number of ratings.
    public var count: Int { value.count }

    /// Why a set of ratings was refused. Positions are indices into the
    /// columns as given.
    public enum ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
        /// `unit`, `rater` and `value` have different lengths.
        case lengthMismatch(units: Int, raters: Int, values: Int)
        /// A unit index outside `0 ..< unitCount`.
        case unitOutOfRange(position: Int, unit: Int32, unitCount: Int)
        /// A rater index outside `0 ..< raterCount`.
        case raterOutOfRange(position: Int, rater: Int32, raterCount: Int)
        /// A NaN or infinite value.
        case nonFiniteValue(position: Int, value: Double)
        /// The same rater rates the same unit twice (`later` is the second
        /// occurrence in the given order).
        case duplicatePair(first: Int, later: Int, unit: Int32, rater: Int32)
        /// More ratings than an `Int32` position can address.
        case tooManyRatings(count: Int)

        public var description: String {
            switch self {
            case let .lengthMismatch(units, raters, values):
                "ratings columns differ in length: \(units) units, \(raters) raters, \(values) values"
            case let .unitOutOfRange(position, unit, unitCount):
                "rating \(position): unit \(unit) is outside 0..<\(unitCount)"
            case let .raterOutOfRange(position, rater, raterCount):
                "rating \(position): rater \(rater) is outside 0..<\(raterCount)"
            case let .nonFiniteValue(position, value):
                "rating \(position): value \(value) is not a finite number"
            case let .duplicatePair(first, later, unit, rater):
                "rating \(later): rater \(rater) already rated unit \(unit) at rating \(first)"
            case let .tooManyRatings(count):
                "\(count) ratings exceed the \(Int32.max) an index can address"
            }
        }
    }

    /// Validates the columns and groups them by unit.
    ///
    /// Complexity: O(n + unitCount) when the ratings are already ordered by
    /// (unit, rater); otherwise a counting sort by unit, O(n + unitCount),
    /// plus sorting each unit's ratings by rater: O(Σ mᵤ²) by insertion for
    /// the usual handful (mᵤ ≤ 32 ratings of unit u), O(mᵤ log mᵤ) above.
    /// - Throws: `ValidationError` for mismatched lengths, out-of-range
    ///   indices, non-finite values or a (unit, rater) pair given twice.
    public init(unitCount: Int, raterCount: Int, unit: [Int32], rater: [Int32], value: [Double]) throws(ValidationError) {
        precondition(unitCount >= 0 && raterCount >= 0, "counts cannot be negative")
        guard unit.count == rater.count && rater.count == value.count else {
            throw .lengthMismatch(units: unit.count, raters: rater.count, values: value.count)
        }
        let n = value.count
        guard n <= Int(Int32.max) else { throw .tooManyRatings(count: n) }
        var ordered = true
        for i in 0..<n {
            guard unit[i] >= 0 && Int(unit[i]) < unitCount else {
                throw .unitOutOfRange(position: i, unit: unit[i], unitCount: unitCount)
            }
            guard rater[i] >= 0 && Int(rater[i]) < raterCount else {
                throw .raterOutOfRange(position: i, rater: rater[i], raterCount: raterCount)
            }
            guard value[i].isFinite else { throw .nonFiniteValue(position: i, value: value[i]) }
            if i > 0 && ordered {
                ordered = unit[i - 1] < unit[i] || (unit[i - 1] == unit[i] && rater[i - 1] < rater[i])
            }
        }
        self.unitCount = unitCount
        self.raterCount = raterCount
        self.unit = unit
        self.rater = rater
        self.value = value
        var start = [Int](repeating: 0, count: unitCount + 1)
        for u in unit { start[Int(u) + 1] += 1 }
        for u in 0..<unitCount { start[u + 1] += start[u] }
        unitStart = start
        if ordered {
            groupedRater = rater
            groupedValue = value
            groupedPosition = nil
            return
        }
        // Counting sort by unit (stable), then each unit's few ratings by rater.
        var groupedRater = [Int32](repeating: 0, count: n)
        var groupedValue = [Double](repeating: 0, count: n)
        var position = [Int32](repeating: 0, count: n)
        var next = start
        for i in 0..<n {
            let u = Int(unit[i])
            groupedRater[next[u]] = rater[i]
            groupedValue[next[u]] = value[i]
            position[next[u]] = Int32(i)
            next[u] += 1
        }
        let duplicate = groupedRater.withUnsafeMutableBufferPointer { r in
            groupedValue.withUnsafeMutableBufferPointer { v in
                position.withUnsafeMutableBufferPointer { p in
                    Self.sortEachUnit(start: start, rater: r, value: v, position: p)
                }
            }
        }
        if let (a, b) = duplicate {
            let first = Int(position[a]), later = Int(position[b])
            throw .duplicatePair(first: first, later: later, unit: unit[later], rater: rater[later])
        }
        self.groupedRater = groupedRater
        self.groupedValue = groupedValue
        groupedPosition = position
    }

    /// The same (unit, rater) pairs in the same order with other values: the
    /// criterion scores of the sheets whose totals `other` holds. The unit
    /// and rater columns, the grouping by unit and the order inside a unit
    /// are shared with `other`, so only the values are checked and nothing
    /// is sorted or counted again: O(n). Memory: the values, and a grouped
    /// copy of them only when `other` was not given in canonical order (the
    /// audit rates seven criteria on the same sheets as the totals, which
    /// are).
    /// - Throws: `ValidationError` when the values are not one per rating of
    ///   `other` or one is not finite.
    public init(_ other: Ratings, values value: [Double]) throws(ValidationError) {
        guard value.count == other.count else {
            throw .lengthMismatch(units: other.unit.count, raters: other.rater.count, values: value.count)
        }
        if let i = value.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(position: i, value: value[i]) }
        unitCount = other.unitCount
        raterCount = other.raterCount
        unit = other.unit
        rater = other.rater
        self.value = value
        unitStart = other.unitStart
        groupedRater = other.groupedRater
        groupedPosition = other.groupedPosition
        groupedValue = other.groupedPosition.map { $0.map { value[Int($0)] } } ?? value
    }

    /// Sorts each unit's ratings by rater, stably (so a duplicate's first
    /// occurrence comes first), and returns the grouped positions of the first
    /// duplicate pair, if any. Insertion sort for the usual handful of ratings
    /// per unit; an index sort above 32.
    private static func sortEachUnit(start: [Int], rater: UnsafeMutableBufferPointer<Int32>,
                                     value: UnsafeMutableBufferPointer<Double>,
                                     position: UnsafeMutableBufferPointer<Int32>) -> (Int, Int)? {
        for u in 0..<(start.count - 1) {
            let lo = start[u], hi = start[u + 1]
            if hi - lo < 2 { continue }
            if hi - lo <= 32 {
                for i in (lo + 1)..<hi {
                    let r = rater[i], x = value[i], p = position[i]
                    var j = i
                    while j > lo && rater[j - 1] > r {
                        rater[j] = rater[j - 1]
                        value[j] = value[j - 1]
                        position[j] = position[j - 1]
                        j -= 1
                    }
                    rater[j] = r
                    value[j] = x
                    position[j] = p
                }
            } else {
                let order = (lo..<hi).sorted { (rater[$0], position[$0]) < (rater[$1], position[$1]) }
                let r = order.map { rater[$0] }, x = order.map { value[$0] }, p = order.map { position[$0] }
                for k in 0..<order.count {
                    rater[lo + k] = r[k]
                    value[lo + k] = x[k]
                    position[lo + k] = p[k]
                }
            }
            for i in (lo + 1)..<hi where rater[i] == rater[i - 1] { return (i - 1, i) }
        }
        return nil
    }

    /// Number of ratings of unit `u`.
    public func ratingCount(ofUnit u: Int) -> Int { unitStart[u + 1] - unitStart[u] }

    /// The ratings of unit `u` as (rater, value), by rater ascending.
    public func ratings(ofUnit u: Int) -> some RandomAccessCollection<(rater: Int32, value: Double)> {
        (unitStart[u]..<unitStart[u + 1]).lazy.map { (self.groupedRater[$0], self.groupedValue[$0]) }
    }
}

extension Ratings {
    /// The ratings of one stage of a sheet table: units are courses, raters
    /// are experts (indices into `Competition.courses` and `.people`), values
    /// are sheet totals, or one criterion's scores when `criterion` is given.
    ///
    /// The table's rows of a stage are already grouped by course and ordered
    /// by expert, so nothing is sorted. Complexity: O(rows + courseCount).
    public init(_ table: SheetTable, stage: Stage, courseCount: Int, expertCount: Int, criterion: Int? = nil) {
        let rows = table.rows(in: stage)
        let values: [Double]
        if let criterion {
            precondition(criterion >= 0 && criterion < table.criterionCount, "no such criterion")
            values = rows.map { Double(table.score(row: $0, criterion: criterion)) }
        } else {
            values = Array(table.total[rows])
        }
        do {
            try self.init(unitCount: courseCount, raterCount: expertCount,
                          unit: Array(table.course[rows]), rater: Array(table.expert[rows]), value: values)
        } catch {
            preconditionFailure("a sheet table is valid ratings: \(error)")
        }
    }
}

@testable import JuryEngine

/// Published data sets of the reliability known-answer tests.
enum ReferenceData {
    /// Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing
    /// rater reliability", Psychological Bulletin 86:420–428, Table 2:
    /// 6 targets (rows) rated by 4 judges (columns).
    static let shroutFleiss: [[Double]] = [
        [9, 2, 5, 8],
        [6, 1, 3, 2],
        [8, 4, 6, 8],
        [7, 1, 2, 6],
        [10, 5, 6, 9],
        [6, 2, 4, 7],
    ]

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    /// Annenberg School for Communication, section C: 4 observers (rows) ×
    /// 12 units (columns), nil = missing.
    static let krippendorff2011: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    /// The `anxiety` data of the R package irr (Gamer, Lemon, Fellows & Singh,
    /// irr 0.84.1), also the example of `DescTools::KendallW`: 20 subjects
    /// rated by 3 raters on 1–6, with many ties. Columns are raters.
    static let anxiety: [[Double]] = zip3(
        [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
        [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
        [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2])

    /// Siegel & Castellan (1988), *Nonparametric Statistics for the
    /// Behavioral Sciences*, 2nd ed., the example of §9.4 as typed in the
    /// documentation of `DescTools::KendallW`: 3 judges rank 8 objects, no
    /// ties. Rows are objects, columns judges.
    static let siegelCastellan: [[Double]] = zip3(
        [5, 6, 7, 1, 2, 4, 3, 8],
        [1, 7, 6, 2, 3, 5, 4, 8],
        [4, 5, 1, 3, 2, 7, 6, 8])

    private static func zip3(_ a: [Double], _ b: [Double], _ c: [Double]) -> [[Double]] {
        a.indices.map { [a[$0], b[$0], c[$0]] }
    }

    /// Sparse ratings of a units × raters table; nil cells are missing.
    static func ratings(units table: [[Double?]]) -> Ratings {
        var unit: [Int32] = [], rater: [Int32] = [], value: [Double] = []
        for (i, row) in table.enumerated() {
            for (j, v) in row.enumerated() {
                if let v {
                    unit.append(Int32(i))
                    rater.append(Int32(j))
                    value.append(v)
                }
            }
        }
        return try! Ratings(unitCount: table.count, raterCount: table.map(\.count).max() ?? 0,
                            unit: unit, rater: rater, value: value)
    }

    static func ratings(units table: [[Double]]) -> Ratings {
        ratings(units: table.map { $0.map(Optional.some) })
    }

    /// Transposes raters × units into units × raters.
    static func transposed(_ table: [[Double?]]) -> [[Double?]] {
        (0..<table[0].count).map { j in table.map { $0[j] } }
    }
}

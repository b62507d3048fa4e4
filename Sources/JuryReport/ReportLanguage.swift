/// The languages of the report's own text (`--lang`, `report.lang`).
/// Strings from the bundle — titles, names, comments — are printed as written.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case en, ru, kk

    /// The language asked for in `competition.json` (`report.lang`), or
    /// English when it names none of these.
    public init(reportLanguage: String?) {
        self = reportLanguage.flatMap(ReportLanguage.init(rawValue:)) ?? .en
    }

    /// Decimal separator as printed in this language: a point in English, a
    /// comma in Russian and Kazakh. Data files keep the point.
    var decimalSeparator: String {
        switch self {
        case .en: "."
        case .ru, .kk: ","
        }
    }
}

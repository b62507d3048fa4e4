/// How the view models work
/// ========================
///
/// Each page is a plain struct of strings, booleans, arrays and nested
/// structs (`IndexPage`, `CoursePage`, …), built from a `ReportContext` and
/// rendered by the template of the same name in `Templates/`. Mustache reads
/// the stored properties by name and HTML-escapes every value it prints;
/// templates never use triple mustaches, so no bundle string reaches the page
/// unescaped. Numbers arrive already formatted (`…Text`), so the templates
/// hold no logic and the engine's values are never recomputed here.
///
/// To show a new `Analysis` field — as `Analysis.audit` is shown on the
/// experts page (`AuditModel.swift`, the `{{#audit}}` block):
/// 1. add a field to the page struct (`var audit: AuditModel?`, nil when the
///    analysis has none) and fill it in the page's builder from the
///    `Analysis` value, formatting numbers with `ReportText.number`;
/// 2. add a block to the template: `{{#audit}}<section>…
///    {{#raterEffects}}<tr>…</tr>{{/raterEffects}}…</section>{{/audit}}`;
/// 3. add its labels to `ReportLabels` in all three languages (the labels
///    tests check that every key a template or builder names exists).
/// If the section is confidential (section 15), leave it out when
/// `options.publicOnly` is set — the public edition renders only `index`.
///
/// Naming rule: Mustache looks a missing or nil name up in the enclosing
/// objects, so field names are unique across the nested structs of a page
/// (`courseTitle` in `CourseRef`, `expertName` in rows, …), and optional
/// strings are used only where no enclosing object has the same name.

/// The frame of every page (`layout.mustache`): language, navigation, labels.
struct PageFrame {
    var lang: String
    /// `""` for pages at the top of the report, `"../"` for `courses/…`.
    var root: String
    var pageTitle: String
    var competitionTitle: String
    var competitionId: String
    var stageLabel: String
    var bodyClass: String
    var hasNav: Bool
    var nav: [NavItem]
    var publicOnly: Bool
    /// The labels of the report's language, read as `{{l.key}}`.
    var l: [String: String]
}

struct NavItem {
    var target: String
    var label: String
    var current: Bool
}

/// A course named on another page: a link to its page, or plain text in the
/// public edition.
struct CourseRef {
    var courseId: String
    var courseTitle: String
    var coursePage: String?
}

/// A chart drawn by gnuplot, shown as an image with a caption.
struct ChartRef {
    var chartPath: String
    var chartAlt: String
    var chartCaption: String
    var chartWidth: Int
    var chartHeight: Int
}

/// The pages of the full report, in navigation order; the public edition has `index.html` only.
enum ReportPage: String, CaseIterable {
    case index, stages, experts, integrity, `protocol`

    var fileName: String { rawValue + ".html" }

    var labelKey: String {
        switch self {
        case .index: "nav_summary"
        case .stages: "nav_stages"
        case .experts: "nav_experts"
        case .integrity: "nav_integrity"
        case .protocol: "nav_protocol"
        }
    }
}

extension ReportContext {
    /// The frame of a page. `current` is the navigation entry to mark.
    func frame(title: String, current: ReportPage?, root: String = "", bodyClass: String = "") -> PageFrame {
        let nav = options.publicOnly ? [] : ReportPage.allCases.map {
            NavItem(target: $0.fileName, label: text[$0.labelKey], current: $0 == current)
        }
        return PageFrame(lang: options.language.rawValue, root: root, pageTitle: title,
                         competitionTitle: competition.title, competitionId: competition.id,
                         stageLabel: text.stage(analysis.stage), bodyClass: bodyClass, hasNav: !nav.isEmpty, nav: nav,
                         publicOnly: options.publicOnly, l: text.labels)
    }

    /// The chart at `path`, when one was drawn for it.
    func chartRef(_ path: String) -> ChartRef? {
        guard let job = charts[path] else { return nil }
        return ChartRef(chartPath: job.path, chartAlt: job.title, chartCaption: job.caption,
                        chartWidth: job.width, chartHeight: job.height)
    }
}

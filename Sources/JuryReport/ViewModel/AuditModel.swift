import JuryEngine

/// The judging's reliability and each expert's rater effects, from
/// `Analysis.audit` (computed by the engine when asked, as for `jury audit`),
/// formatted for the experts page. Absent when the analysis has no audit.
struct AuditModel {
    var reliabilityLead: String
    var reliability: [StatisticRow]
    var blockNote: String?
    var criterionReliability: [CriterionReliabilityRow]
    var raterEffects: [RaterEffectRow]
    var showVerdict: Bool
    var severityChart: ChartRef?
}

struct StatisticRow {
    var statisticName: String
    var statisticValue: String
    var statisticInterval: String
    var statisticNote: String
}

struct CriterionReliabilityRow {
    var criterionNumber: String
    var criterionTitle: String
    var icc1Text: String
    var icc1kText: String
    var alphaText: String
    var kendallText: String
}

struct RaterEffectRow {
    var anchor: String
    var expertName: String
    var expertId: String
    var sheetsText: String
    var severityText: String
    var severityInterval: String
    var consistencyText: String
    var haloText: String
    var centralText: String
    var extremeText: String
    var outliersText: String
    var flagsText: String
    var verdictText: String
}

extension ReportContext {
    /// ICC(1,1) … ICC(3,k), as usually printed.
    static func iccName(_ form: ICCForm) -> String {
        switch form {
        case .icc1: "ICC(1,1)"
        case .icc2: "ICC(2,1)"
        case .icc3: "ICC(3,1)"
        case .icc1k: "ICC(1,k)"
        case .icc2k: "ICC(2,k)"
        case .icc3k: "ICC(3,k)"
        }
    }

    /// `p < 0.001` or `p = 0.042`.
    func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < \(text.number(0.001, decimals: 3))" : "p = \(text.number(p, decimals: 3))"
    }

    func interval(_ lower: Double, _ upper: Double) -> String {
        "\(text.number(lower)) … \(text.number(upper))"
    }

    /// A computed value, or `—` (the reason is in the note column where there is one).
    func value(_ c: Computed<Double>) -> String {
        c.value.map { text.number($0) } ?? "—"
    }

    func auditModel() -> AuditModel? {
        guard let audit = analysis.audit else { return nil }
        var rows: [StatisticRow] = []
        for form in ICCForm.allCases {
            switch audit.total.icc[form] {
            case .value(let e):
                let f = e.f.isFinite ? text.number(e.f) : "∞"
                rows.append(StatisticRow(statisticName: Self.iccName(form), statisticValue: text.number(e.value),
                                         statisticInterval: interval(e.ci95Lower, e.ci95Upper),
                                         statisticNote: "F(\(e.df1), \(e.df2)) = \(f), \(pValue(e.p))"))
            case .undefined(let reason):
                rows.append(StatisticRow(statisticName: Self.iccName(form), statisticValue: "—", statisticInterval: "", statisticNote: reason))
            }
        }
        for level in KrippendorffAlpha.Level.allCases {
            let name = text.format("kripp_alpha", text["level_" + level.rawValue])
            rows.append(StatisticRow(statisticName: name, statisticValue: value(audit.total.alpha[level]), statisticInterval: "",
                                     statisticNote: audit.total.alpha[level].reason ?? ""))
        }
        switch audit.total.kendallW {
        case .value(let k):
            rows.append(StatisticRow(statisticName: text["kendall_w"], statisticValue: text.number(k.w), statisticInterval: "",
                                     statisticNote: text.format("kendall_note", String(k.df), text.number(k.chi2), pValue(k.p),
                                                                String(k.raters), String(k.units))))
        case .undefined(let reason):
            rows.append(StatisticRow(statisticName: text["kendall_w"], statisticValue: "—", statisticInterval: "", statisticNote: reason))
        }
        switch audit.cronbachAlpha {
        case .value(let a):
            rows.append(StatisticRow(statisticName: text["cronbach"], statisticValue: text.number(a.value),
                                     statisticInterval: interval(a.ci95Lower, a.ci95Upper),
                                     statisticNote: text.format("cronbach_note", String(a.items), String(a.observations))))
        case .undefined(let reason):
            rows.append(StatisticRow(statisticName: text["cronbach"], statisticValue: "—", statisticInterval: "", statisticNote: reason))
        }
        var blockNote: String?
        if case .value(let block) = audit.total.completeBlock, !block.isWholeDesign {
            blockNote = text.format("block_note", String(block.raters.count), String(block.units.count))
        }
        let criteria = audit.criteria.enumerated().map { i, r in
            CriterionReliabilityRow(
                criterionNumber: String(i + 1), criterionTitle: i < rules.criteria.count ? rules.criteria[i].title : "",
                icc1Text: r.icc[.icc1].value.map { text.number($0.value) } ?? "—",
                icc1kText: r.icc[.icc1k].value.map { text.number($0.value) } ?? "—",
                alphaText: value(r.alpha[.interval]),
                kendallText: r.kendallW.value.map { text.number($0.w) } ?? "—")
        }
        let percent = { (x: Double?) in x.map { "\(self.text.number($0 * 100, decimals: 0)) %" } ?? "—" }
        let raters = audit.raters.raters.map { r in
            let person = competition.people[Int(r.expert)]
            return RaterEffectRow(
                anchor: expertAnchors[Int(r.expert)], expertName: person.fullName, expertId: person.id,
                sheetsText: String(r.sheets), severityText: r.severity.map { text.number($0) } ?? "—",
                severityInterval: r.severityCI95.map { interval($0.lower, $0.upper) } ?? "",
                consistencyText: r.consistency.map { text.number($0) } ?? "—", haloText: r.halo.map { text.number($0) } ?? "—",
                centralText: percent(r.centralTendency), extremeText: percent(r.extreme), outliersText: String(r.outliers),
                flagsText: r.flags.isEmpty ? "—" : r.flags.map { text.flag($0) }.joined(separator: ", "),
                verdictText: r.verdict)
        }
        return AuditModel(
            reliabilityLead: text.format("reliability_lead", text.stage(audit.stage)), reliability: rows, blockNote: blockNote,
            criterionReliability: criteria, raterEffects: raters, showVerdict: options.language == .en,
            severityChart: chartRef(ReportCharts.severityPath))
    }
}

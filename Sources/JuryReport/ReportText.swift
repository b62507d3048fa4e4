import JuryEngine

/// The report's words and numbers in one language: labels from
/// `ReportLabels`, placeholders filled in, numbers rounded for people.
/// Nothing here computes a statistic; it only prints values it is given.
struct ReportText: Sendable {
    let language: ReportLanguage
    let labels: [String: String]

    init(_ language: ReportLanguage) {
        self.language = language
        labels = ReportLabels.dictionary(language)
    }

    /// The label for `key`. A missing key is a programming error, caught by the labels test.
    subscript(key: String) -> String {
        labels[key] ?? key
    }

    /// The label for `key` with `{0}`, `{1}` … replaced by `arguments`, in
    /// one pass: an argument that itself contains `{1}` (a course title, say)
    /// is printed as written, never expanded.
    func format(_ key: String, _ arguments: String...) -> String {
        let template = Array(self[key].unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < template.count {
            if template[i] == "{", i + 2 < template.count, template[i + 2] == "}",
               let digit = template[i + 1].properties.numericType != nil ? Int(String(template[i + 1])) : nil,
               digit < arguments.count {
                out.append(contentsOf: arguments[digit].unicodeScalars)
                i += 3
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `x` rounded half away from zero to `decimals` places, with this
    /// language's decimal separator; `—` for NaN or infinity.
    func number(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(x)" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var text = (x < 0 && units != 0 ? "−" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(units % UInt64(scale))
            text += language.decimalSeparator + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// A sheet total: whole points when the weights are all 1, else two decimals.
    func total(_ x: Double, rules: Rules) -> String {
        number(x, decimals: rules.isUnweighted ? 0 : 2)
    }

    func stage(_ stage: Stage) -> String {
        self["stage_" + stage.name]
    }

    /// A conflict or flag kind (`declared`, `self_review`, …, `outlier`); an
    /// unknown kind prints as written.
    func kind(_ raw: String) -> String {
        labels["kind_" + raw] ?? raw
    }

    /// A rater-effect flag (`severe`, `halo`, …); an unknown flag prints as written.
    func flag(_ raw: String) -> String {
        labels["flag_" + raw] ?? raw
    }

    func scoringMethod(_ method: ScoringMethod) -> String {
        self["scoring_" + method.rawValue]
    }

    /// A link of the tie-break chain, as in the method section.
    func rule(_ rule: TieBreakRule, criteria: [Criterion], seed: UInt64) -> String {
        switch rule {
        case .median: self["rule_median"]
        case .min: self["rule_min"]
        case .max: self["rule_max"]
        case .count: self["rule_count"]
        case .lot: format("rule_lot", String(seed))
        case .criterion(let key, let index):
            format("rule_criterion", index < criteria.count ? criteria[index].title : key)
        }
    }

    /// Why a ranking entry stands below the previous one, from the engine's
    /// `tie_break` value (`score`, a rule name, or nil).
    func tieBreak(_ value: String?, lot: Double?, isFirst: Bool, criteria: [Criterion]) -> String {
        guard let value else { return isFirst ? "" : self["tb_shared"] }
        switch value {
        case "score": return self["tb_score"]
        case "lot": return format("tb_lot", lot.map { number($0, decimals: 4) } ?? "—")
        case "median", "min", "max", "count": return format("tb_rule", self["tb_rule_" + value])
        default:
            if value.hasPrefix("criterion:") {
                let key = String(value.dropFirst("criterion:".count))
                let title = criteria.first { $0.key == key }?.title ?? key
                return format("tb_rule", format("tb_rule_criterion", title))
            }
            return format("tb_rule", value)
        }
    }

    func decision(_ kind: Decision.Kind) -> String {
        switch kind {
        case .disqualify: self["decision_disqualify"]
        case .advance: self["decision_advance"]
        case .exclude: self["decision_exclude"]
        case .place(let n): format("decision_place", String(n))
        }
    }

    /// `Place 2`, or `Winner — place 1`.
    func place(_ rank: Int) -> String {
        rank == 1 ? self["place_winner"] : format("place_n", String(rank))
    }
}

import JuryEngine

/// `protocol.html`: the results protocol (9.12) as a printable A4 document —
/// the commission, the method, the ranking, the places, the decisions on
/// ties and exclusions, and lines for the signatures.
struct ProtocolPage {
    var frame: PageFrame
    var hasCommission: Bool
    var commission: [CommissionRow]
    var methodLines: [String]
    var provisionalText: String?
    var rankingRows: [RankingRowModel]
    var hasWinners: Bool
    var winners: [WinnerModel]
    var hasTieNotes: Bool
    var tieNotes: [String]
    var hasDecisions: Bool
    var decisions: [DecisionRow]
    var hasExcludedSheets: Bool
    var excludedSheets: [ExclusionRow]
    var hasNotAdmitted: Bool
    var notAdmitted: [String]
    var signatures: [CommissionRow]
}

struct CommissionRow {
    var roleText: String
    var memberName: String
    var memberDetails: String
}

extension ReportContext {
    /// The commission from `people.csv`: the chair, the members, the
    /// secretary, each person once under their first such role, in file order
    /// within a role.
    func commission() -> [CommissionRow] {
        let roles: [(Person.Roles, String)] = [(.chair, "role_chair"), (.member, "role_member"), (.secretary, "role_secretary")]
        var seen = Set<Int>()
        var out: [CommissionRow] = []
        for (role, _) in roles {
            for p in competition.people.indices where competition.people.roles(p).contains(role) && !seen.contains(p) {
                seen.insert(p)
                let person = competition.people[p]
                let held = roles.filter { person.roles.contains($0.0) }.map { text[$0.1] }
                let details = [person.position, person.degree].compactMap { $0 }.filter { !$0.isEmpty }
                out.append(CommissionRow(roleText: held.joined(separator: ", "), memberName: person.fullName,
                                         memberDetails: details.joined(separator: ", ")))
            }
        }
        return out
    }

    /// Lines to sign when `people.csv` names no commission: a chair, two members, a secretary.
    var blankSignatures: [CommissionRow] {
        ["role_chair", "role_member", "role_member", "role_secretary"].map {
            CommissionRow(roleText: text[$0], memberName: "", memberDetails: "")
        }
    }

    func protocolPage() -> ProtocolPage {
        let members = commission()
        let m = method()
        let methodLines = [
            "\(text["scale"]): \(m.scaleText)",
            "\(text["sheet_total"]): \(m.totalText)",
            "\(text["scoring_method"]): \(m.scoringText)",
            "\(text["tie_break_chain"]): \(m.tieBreakChainText)",
            "\(text["recusal_rule"]): \(m.recusalText)",
            "\(text["outlier_rule"]): \(m.outlierText)",
            text.format("criteria_legend", m.criteria.map { "\($0.criterionNumber) — \($0.criterionTitle)" }.joined(separator: "; ")),
        ]
        let ties = tieNotes()
        let decisions = decisionRows()
        let excluded = exclusionRows()
        let notAdmitted = competition.courses.indices.compactMap { ci -> String? in
            guard let e = eligibility[ci], !e.eligible else { return nil }
            let course = competition.courses[ci]
            let reasons = e.failures.filter(\.disqualifies).map { "\($0.code) (\($0.clause))" }.joined(separator: ", ")
            return text.format("not_admitted_line", course.title, course.id, reasons)
        }
        let places = winners()
        return ProtocolPage(
            frame: frame(title: text["nav_protocol"], current: .protocol, bodyClass: "protocol"),
            hasCommission: !members.isEmpty, commission: members, methodLines: methodLines,
            provisionalText: provisionalText, rankingRows: rankingRows(),
            hasWinners: !places.isEmpty, winners: places,
            hasTieNotes: !ties.isEmpty, tieNotes: ties,
            hasDecisions: !decisions.isEmpty, decisions: decisions,
            hasExcludedSheets: !excluded.isEmpty, excludedSheets: excluded,
            hasNotAdmitted: !notAdmitted.isEmpty, notAdmitted: notAdmitted,
            signatures: members.isEmpty ? blankSignatures : members)
    }
}

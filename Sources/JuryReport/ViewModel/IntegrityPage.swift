import JuryEngine

/// `integrity.html`: sheets that did not count and why, outlying ratings,
/// every conflict of interest the engine found, and the declared conflicts.
/// and the behavioural flags (favouritism, reciprocity, rings) with their
/// evidence.
struct IntegrityPage {
    var frame: PageFrame
    var integrityLead: String
    var recusedCount: String
    var hasRecused: Bool
    var recused: [ExclusionRow]
    var outlierCount: String
    var outlierRuleText: String
    var hasOutliers: Bool
    var outliers: [OutlierRow]
    var conflictCount: String
    var hasConflicts: Bool
    var conflicts: [ConflictRow]
    var declaredCount: String
    var hasDeclared: Bool
    var declared: [DeclaredRow]
    var behaviourCount: String
    var hasBehaviour: Bool
    var behaviour: [BehaviourRow]
    /// Shown when the stage funnel was run: votes for one's own course, left out of the tally.
    var showSelfVotes: Bool
    var selfVoteCount: String
    var hasSelfVotes: Bool
    var selfVotes: [SelfVoteRow]
}

/// A favouritism, reciprocity or ring flag.
struct BehaviourRow {
    var kindText: String
    var severityText: String
    var expertsText: String
    var coursesText: String
    var effectText: String
    var qText: String
    var evidenceText: String
}

struct SelfVoteRow {
    var voterName: String
    var voterId: String
    var courseRef: CourseRef
    var stageText: String
    var unitText: String
}

struct ExclusionRow {
    var expertName: String
    var expertId: String
    var courseRef: CourseRef
    var kindText: String
    var detailText: String?
}

struct OutlierRow {
    var expertName: String
    var expertId: String
    var courseRef: CourseRef
    var totalText: String
    var othersMedianText: String
    var robustZText: String
    var statusText: String
}

struct ConflictRow {
    var rowClass: String
    var expertName: String
    var expertId: String
    var courseRef: CourseRef
    var kindsText: String
    var statusText: String
}

struct DeclaredRow {
    var expertName: String
    var expertId: String
    var targetText: String
    var reasonText: String
}

extension ReportContext {
    /// The sheets the analysis left out of the scores, in table order.
    func exclusionRows() -> [ExclusionRow] {
        analysis.ranking.excluded.map { x in
            let expert = competition.people[Int(x.expert)]
            return ExclusionRow(expertName: expert.fullName, expertId: expert.id, courseRef: courseRef(x.course),
                                kindText: text.kind(x.reason), detailText: x.detail)
        }
    }

    func integrityPage() -> IntegrityPage {
        let table = competition.sheets
        let recused = exclusionRows()
        let outliers = self.outliers.outliers.map { a in
            let expert = competition.people[Int(table.expert[Int(a.row)])]
            return OutlierRow(expertName: expert.fullName, expertId: expert.id, courseRef: courseRef(table.course[Int(a.row)]),
                              totalText: text.total(a.total, rules: rules), othersMedianText: text.number(a.consensus),
                              robustZText: text.number(a.robustZ), statusText: status(row: a.row))
        }
        let conflicts = analysis.conflicts.findings.map { f in
            let expert = competition.people[Int(table.expert[Int(f.row)])]
            return ConflictRow(rowClass: exclusionByRow[f.row] != nil ? "excluded" : "",
                               expertName: expert.fullName, expertId: expert.id,
                               courseRef: courseRef(table.course[Int(f.row)]),
                               kindsText: f.kinds.map { text.kind($0.rawValue) }.joined(separator: ", "),
                               statusText: status(row: f.row))
        }
        let declared = competition.conflicts.map { d in
            let expert = competition.people[Int(d.expert)]
            let target: String
            switch d.target {
            case .course(let c):
                let course = competition.courses[Int(c)]
                target = text.format("conflict_with_course", "\(course.title) (\(course.id))")
            case .author(let p):
                let author = competition.people[Int(p)]
                target = text.format("conflict_with_author", "\(author.fullName) (\(author.id))")
            }
            return DeclaredRow(expertName: expert.fullName, expertId: expert.id, targetText: target, reasonText: d.reason)
        }
        let selfVotes = (stages?.units ?? []).flatMap { u in
            u.selfVotes.map { v in
                let voter = competition.people[Int(v.voter)]
                return SelfVoteRow(voterName: voter.fullName, voterId: voter.id, courseRef: courseRef(v.course),
                                   stageText: text.stage(u.stage), unitText: u.unit)
            }
        }
        let behavioural: Set<IntegrityKind> = [.favouritism, .reciprocity, .ring]
        let behaviour = (analysis.integrity?.flags ?? []).filter { behavioural.contains($0.kind) }.map { f in
            var evidence = ""
            switch f.evidence {
            case .favouritism(let e, let sheets):
                let group = e.group.name ?? e.group.person.map { competition.people.fullNames[Int($0)] } ?? ""
                evidence = "\(e.group.kind.rawValue) \(group): n = \(e.groupSheets), mean excess \(text.number(e.groupMeanExcess)) vs \(text.number(e.otherMeanExcess)); p = \(text.number(e.test.pValue, decimals: 4)); \(sheets.count) sheets"
            case .cycle(let edges):
                evidence = edges.map { "\(competition.people.ids[Int($0.from)]) → \(competition.people.ids[Int($0.to)]) (+\(text.number($0.effect)))" }
                    .joined(separator: "; ")
            default:
                break
            }
            return BehaviourRow(kindText: text.kind(f.kind.rawValue), severityText: f.severity.rawValue,
                                expertsText: f.experts.map { competition.people.fullNames[Int($0)] }.joined(separator: ", "),
                                coursesText: f.moocs.map { competition.courses.ids[Int($0)] }.joined(separator: ", "),
                                effectText: f.effect.map { text.number($0) } ?? "", qText: f.qValue.map { text.number($0, decimals: 4) } ?? "",
                                evidenceText: evidence)
        }
        let threshold = text.number(self.outliers.threshold, decimals: 1)
        return IntegrityPage(
            frame: frame(title: text["nav_integrity"], current: .integrity),
            integrityLead: text.format("integrity_lead", text.stage(analysis.stage)),
            recusedCount: String(recused.count), hasRecused: !recused.isEmpty, recused: recused,
            outlierCount: String(outliers.count),
            outlierRuleText: text.format(rules.scoring.excludeOutliers ? "outlier_excluded" : "outlier_kept", threshold),
            hasOutliers: !outliers.isEmpty, outliers: outliers,
            conflictCount: String(conflicts.count), hasConflicts: !conflicts.isEmpty, conflicts: conflicts,
            declaredCount: String(declared.count), hasDeclared: !declared.isEmpty, declared: declared,
            behaviourCount: String(behaviour.count), hasBehaviour: !behaviour.isEmpty, behaviour: behaviour,
            showSelfVotes: stages != nil, selfVoteCount: String(selfVotes.count), hasSelfVotes: !selfVotes.isEmpty,
            selfVotes: selfVotes)
    }
}

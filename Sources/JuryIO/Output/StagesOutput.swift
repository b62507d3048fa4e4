import JuryEngine

/// Renders the three-stage funnel as `jury/stages/v1` JSON, CSV or a table.
public enum StagesOutput {
    public static func json(_ p: StagePipeline, competition: Competition) -> String {
        let courses = competition.courses
        var w = JSONWriter()
        w.beginObject()
        w.string("schema", "jury/stages/v1")
        w.competition(competition)
        w.beginArray("eligibility")
        for e in p.eligibility {
            w.beginObject()
            w.string("mooc_id", e.courseID)
            w.bool("eligible", e.eligible)
            w.beginArray("failures")
            for f in e.failures {
                w.beginObject()
                w.string("code", f.code)
                w.string("clause", f.clause)
                w.string("message", f.message)
                w.bool("disqualifies", f.disqualifies)
                w.endObject()
            }
            w.endArray()
            w.beginArray("unchecked")
            for u in e.unchecked { w.string(nil, u.code) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("stages")
        let lastStage = p.units.last?.stage
        for u in p.units {
            // A unit's whole order is in it: a member a line, its entries a line each.
            w.beginObject(layout: .indented)
            w.string("stage", u.stage.name)
            w.string("unit", u.unit)
            w.string("method", u.method.rawValue)
            if u.method.usesVotes { w.int("ballots", u.ballots) }
            w.beginArray("order")
            for place in u.order {
                w.beginObject()
                w.string("mooc_id", courses.ids[Int(place.course)])
                w.int("rank", place.rank)
                w.number("tally", place.tally.isFinite ? place.tally : nil)
                w.string("tie_break", place.tieBreak)
                w.endObject()
            }
            w.endArray()
            w.beginArray("advanced")
            for c in u.advanced { w.string(nil, courses.ids[Int(c)]) }
            w.endArray()
            if !u.undecided.isEmpty {
                w.beginArray("undecided")
                for c in u.undecided { w.string(nil, courses.ids[Int(c)]) }
                w.endArray()
            }
            if !u.selfVotes.isEmpty {
                w.beginArray("self_votes_excluded")
                for v in u.selfVotes {
                    w.beginObject()
                    w.string("voter_id", competition.people.ids[Int(v.voter)])
                    w.string("mooc_id", courses.ids[Int(v.course)])
                    w.endObject()
                }
                w.endArray()
            }
            if let next = p.nextStage, u.stage == lastStage { w.string("next_stage", next.name) }
            w.endObject()
        }
        w.endArray()
        w.string("next_stage", p.nextStage?.name)
        w.beginArray("winners")
        for winner in p.winners {
            let course = courses[Int(winner.course)]
            w.beginObject()
            w.int("place", winner.place)
            w.string("mooc_id", course.id)
            w.string("title", course.title)
            w.number("score", winner.score)
            w.beginArray("authors")
            for a in course.authors { w.string(nil, competition.people.ids[Int(a)]) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("agreement")
        for a in p.agreement {
            w.beginObject()
            w.string("from", a.from.name)
            w.string("to", a.to.name)
            w.number("tau", a.tau)
            w.int("n", a.n)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text
    }

    public static func csv(_ p: StagePipeline, competition: Competition) -> String {
        var out = CSVWriter.line(["stage", "unit", "method", "rank", "mooc_id", "title", "tally", "tie_break", "advanced", "undecided"])
        for u in p.units {
            for place in u.order {
                let c = competition.courses[Int(place.course)]
                out += CSVWriter.line([u.stage.name, u.unit, u.method.rawValue, String(place.rank), c.id, c.title,
                                       place.tally.isFinite ? JSONWriter.formatNumber(place.tally) : "",
                                       place.tieBreak ?? "", u.advanced.contains(place.course) ? "yes" : "no",
                                       u.undecided.contains(place.course) ? "yes" : "no"])
            }
        }
        return out
    }

    public static func table(_ p: StagePipeline, competition: Competition) -> String {
        let courses = competition.courses
        var out = "\(competition.title) — stages\n\n"
        let ineligible = p.eligibility.filter { !$0.eligible }
        out += "Eligibility: \(p.eligibility.count - ineligible.count) of \(p.eligibility.count) courses eligible\n"
        for e in ineligible {
            for f in e.failures where f.disqualifies { out += "  \(e.courseID): \(f.clause) \(f.code): \(f.message)\n" }
        }
        for u in p.units {
            out += "\n\(u.stage.name) · \(u.unit) · \(u.method.rawValue)"
            if u.method.usesVotes { out += " · \(u.ballots) ballots" }
            out += "\n"
            var t = TextTable(headers: ["rank", "course", "title", "tally", "separated by", ""],
                              alignments: [.right, .left, .left, .right, .left, .left])
            for place in u.order {
                let c = courses[Int(place.course)]
                let mark = u.undecided.contains(place.course) ? "tied at the line: commission decides"
                    : u.advanced.contains(place.course) ? "advances" : ""
                t.append([String(place.rank), c.id, c.title, place.tally.isFinite ? RankingOutput.format2(place.tally) : "—",
                          place.tieBreak ?? "", mark])
            }
            out += t.render()
        }
        if let next = p.nextStage {
            out += "\nThe data ends here: the \(next.name) stage is next.\n"
        }
        if !p.winners.isEmpty {
            out += "\nWinners:\n"
            for w in p.winners {
                let c = courses[Int(w.course)]
                let authors = c.authors.map { competition.people.fullNames[Int($0)] }.joined(separator: ", ")
                out += "  \(w.place). \(c.id) \(c.title) — \(RankingOutput.format2(w.score)) (\(authors))\n"
            }
        }
        for a in p.agreement {
            out += "\nAgreement \(a.from.name) → \(a.to.name): Kendall's tau-b \(a.tau.map(RankingOutput.format2) ?? "—") on \(a.n) common entries"
        }
        return out + (p.agreement.isEmpty ? "" : "\n")
    }
}

import JuryEngine

/// Reads `competition.json`: the round's metadata and `Rules`, with the
/// defaults of `bundle-format.md` for every key left out. Every problem is
/// reported with the line of the key it concerns; unknown keys are warnings.
struct CompetitionFile {
    static let name = "competition.json"

    var id: String
    var title: String
    var year: Int?
    var semester: String?
    var rules = Rules()

    /// Kinds `integrity.recuse` may name.
    static let conflictKinds = ["declared", "self_review", "same_department", "same_faculty", "coauthor", "earlier_coauthor"]

    /// The defaults, for a bundle without `competition.json`.
    init(folderName: String) {
        id = folderName
        title = folderName
    }

    /// Parses the file's bytes. Problems go to `log`; the result holds the
    /// defaults wherever a value was unusable.
    init(bytes: [UInt8], folderName: String, log: inout DiagnosticLog) {
        self.init(folderName: folderName)
        var reader = Reader(bytes: bytes)
        let root: JSONValue
        switch JSONValue.parse(bytes) {
        case .failure(let e):
            log.error(Self.name, e.line, nil, e.message)
            return
        case .success(let value):
            root = value
        }
        guard case .object(let top) = root else {
            log.error(Self.name, 1, nil, "expected a JSON object at the top, found \(root.kind)")
            return
        }
        let known = ["id", "title", "year", "semester", "scale", "criteria", "weights", "deadline", "stages",
                     "scoring", "seed", "integrity", "audit", "eligibility", "report"]
        reader.warnUnknown(top, known: known, path: "", log: &log)

        if let v = top["id"] {
            if let s = reader.string(v, "id", log: &log) {
                if s.isEmpty || s.trimmingSpaces != s {
                    log.error(Self.name, reader.line(of: "id"), nil, "'id' must be a non-empty string without surrounding spaces")
                } else {
                    id = s
                }
            }
        }
        title = top["title"].flatMap { reader.string($0, "title", log: &log) } ?? id
        year = top["year"].flatMap { reader.integer($0, "year", log: &log) }.map { Int($0) }
        semester = top["semester"].flatMap { reader.string($0, "semester", log: &log) }
        if let v = top["seed"], let seed = reader.integer(v, "seed", log: &log) {
            if seed < 0 {
                log.error(Self.name, reader.line(of: "seed"), nil, "'seed' must be a non-negative integer, found \(seed)")
            } else {
                rules.seed = UInt64(seed)
            }
        }
        if let v = top["scale"] { readScale(v, &reader, &log) }
        if let v = top["criteria"] { readCriteria(v, &reader, &log) }
        rules.weights = Array(repeating: 1, count: rules.criteria.count)
        if let v = top["weights"] { readWeights(v, &reader, &log) }
        if let v = top["deadline"], let s = reader.string(v, "deadline", log: &log) {
            if let t = ISO8601.parse(s) {
                rules.deadline = t
            } else {
                log.error(Self.name, reader.line(of: "deadline"), nil, "'deadline' \"\(s)\" is not an ISO 8601 timestamp (e.g. 2025-05-15T18:00:00+05:00)")
            }
        }
        if let v = top["stages"] { readStages(v, &reader, &log) }
        if let v = top["scoring"] { readScoring(v, &reader, &log) }
        if let v = top["integrity"] { readIntegrity(v, &reader, &log) }
        if let v = top["audit"] { readAudit(v, &reader, &log) }
        if let v = top["eligibility"], let o = reader.object(v, "eligibility", log: &log) {
            reader.warnUnknown(o, known: ["warn"], path: "eligibility.", log: &log)
            if let w = o["warn"], let list = reader.strings(w, "eligibility.warn", log: &log) {
                rules.eligibilityWarn = list
            }
        }
        if let v = top["report"], let o = reader.object(v, "report", log: &log) {
            reader.warnUnknown(o, known: ["lang"], path: "report.", log: &log)
            if let l = o["lang"], let lang = reader.string(l, "report.lang", log: &log) {
                if ["en", "ru", "kk"].contains(lang) {
                    rules.reportLanguage = lang
                } else {
                    log.error(Self.name, reader.line(of: "lang"), nil, "'report.lang' must be one of en, ru, kk, found \"\(lang)\"")
                }
            }
        }
    }

    private mutating func readScale(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard let o = reader.object(v, "scale", log: &log) else { return }
        reader.warnUnknown(o, known: ["min", "max"], path: "scale.", log: &log)
        let lo = o["min"].flatMap { reader.integer($0, "scale.min", log: &log) } ?? Int64(rules.scale.min)
        let hi = o["max"].flatMap { reader.integer($0, "scale.max", log: &log) } ?? Int64(rules.scale.max)
        guard lo >= 0, hi <= 255 else {
            log.error(Self.name, reader.line(of: "scale"), nil, "'scale' must lie within 0–255, found \(lo)–\(hi)")
            return
        }
        guard lo < hi else {
            log.error(Self.name, reader.line(of: "scale"), nil, "'scale.min' (\(lo)) must be below 'scale.max' (\(hi))")
            return
        }
        rules.scale = Scale(min: Int(lo), max: Int(hi))
    }

    private mutating func readCriteria(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard case .array(let items) = v else {
            log.error(Self.name, reader.line(of: "criteria"), nil, "'criteria' must be an array of {key, title}, found \(v.kind)")
            return
        }
        guard !items.isEmpty else {
            log.error(Self.name, reader.line(of: "criteria"), nil, "'criteria' must name at least one criterion")
            return
        }
        var criteria: [Criterion] = []
        let reserved = ["stage", "expert_id", "mooc_id", "total", "comment", "signed_at"]
        for (i, item) in items.enumerated() {
            guard case .object(let o) = item, case .string(let key)? = o["key"] else {
                log.error(Self.name, reader.line(of: "criteria"), nil, "criterion \(i + 1) must be an object with a string 'key'")
                return
            }
            let line = reader.line(of: key)
            reader.warnUnknown(o, known: ["key", "title"], path: "criteria[\(i)].", log: &log)
            if key.isEmpty || key.trimmingSpaces != key || key.contains(",") || key.contains("\"") {
                log.error(Self.name, line, nil, "criterion key \"\(key)\" must be non-empty, without surrounding spaces, commas or quotes")
                return
            }
            if reserved.contains(key) {
                log.error(Self.name, line, nil, "criterion key \"\(key)\" clashes with a sheets.csv column of that name")
                return
            }
            if criteria.contains(where: { $0.key == key }) {
                log.error(Self.name, line, nil, "criterion key \"\(key)\" is given twice")
                return
            }
            var title = key
            if let t = o["title"] {
                guard case .string(let s) = t else {
                    log.error(Self.name, line, nil, "title of criterion \"\(key)\" must be a string, found \(t.kind)")
                    return
                }
                title = s
            }
            criteria.append(Criterion(key: key, title: title))
        }
        rules.criteria = criteria
    }

    private mutating func readWeights(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        if v == .null { return }
        guard let o = reader.object(v, "weights", log: &log) else { return }
        for (key, value) in o.sorted(by: { $0.key < $1.key }) {
            guard let index = rules.criteria.firstIndex(where: { $0.key == key }) else {
                log.error(Self.name, reader.line(of: key), nil, "'weights' names \"\(key)\", which is not a criterion key")
                continue
            }
            guard let w = value.double, w > 0, w.isFinite else {
                log.error(Self.name, reader.line(of: key), nil, "weight of \"\(key)\" must be a positive number, found \(value.kind == "a number" ? "\(value.double ?? 0)" : value.kind)")
                continue
            }
            rules.weights[index] = w
        }
    }

    private mutating func readStages(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard let o = reader.object(v, "stages", log: &log) else { return }
        reader.warnUnknown(o, known: Stage.allCases.map(\.name), path: "stages.", log: &log)
        for stage in Stage.allCases {
            guard let sv = o[stage.name], let so = reader.object(sv, "stages.\(stage.name)", log: &log) else { continue }
            let path = "stages.\(stage.name)"
            let line = reader.line(of: stage.name)
            reader.warnUnknown(so, known: stage == .commission ? ["method", "prizes"] : ["method", "forward"],
                               path: path + ".", log: &log)
            var rule = rules.stages[stage]
            if let m = so["method"], let text = reader.string(m, "\(path).method", log: &log) {
                if let method = StageMethod(rawValue: text) {
                    if stage == .commission && method != .score {
                        log.error(Self.name, line, nil, "'\(path).method' must be \"score\": the commission ranks by rating score (12.2), votes are held only at the department and faculty stages")
                    } else {
                        rule.method = method
                    }
                } else {
                    log.error(Self.name, line, nil, "'\(path).method' \"\(text)\" is not one of \(StageMethod.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            if stage != .commission, let f = so["forward"], let n = reader.integer(f, "\(path).forward", log: &log) {
                if n < 1 {
                    log.error(Self.name, line, nil, "'\(path).forward' must be at least 1, found \(n)")
                } else {
                    rule.forward = Int(n)
                }
            }
            if stage == .commission, let p = so["prizes"], let n = reader.integer(p, "\(path).prizes", log: &log) {
                if n < 1 {
                    log.error(Self.name, line, nil, "'\(path).prizes' must be at least 1 (the winner), found \(n)")
                } else {
                    rule.prizes = Int(n)
                }
            }
            rules.stages[stage] = rule
        }
    }

    private mutating func readScoring(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard let o = reader.object(v, "scoring", log: &log) else { return }
        reader.warnUnknown(o, known: ["method", "tie_break", "exclude_outliers"], path: "scoring.", log: &log)
        if let m = o["method"], let text = reader.string(m, "scoring.method", log: &log) {
            if let method = ScoringMethod(rawValue: text) {
                rules.scoring.method = method
            } else {
                log.error(Self.name, reader.line(of: "method"), nil, "'scoring.method' \"\(text)\" is not one of \(ScoringMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let t = o["tie_break"], let list = reader.strings(t, "scoring.tie_break", log: &log) {
            var chain: [TieBreakRule] = []
            for text in list {
                guard let rule = TieBreakRule(text: text, criteria: rules.criteria) else {
                    log.error(Self.name, reader.line(of: "tie_break"), nil, "'scoring.tie_break' rule \"\(text)\" is not one of median, min, max, criterion:<key>, count, lot")
                    continue
                }
                if chain.contains(rule) {
                    log.warning(Self.name, reader.line(of: "tie_break"), nil, "'scoring.tie_break' names \"\(text)\" twice; the second has no effect")
                    continue
                }
                chain.append(rule)
            }
            rules.scoring.tieBreak = chain
        }
        if let e = o["exclude_outliers"] {
            guard case .bool(let b) = e else {
                log.error(Self.name, reader.line(of: "exclude_outliers"), nil, "'scoring.exclude_outliers' must be true or false, found \(e.kind)")
                return
            }
            rules.scoring.excludeOutliers = b
        }
    }

    /// `integrity`: `recuse` and the detectors' thresholds. Defaults and their
    /// reasons are documented on `IntegrityRules`: `favouritism_min_effect`
    /// one point per criterion (Σ weights, 7 by default), `favouritism_alpha`
    /// 0.05, `permutations` 999, `min_group_sheets` 4, `edge_z` 2.0,
    /// `ring_max_length` 4, `exclude_self_votes` true.
    private mutating func readIntegrity(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard let o = reader.object(v, "integrity", log: &log) else { return }
        reader.warnUnknown(o, known: ["recuse", "favouritism_min_effect", "favouritism_alpha", "permutations",
                                      "min_group_sheets", "edge_z", "ring_max_length", "exclude_self_votes"],
                           path: "integrity.", log: &log)
        func number(_ key: String, _ expected: String, _ valid: (Double) -> Bool) -> Double? {
            guard let value = o[key] else { return nil }
            guard let x = value.double, x.isFinite, valid(x) else {
                log.error(Self.name, reader.line(of: key), nil, "'integrity.\(key)' must be \(expected), found \(value.kind == "a number" ? "\(value.double ?? 0)" : value.kind)")
                return nil
            }
            return x
        }
        func integer(_ key: String, _ range: ClosedRange<Int64>, _ expected: String) -> Int? {
            guard let value = o[key], let n = reader.integer(value, "integrity.\(key)", log: &log) else { return nil }
            guard range.contains(n) else {
                log.error(Self.name, reader.line(of: key), nil, "'integrity.\(key)' must be \(expected), found \(n)")
                return nil
            }
            return Int(n)
        }
        if let x = number("favouritism_min_effect", "a non-negative number of total points", { $0 >= 0 }) {
            rules.integrity.favouritismMinEffect = x
        }
        if let x = number("favouritism_alpha", "a number between 0 and 1 (exclusive)", { $0 > 0 && $0 < 1 }) {
            rules.integrity.favouritismAlpha = x
        }
        if let x = number("edge_z", "a positive number", { $0 > 0 }) {
            rules.integrity.edgeZ = x
        }
        if let n = integer("permutations", 19...10_000_000, "an integer from 19 (p can reach 0.05) to 10000000") {
            rules.integrity.permutations = n
        }
        if let n = integer("min_group_sheets", 2...1_000_000, "an integer of at least 2 (an interval needs two sheets a side)") {
            rules.integrity.minGroupSheets = n
        }
        if let n = integer("ring_max_length", 2...8, "an integer from 2 (pairs only) to 8") {
            rules.integrity.ringMaxLength = n
        }
        if let b = o["exclude_self_votes"] {
            if case .bool(let flag) = b {
                rules.integrity.excludeSelfVotes = flag
            } else {
                log.error(Self.name, reader.line(of: "exclude_self_votes"), nil, "'integrity.exclude_self_votes' must be true or false, found \(b.kind)")
            }
        }
        if let r = o["recuse"], let list = reader.strings(r, "integrity.recuse", log: &log) {
            var kinds: [String] = []
            for kind in list {
                if Self.conflictKinds.contains(kind) {
                    if !kinds.contains(kind) { kinds.append(kind) }
                } else {
                    log.error(Self.name, reader.line(of: "recuse"), nil, "'integrity.recuse' kind \"\(kind)\" is not one of \(Self.conflictKinds.joined(separator: ", "))")
                }
            }
            rules.integrity.recuse = kinds
        }
    }

    private mutating func readAudit(_ v: JSONValue, _ reader: inout Reader, _ log: inout DiagnosticLog) {
        guard let o = reader.object(v, "audit", log: &log) else { return }
        let numbers: [(String, WritableKeyPath<AuditRules, Double>, ClosedRange<Double>)] = [
            ("outlier_threshold", \.outlierThreshold, 0.1...100), ("severity_z", \.severityZ, 0.1...100),
            ("consistency_min", \.consistencyMin, -1...1), ("halo_max", \.haloMax, 0...100),
            ("central_max", \.centralMax, 0...1), ("extreme_max", \.extremeMax, 0...1),
            ("outlier_share_min", \.outlierShareMin, 0...1),
        ]
        reader.warnUnknown(o, known: numbers.map(\.0) + ["outlier_sheets_min"], path: "audit.", log: &log)
        for (key, path, range) in numbers {
            guard let t = o[key] else { continue }
            guard let x = t.double, range.contains(x) else {
                log.error(Self.name, reader.line(of: key), nil, "'audit.\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
                continue
            }
            rules.audit[keyPath: path] = x
        }
        if let t = o["outlier_sheets_min"], let n = reader.integer(t, "audit.outlier_sheets_min", log: &log) {
            if n < 1 {
                log.error(Self.name, reader.line(of: "outlier_sheets_min"), nil, "'audit.outlier_sheets_min' must be at least 1")
            } else {
                rules.audit.outlierSheetsMin = Int(n)
            }
        }
    }

    /// Typed access to JSON values with messages that name the key and its line.
    struct Reader {
        let lines: [String]

        init(bytes: [UInt8]) {
            lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        /// The first line that holds `"key"`, so a message can point at it.
        func line(of key: String) -> Int? {
            let needle = "\"\(key)\""
            return lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
        }

        func lastComponent(_ path: String) -> String {
            String(path.split(separator: ".").last ?? Substring(path))
        }

        func string(_ v: JSONValue, _ path: String, log: inout DiagnosticLog) -> String? {
            if case .string(let s) = v { return s }
            log.error(CompetitionFile.name, line(of: lastComponent(path)), nil, "'\(path)' must be a string, found \(v.kind)")
            return nil
        }

        func integer(_ v: JSONValue, _ path: String, log: inout DiagnosticLog) -> Int64? {
            if case .integer(let i) = v { return i }
            if case .number(let d) = v, d == d.rounded(), abs(d) < 9e15 { return Int64(d) }
            log.error(CompetitionFile.name, line(of: lastComponent(path)), nil, "'\(path)' must be an integer, found \(v.kind == "a number" ? "\(v.double ?? 0)" : v.kind)")
            return nil
        }

        func object(_ v: JSONValue, _ path: String, log: inout DiagnosticLog) -> [String: JSONValue]? {
            if case .object(let o) = v { return o }
            log.error(CompetitionFile.name, line(of: lastComponent(path)), nil, "'\(path)' must be an object, found \(v.kind)")
            return nil
        }

        func strings(_ v: JSONValue, _ path: String, log: inout DiagnosticLog) -> [String]? {
            guard case .array(let items) = v else {
                log.error(CompetitionFile.name, line(of: lastComponent(path)), nil, "'\(path)' must be an array of strings, found \(v.kind)")
                return nil
            }
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    log.error(CompetitionFile.name, line(of: lastComponent(path)), nil, "'\(path)' must hold only strings, found \(item.kind)")
                    return nil
                }
                out.append(s)
            }
            return out
        }

        func warnUnknown(_ o: [String: JSONValue], known: [String], path: String, log: inout DiagnosticLog) {
            for key in o.keys.sorted() where !known.contains(key) {
                log.warning(CompetitionFile.name, line(of: key), nil, "unknown key '\(path)\(key)' is ignored")
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return self }
        func blank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        if !blank(first) && !blank(last) { return self }
        var s = Substring(self)
        while let f = s.utf8.first, blank(f) { s = s.dropFirst() }
        while let l = s.utf8.last, blank(l) { s = s.dropLast() }
        return String(s)
    }
}

/// `truth.json`: every anomaly planted in a synthetic bundle, with its ids and
/// planted size, for checking what the detectors find (`schema`
/// `jury/truth/v1`). Every `shift` is in points added to each criterion score
/// before rounding and clipping: negative lowers the scores. Lists are sorted
/// by their first id.
public struct Truth: Sendable, Hashable, Codable {
    public var schema = "jury/truth/v1"
    public var seed: UInt64
    /// The bundle's year (`competition.json`).
    public var year: Int
    /// The complete configuration that made the bundle.
    public var parameters: SynthConfig
    public var outlierSheets: [OutlierSheet]
    public var severeExperts: [ExpertShift]
    public var lenientExperts: [ExpertShift]
    public var favouritism: [Favouritism]
    public var reciprocalPairs: [AuthorCycle]
    public var rings: [AuthorCycle]
    public var selfVotes: [SelfVote]

    public struct OutlierSheet: Sendable, Hashable, Codable {
        public var expertID: String
        public var moocID: String
        public var stage: String
        public var shift: Double

        enum CodingKeys: String, CodingKey {
            case expertID = "expert_id", moocID = "mooc_id", stage, shift
        }
    }

    /// A severe (shift < 0) or lenient (shift > 0) expert: every sheet is shifted.
    public struct ExpertShift: Sendable, Hashable, Codable {
        public var expertID: String
        public var shift: Double

        enum CodingKeys: String, CodingKey {
            case expertID = "expert_id", shift
        }
    }

    /// An expert whose sheets on `moocs` (all the expert's sheets on courses
    /// of `group`) are shifted.
    public struct Favouritism: Sendable, Hashable, Codable {
        public var expertID: String
        /// `faculty`.
        public var groupKind: String
        public var group: String
        public var shift: Double
        public var moocs: [String]

        enum CodingKeys: String, CodingKey {
            case expertID = "expert_id", groupKind = "group_kind", group, shift, moocs
        }
    }

    /// Expert-authors who favour each other: `moocs[i]` is the course whose
    /// lead author is `experts[i]`, and `experts[i]` rates the course of
    /// `experts[(i + 1) % n]` with `shift` (one sheet each).
    public struct AuthorCycle: Sendable, Hashable, Codable {
        public var experts: [String]
        public var moocs: [String]
        public var shift: Double
    }

    /// A voter approving their own course at the department stage of `unit`.
    public struct SelfVote: Sendable, Hashable, Codable {
        public var voterID: String
        public var moocID: String
        public var unit: String

        enum CodingKeys: String, CodingKey {
            case voterID = "voter_id", moocID = "mooc_id", unit
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, seed, year, parameters
        case outlierSheets = "outlier_sheets", severeExperts = "severe_experts", lenientExperts = "lenient_experts"
        case favouritism, reciprocalPairs = "reciprocal_pairs", rings, selfVotes = "self_votes"
    }
}

extension Truth {
    init(plan: AnomalyPlan, population: Population, authorship: Authorship, ids: Identifiers.Set) {
        let config = population.config
        seed = config.seed
        year = config.year + population.year
        parameters = config
        outlierSheets = plan.outliers.map {
            OutlierSheet(expertID: ids.expert(Int($0.sheet.expert)), moocID: ids.course(Int($0.course)),
                         stage: "commission", shift: $0.sheet.shift)
        }.sorted { ($0.moocID, $0.expertID) < ($1.moocID, $1.expertID) }
        severeExperts = plan.severe.sorted().map { ExpertShift(expertID: ids.expert(Int($0)), shift: plan.expertShift[Int($0)]) }
        lenientExperts = plan.lenient.sorted().map { ExpertShift(expertID: ids.expert(Int($0)), shift: plan.expertShift[Int($0)]) }
        favouritism = plan.favouritism.sorted { $0.expert < $1.expert }.map {
            Favouritism(expertID: ids.expert(Int($0.expert)), groupKind: "faculty", group: ids.faculty(Int($0.faculty)),
                        shift: config.favouritismShift, moocs: $0.courses.map { ids.course(Int($0)) })
        }
        func cycles(_ list: [(experts: [Int32], courses: [Int32])], shift: Double) -> [AuthorCycle] {
            list.map { cycle in
                // Rotate so the smallest expert id comes first; the cycle's direction is kept.
                let start = cycle.experts.indices.min { cycle.experts[$0] < cycle.experts[$1] }!
                let order = (0..<cycle.experts.count).map { (start + $0) % cycle.experts.count }
                return AuthorCycle(experts: order.map { ids.expert(Int(cycle.experts[$0])) },
                                   moocs: order.map { ids.course(Int(cycle.courses[$0])) }, shift: shift)
            }.sorted { $0.experts.lexicographicallyPrecedes($1.experts) }
        }
        reciprocalPairs = cycles(plan.pairs, shift: config.reciprocalShift)
        rings = cycles(plan.rings, shift: config.ringShift)
        selfVotes = plan.selfVoteCourses.sorted().map { c in
            SelfVote(voterID: ids.author(authorship.authors(ofCourse: Int(c)).lowerBound),
                     moocID: ids.course(Int(c)), unit: ids.department(Int(population.courseDepartment[Int(c)])))
        }
    }
}

/// The `truth.json` beside the yearly bundles of a multi-year data set
/// (`schema` `jury/truth-years/v1`): what stays the same from year to year.
/// Each year's folder has its own `Truth` with that year's details.
public struct TruthYears: Sendable, Hashable, Codable {
    public var schema = "jury/truth-years/v1"
    public var seed: UInt64
    public var parameters: SynthConfig
    /// The yearly bundles, each in the folder named by its year.
    public var years: [Int]
    /// The same experts every year.
    public var severeExperts: [Truth.ExpertShift]
    public var lenientExperts: [Truth.ExpertShift]
    /// Favouritism repeated every year: the expert, their faculty, the shift
    /// and the years (each year's `truth.json` lists that year's courses).
    public var repeatedFavouritism: [RepeatedFavouritism]

    public struct RepeatedFavouritism: Sendable, Hashable, Codable {
        public var expertID: String
        public var groupKind: String
        public var group: String
        public var shift: Double
        public var years: [Int]

        enum CodingKeys: String, CodingKey {
            case expertID = "expert_id", groupKind = "group_kind", group, shift, years
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, seed, parameters, years
        case severeExperts = "severe_experts", lenientExperts = "lenient_experts"
        case repeatedFavouritism = "repeated_favouritism"
    }

    /// From the truth of the last year: the marks are the same every year.
    init(last: Truth) {
        let config = last.parameters
        seed = config.seed
        parameters = config
        years = Array(config.year ..< config.year + config.years)
        severeExperts = last.severeExperts
        lenientExperts = last.lenientExperts
        repeatedFavouritism = last.favouritism.map {
            RepeatedFavouritism(expertID: $0.expertID, groupKind: $0.groupKind, group: $0.group, shift: $0.shift,
                                years: Array(config.year ..< config.year + config.years))
        }
    }
}

/// The eligibility of one course: which requirements it fails, which could not
/// be checked for want of data, and whether it may compete.
///
/// Every requirement of `EligibilityRequirement` lands in exactly one of
/// `failures`, `unchecked` and `passed`; both lists follow the order of
/// `EligibilityRequirement.allCases`.
///
/// JSON (`Codable`): `{"mooc_id", "eligible", "failures": [{"code", "clause",
/// "message", "disqualifies"}], "unchecked": [code]}`.
public struct EligibilityResult: Sendable, Hashable, Codable {
    /// The course's `mooc_id`.
    public var courseID: String
    /// False when any failure disqualifies.
    public var eligible: Bool
    /// Every failed requirement, disqualifying or only warning.
    public var failures: [EligibilityFailure]
    /// Requirements whose data the bundle does not give. An unchecked
    /// requirement is not passed, and never disqualifies.
    public var unchecked: [EligibilityRequirement]

    public init(courseID: String, failures: [EligibilityFailure], unchecked: [EligibilityRequirement]) {
        self.courseID = courseID
        self.eligible = !failures.contains { $0.disqualifies }
        self.failures = failures
        self.unchecked = unchecked
    }

    /// Failures that only warn (their code is listed in `eligibility.warn`).
    public var warnings: [EligibilityFailure] { failures.filter { !$0.disqualifies } }

    /// Requirements checked and met, in requirement order.
    public var passed: [EligibilityRequirement] {
        EligibilityRequirement.allCases.filter { r in
            !unchecked.contains(r) && !failures.contains { $0.requirement == r }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case courseID = "mooc_id", eligible, failures, unchecked
    }
}

/// One requirement a course fails.
///
/// JSON (`Codable`): `{"code", "clause", "message", "disqualifies"}`; the
/// clause is the requirement's and is not read back.
public struct EligibilityFailure: Sendable, Hashable, Codable {
    public var requirement: EligibilityRequirement
    /// What is wrong, for a secretary: the value found and the limit.
    public var message: String
    /// Whether the failure makes the course ineligible (false: a warning).
    public var disqualifies: Bool

    public init(requirement: EligibilityRequirement, message: String, disqualifies: Bool) {
        self.requirement = requirement
        self.message = message
        self.disqualifies = disqualifies
    }

    public var code: String { requirement.code }
    public var clause: String { requirement.clause }

    private enum CodingKeys: String, CodingKey {
        case code, clause, message, disqualifies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        guard let requirement = EligibilityRequirement(code: code) else {
            throw DecodingError.dataCorruptedError(forKey: .code, in: container,
                                                   debugDescription: "unknown eligibility code '\(code)'")
        }
        self.requirement = requirement
        self.message = try container.decode(String.self, forKey: .message)
        self.disqualifies = try container.decode(Bool.self, forKey: .disqualifies)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(clause, forKey: .clause)
        try container.encode(message, forKey: .message)
        try container.encode(disqualifies, forKey: .disqualifies)
    }
}

/// A submitted course (one row of `moocs.csv`): the cover letter F-01 and the
/// format facts of F-02 that a bundle can express. Every eligibility field is
/// optional: nil means the bundle does not say, and the check is reported as
/// unchecked rather than passed.
public struct Course: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Indices into `Competition.people`; the first is the lead author.
    public var authors: [Int32]
    public var faculty: String
    public var department: String
    /// Course languages (8.2: any of `kk`, `ru`, `en`), as written.
    public var languages: [String]?
    public var link: String?
    public var annotation: String?
    public var submittedAt: Timestamp?
    /// Number of piloted learner cohorts (10.1 requires at least two).
    public var cohorts: Int?
    public var hasSyllabus: Bool?
    public var hasPromoVideo: Bool?
    public var hasGlossary: Bool?
    public var hasForum: Bool?
    public var promoVideoSeconds: Double?
    public var maxLectureSeconds: Double?
    /// As written, e.g. `mp4/h264/1280x720`.
    public var videoFormat: String?
    public var audioCodec: String?
    /// Share of cited material, 0–1.
    public var citationShare: Double?
    public var hasImplementationAct: Bool?
    public var hasPlacementCertificate: Bool?
    /// Year this course last won or took a prize (9.10), if ever.
    public var previousAwardYear: Int?

    public init(id: String, title: String, authors: [Int32], faculty: String, department: String) {
        self.id = id
        self.title = title
        self.authors = authors
        self.faculty = faculty
        self.department = department
    }
}

/// The numbers and lists the eligibility checks compare against. `regulation`
/// holds the values of ATU-CAIDD-RP-7.5.1-2025-01; another contest may pass
/// its own.
public struct EligibilityLimits: Sendable, Hashable, Codable {
    /// Languages a course may be in (8.2), lower case.
    public var languages: [String]
    /// Fewest piloted cohorts of learners (10.1: "at least two cohorts").
    public var minimumCohorts: Int
    /// Longest promotional video in seconds (F-02 1: "up to 3 minutes").
    public var maxPromoVideoSeconds: Double
    /// Longest video lecture in seconds (F-02 2: "no more than 15 minutes").
    public var maxLectureSeconds: Double
    /// Longest annotation in characters, counted as extended grapheme clusters
    /// (F-02 1: "up to 300 characters"; `bundle-format.md`: lengths count
    /// characters, not bytes).
    public var maxAnnotationCharacters: Int
    /// Largest share of cited material, 0–1 (F-02 3: "must not exceed 5%").
    public var maxCitationShare: Double
    /// Accepted spellings of the video container, lower case (F-02 2: MP4).
    public var videoContainers: [String]
    /// Accepted spellings of the video codec, lower case (F-02 2: H.264).
    /// `avc` and `avc1` name the same codec: H.264 is MPEG-4 Part 10, Advanced
    /// Video Coding, and `avc1` is its tag in an MP4 file.
    public var videoCodecs: [String]
    /// Smallest frame (F-02 2: "not lower than 1280×720"): both the width and
    /// the height must reach these.
    public var minimumVideoWidth: Int
    public var minimumVideoHeight: Int
    /// The required aspect ratio (F-02 2: 16:9), as width and height.
    public var aspectWidth: Int
    public var aspectHeight: Int
    /// Largest relative difference between a frame's width/height and the
    /// required ratio. 1 % admits the common frame sizes that are 16:9 only up
    /// to rounding — 854×480 (0.08 % off), 1366×768 (0.05 %), 1920×1088 (the
    /// coded height of 1080p H.264, 0.7 %) — and rejects 16:10 (10 % off) and
    /// 4:3 (25 %).
    public var aspectTolerance: Double
    /// Accepted audio codecs, lower case (F-02 2: AAC, AC3, OGG, MP3).
    public var audioCodecs: [String]

    public init(languages: [String], minimumCohorts: Int, maxPromoVideoSeconds: Double, maxLectureSeconds: Double,
                maxAnnotationCharacters: Int, maxCitationShare: Double, videoContainers: [String],
                videoCodecs: [String], minimumVideoWidth: Int, minimumVideoHeight: Int, aspectWidth: Int,
                aspectHeight: Int, aspectTolerance: Double, audioCodecs: [String]) {
        self.languages = languages
        self.minimumCohorts = minimumCohorts
        self.maxPromoVideoSeconds = maxPromoVideoSeconds
        self.maxLectureSeconds = maxLectureSeconds
        self.maxAnnotationCharacters = maxAnnotationCharacters
        self.maxCitationShare = maxCitationShare
        self.videoContainers = videoContainers
        self.videoCodecs = videoCodecs
        self.minimumVideoWidth = minimumVideoWidth
        self.minimumVideoHeight = minimumVideoHeight
        self.aspectWidth = aspectWidth
        self.aspectHeight = aspectHeight
        self.aspectTolerance = aspectTolerance
        self.audioCodecs = audioCodecs
    }

    /// The limits of ATU-CAIDD-RP-7.5.1-2025-01 (8.2, 10.1, form F-02).
    public static let regulation = EligibilityLimits(
        languages: ["kk", "ru", "en"],
        minimumCohorts: 2,
        maxPromoVideoSeconds: 180,
        maxLectureSeconds: 900,
        maxAnnotationCharacters: 300,
        maxCitationShare: 0.05,
        videoContainers: ["mp4"],
        videoCodecs: ["h264", "h.264", "avc", "avc1"],
        minimumVideoWidth: 1280,
        minimumVideoHeight: 720,
        aspectWidth: 16,
        aspectHeight: 9,
        aspectTolerance: 0.01,
        audioCodecs: ["aac", "ac3", "ogg", "mp3"]
    )
}

/// The `video_format` cell of `moocs.csv`, e.g. `mp4/h264/1280x720`, read
/// into its container, codec and frame size.
///
/// The grammar: `CONTAINER/CODEC/WIDTHxHEIGHT` — exactly three parts split
/// at `/`, none empty; white space around the whole and around each part is
/// ignored; the frame size is two positive integers of ASCII digits separated
/// by `x`, `X` or `×` (U+00D7), optionally with spaces around the separator.
/// Container and codec are kept as written (trimmed); comparing them with the
/// accepted spellings, case-insensitively, is the checker's job.
///
/// A cell that does not follow the grammar is never a crash: parsing throws a
/// `ParseError` whose `description` says what is wrong, and the checker
/// reports it as the failure `video_format`, leaving the four checks that need
/// the parts (`video_container`, `video_codec`, `video_resolution`,
/// `video_aspect`) unchecked.
public struct VideoFormat: Sendable, Hashable, Codable {
    public var container: String
    public var codec: String
    public var width: Int
    public var height: Int

    public init(container: String, codec: String, width: Int, height: Int) {
        self.container = container
        self.codec = codec
        self.width = width
        self.height = height
    }

    /// Why a `video_format` cell could not be read.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing but white space.
        case empty
        /// Split at `/`, the cell has this many parts instead of three.
        case partCount(Int)
        /// The named part (`container`, `codec` or `resolution`) is empty.
        case emptyPart(String)
        /// The third part, as written, is not WIDTHxHEIGHT with positive integers.
        case resolution(String)

        public var description: String {
            switch self {
            case .empty: "it is empty"
            case .partCount(let n): "it has \(n) part\(n == 1 ? "" : "s") separated by '/', not 3"
            case .emptyPart(let name): "its \(name) is empty"
            case .resolution(let text): "its resolution '\(text)' is not WIDTHxHEIGHT in whole pixels"
            }
        }
    }

    /// Reads a `video_format` cell; see the type's documentation for the grammar.
    /// Complexity: O(n) in the length of `text`.
    public init(parsing text: String) throws(ParseError) {
        let whole = EligibilityText.trimmed(text)
        guard !whole.isEmpty else { throw .empty }
        let parts = whole.split(separator: "/", omittingEmptySubsequences: false).map(EligibilityText.trimmed)
        guard parts.count == 3 else { throw .partCount(parts.count) }
        for (part, name) in zip(parts, ["container", "codec", "resolution"]) where part.isEmpty {
            throw .emptyPart(name)
        }
        let size = parts[2].split(omittingEmptySubsequences: false) { $0 == "x" || $0 == "X" || $0 == "×" }
            .map(EligibilityText.trimmed)
        guard size.count == 2, let width = VideoFormat.pixels(size[0]), let height = VideoFormat.pixels(size[1]) else {
            throw .resolution(String(parts[2]))
        }
        self.init(container: String(parts[0]), codec: String(parts[1]), width: width, height: height)
    }

    /// A positive pixel count written in ASCII digits only (no sign, no
    /// decimal point); nil otherwise, and on overflow.
    private static func pixels(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let n = Int(text), n > 0 else { return nil }
        return n
    }

    /// The frame as `W×H`, for messages.
    public var frame: String { "\(width)×\(height)" }
}

import Foundation
import JuryEngine

/// `competition.json` of a synthetic bundle: id `synth-<seed>` (the same
/// bytes wherever the bundle is written), the regulation's scale and
/// criteria, a deadline after every submission, and the seed. Stages,
/// scoring and weights are left to the format's defaults.
struct CompetitionFile: Encodable {
    struct ScaleJSON: Encodable { var min: Int, max: Int }

    var id: String
    var title: String
    var year: Int
    var scale: ScaleJSON
    var criteria: [CriterionJSON]
    var deadline: String
    var seed: UInt64

    struct CriterionJSON: Encodable { var key: String, title: String }

    /// The round of year index `year`; a multi-year data set names its
    /// rounds `synth-<seed>-<year>`.
    init(config: SynthConfig, year: Int, scale: Scale, criteria: [Criterion]) {
        let calendarYear = config.year + year
        id = config.years == 1 ? "synth-\(config.seed)" : "synth-\(config.seed)-\(calendarYear)"
        title = "Synthetic competition \(calendarYear) (seed \(config.seed))"
        self.year = calendarYear
        self.scale = ScaleJSON(min: scale.min, max: scale.max)
        self.criteria = criteria.map { CriterionJSON(key: $0.key, title: $0.title) }
        deadline = "\(calendarYear)-05-15T18:00:00+05:00"
        seed = config.seed
    }

    func write(to path: String) throws(SynthError) {
        try BlockFile(path: path).write(JSONText.encode(self))
    }
}

/// Deterministic JSON text: sorted keys, two-space indentation, a final newline.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

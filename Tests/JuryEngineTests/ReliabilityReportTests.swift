import Foundation
import Testing
@testable import JuryEngine

@Suite("Reliability report")
struct ReliabilityReportTests {
    /// A sparse design: `units` units each rated by `perUnit` random raters out
    /// of `raters`, plus a planted panel of raters 0..<panelRaters who all rate
    /// units 0..<panelUnits (and nobody else rates those). Values are 1–10.
    static func plantedPanel(units: Int, raters: Int, perUnit: Int, panelRaters: Int, panelUnits: Int,
                             seed: UInt64) -> Ratings {
        var generator = SeededGenerator(seed: seed)
        var unit: [Int32] = [], rater: [Int32] = [], value: [Double] = []
        unit.reserveCapacity(units * perUnit)
        rater.reserveCapacity(units * perUnit)
        value.reserveCapacity(units * perUnit)
        var chosen: [Int32] = []
        for u in 0..<units {
            let quality = generator.nextUnit() * 6
            chosen.removeAll(keepingCapacity: true)
            if u < panelUnits {
                chosen = (0..<Int32(panelRaters)).map { $0 }
            } else {
                while chosen.count < perUnit {
                    let r = Int32(panelRaters + Int(generator.nextUnit() * Double(raters - panelRaters)))
                    if !chosen.contains(r) { chosen.append(r) }
                }
            }
            for r in chosen {
                unit.append(Int32(u))
                rater.append(r)
                value.append(Double(1 + min(9, Int(quality + generator.nextUnit() * 4))))
            }
        }
        return try! Ratings(unitCount: units, raterCount: raters, unit: unit, rater: rater, value: value)
    }

    @Test("Shrout & Fleiss table: ICC, alpha and Kendall's W share the whole design as block")
    func completeDesign() {
        let report = ReliabilityReport(ReferenceData.ratings(units: ReferenceData.shroutFleiss))
        #expect(report.completeBlock.value?.isWholeDesign == true)
        #expect(report.kendallW.value?.units == 6 && report.kendallW.value?.raters == 4)
        expectClose(report.icc.icc3k.value!.value, 0.9093155423770697, relative: 1e-13)
        #expect(report.alpha.pairableValues == 24)
    }

    @Test("the block search finds a planted panel inside a random sparse design")
    func findsPlantedPanel() {
        let ratings = Self.plantedPanel(units: 3000, raters: 200, perUnit: 5, panelRaters: 6, panelUnits: 40, seed: 11)
        let block = CompleteBlockSearch().find(in: ratings).value!
        #expect(block.raters == [0, 1, 2, 3, 4, 5])
        #expect(block.units == (0..<40).map { Int32($0) })
        #expect(!block.isWholeDesign)
        let report = ReliabilityReport(ratings)
        #expect(report.kendallW.value?.units == 40)
        #expect(report.icc.icc2.value != nil)
        #expect(report.icc.oneWay.units == 3000 && report.icc.oneWay.ratings == 40 * 6 + 2960 * 5)
    }

    @Test("a block below the minimum size is not used: the two-way forms say why")
    func minimumBlock() {
        let ratings = Self.plantedPanel(units: 500, raters: 400, perUnit: 2, panelRaters: 2, panelUnits: 2, seed: 3)
        let search = CompleteBlockSearch(minimumRaters: 2, minimumUnits: 3)
        let report = ReliabilityReport(ratings, blockSearch: search)
        if let block = report.completeBlock.value {
            #expect(block.units.count >= 3 && block.raters.count >= 2)
        } else {
            #expect(report.icc.icc2.reason == report.completeBlock.reason)
            #expect(report.kendallW.reason == report.completeBlock.reason)
        }
    }

    @Test("the report survives a JSON round trip, reasons included")
    func codableRoundTrip() throws {
        let ratings = try Ratings(unitCount: 3, raterCount: 2, unit: [0, 1, 1, 2], rater: [0, 0, 1, 1], value: [1, 2, 3, 4])
        let report = ReliabilityReport(ratings)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(ReliabilityReport.self, from: data) == report)
        #expect(report.icc.icc2.reason != nil)
    }

    /// Opt-in scale check (set JURY_RELIABILITY_SCALE=1, build with
    /// `-c release -Xswiftc -enable-testing`): 10 million ratings of 2 million
    /// units by 50 000 raters, 5 per unit, with a planted 8 × 500 panel.
    @Test("scale: 10 million ratings", .enabled(if: ProcessInfo.processInfo.environment["JURY_RELIABILITY_SCALE"] != nil))
    func scale() {
        let clock = ContinuousClock()
        var ratings: Ratings!
        let build = clock.measure {
            ratings = Self.plantedPanel(units: 2_000_000, raters: 50_000, perUnit: 5, panelRaters: 8, panelUnits: 500, seed: 1)
        }
        let validate = clock.measure {
            _ = try! Ratings(unitCount: ratings.unitCount, raterCount: ratings.raterCount,
                             unit: ratings.unit, rater: ratings.rater, value: ratings.value)
        }
        var anova: OneWayANOVA!
        let oneWay = clock.measure { anova = OneWayANOVA(ratings) }
        var block: Computed<CompleteBlock>!
        let search = clock.measure { block = CompleteBlockSearch().find(in: ratings) }
        var alpha: KrippendorffAlpha!
        let krippendorff = clock.measure { alpha = KrippendorffAlpha(ratings) }
        var report: ReliabilityReport!
        let all = clock.measure { report = ReliabilityReport(ratings) }
        print("scale: \(ratings.count) ratings; generate \(build), validate and group \(validate), one-way \(oneWay), block search \(search),",
              "alpha \(krippendorff), whole report \(all)")
        print("scale: block \(block.value.map { "\($0.raters.count) raters × \($0.units.count) units" } ?? block.reason!),",
              "n0 \(anova.averageGroupSize), alpha interval \(alpha.interval), W \(report.kendallW)")
        #expect(block.value?.raters.count == 8 && block.value?.units.count == 500)
    }
}

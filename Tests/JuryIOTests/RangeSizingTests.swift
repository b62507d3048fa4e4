import Testing
@testable import JuryIO

@Suite("a range's columns reserved from its first rows")
struct RangeSizingTests {
    @Test("the factor is given once, after the sample, as the range's bytes over the sample's with the margin")
    func factorOnce() {
        let sizing = RangeSizing(start: 1_000, bytes: 100_000)
        #expect(sizing.factor(rows: RangeSizing.sampleRows - 1, offset: 5_000) == nil)
        let factor = sizing.factor(rows: RangeSizing.sampleRows, offset: 6_000)
        #expect(factor.map { abs($0 - 20 * RangeSizing.margin) < 1e-12 } == true)
        #expect(sizing.factor(rows: RangeSizing.sampleRows + 1, offset: 6_100) == nil)
    }

    @Test("no factor when the sample is the whole range")
    func wholeRange() {
        let sizing = RangeSizing(start: 0, bytes: 4_096)
        #expect(sizing.factor(rows: RangeSizing.sampleRows, offset: 4_096) == nil)
        #expect(sizing.factor(rows: RangeSizing.sampleRows + 1, offset: 4_096) == nil)
    }
}

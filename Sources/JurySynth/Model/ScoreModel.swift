import JuryEngine

/// The generative model of one course's sheets (parameters in `SynthConfig`):
///
///     x_eck = clip(round(μ_k + q_c + δ_ck − s_e + a_ec + ε_eck), min, max)
///
/// μ_k = μ + β_k per criterion, q_c the course quality, δ_ck ~ N(0, σ_δ)
/// drawn here per course, s_e the expert's severity, a_ec the planted shift
/// (the expert's severe/lenient shift plus the sheet's planted shift),
/// ε_eck ~ N(0, σ_e) with σ_e the expert's spread. Rounding is half away from
/// zero (to within the last bit of x + ½). Totals are the plain sum (no
/// weights).
///
/// The draws of a course are: K criterion offsets, then K criterion noises
/// per sheet in slot order, whatever the shifts, so changing an effect size
/// changes only the scores it touches.
struct ScoreModel {
    let population: Population
    let plan: AnomalyPlan
    let scale: Scale

    var criterionCount: Int { population.criterionMean.count }

    /// Scores of course `c`'s sheets by `experts`, row-major into `scores`
    /// (`experts.count × criterionCount`); `offsets` is scratch of `criterionCount`.
    @inline(__always)
    func drawSheets(course c: Int, experts: UnsafeMutableBufferPointer<Int32>, planted: PlantedSheet?,
                    normal: inout NormalSampler, offsets: UnsafeMutableBufferPointer<Double>,
                    scores: UnsafeMutableBufferPointer<UInt8>) {
        let k = criterionCount
        let quality = population.courseQuality[c]
        let sdOffset = population.config.courseCriterionSD
        for j in 0..<k {
            offsets[j] = population.criterionMean[j] + quality + sdOffset * normal.next()
        }
        // clip(round(x)) with rounding half away from zero, as clamp then
        // truncate: for x in [min − ½, max] (min ≥ 0) truncating x + ½ is its
        // floor, which is round(x); below or above, the clamp gives the end.
        // Spares a libm `round` call per score.
        let low = Double(scale.min) - 0.5, high = Double(scale.max)
        for (slot, expert) in experts.enumerated() {
            let e = Int(expert)
            var shift = plan.expertShift[e] - population.expertSeverity[e]
            if let planted, planted.expert == expert { shift += planted.shift }
            let spread = population.expertSpread[e]
            for j in 0..<k {
                let x = offsets[j] + shift + spread * normal.next()
                scores[slot * k + j] = UInt8(min(max(x, low), high) + 0.5)
            }
        }
    }
}

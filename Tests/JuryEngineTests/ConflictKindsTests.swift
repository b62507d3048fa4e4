import Testing
@testable import JuryEngine

@Suite("ConflictKinds")
struct ConflictKindsTests {
    @Test("each of the six conflict kinds has its own bit, in the order of IntegrityKind.conflicts")
    func bitsFollowTheConflictOrder() {
        #expect(IntegrityKind.conflicts.map(ConflictKinds.bitIndex) == Array(0..<6))
        for kind in IntegrityKind.allCases where !IntegrityKind.conflicts.contains(kind) {
            #expect(ConflictKinds.bitIndex(kind) == nil)
            #expect(!ConflictKinds(IntegrityKind.conflicts).contains(kind))
        }
    }

    @Test("every subset lists its kinds most serious first, whatever the order they were inserted in")
    func everySubset() {
        let all = IntegrityKind.conflicts
        for mask in 0..<(1 << all.count) {
            let members = all.indices.filter { mask & (1 << $0) != 0 }.map { all[$0] }
            let forwards = ConflictKinds(members)
            let backwards = ConflictKinds(members.reversed())
            #expect(Array(forwards) == members)
            #expect(forwards == backwards)
            #expect(forwards.count == members.count)
            #expect(forwards.isEmpty == members.isEmpty)
            #expect(all.filter(forwards.contains) == members)
            #expect(forwards.map(\.rawValue) == members.map(\.rawValue))
        }
    }
}

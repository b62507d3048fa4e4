import Foundation
import Testing
@testable import JuryEngine

@Suite("VotingMethod")
struct VotingMethodTests {
    @Test("each voting stage method dispatches to its voting method; score has none")
    func dispatch() {
        for method in VotingMethod.allCases {
            #expect(VotingMethod(method.stageMethod) == method)
            #expect(VotingMethod.tally(VotingProfiles.tennessee, by: method.stageMethod)?.method == method)
        }
        #expect(VotingMethod(.score) == nil)
        #expect(VotingMethod.tally(VotingProfiles.tennessee, by: .score) == nil)
        #expect(StageMethod.allCases.filter(\.usesVotes).count == VotingMethod.allCases.count)
    }

    @Test("plurality, Borda and approval can pick three different winners")
    func threeMethodsThreeWinners() {
        // Hand-worked. Six voters, three courses, ranked ballots, some partial:
        //   3 × A > B > C,   2 × B > C (A unranked),   1 × C (A, B unranked).
        // Plurality (first preferences): A 3, B 2, C 1                      → A.
        // Borda (n = 3, points 2, 1, 0; unranked 0):
        //   A 3·2 = 6;  B 3·1 + 2·2 = 7;  C 3·0 + 2·1 + 1·2 = 4            → B.
        // Approval (every ranked course approved, even at the last rank):
        //   A 3;  B 3 + 2 = 5;  C 3 + 2 + 1 = 6                             → C.
        // Schulze: A > B 3–2, A = C 3–3, B > C 5–1; p[A][C] = min(3, 5) = 3 → A > B > C.
        let box = VotingProfiles.box(candidates: "ABC", [(3, "ABC"), (2, "BC"), (1, "C")])
        let plurality = VotingMethod.plurality.tally(box)
        let borda = VotingMethod.borda.tally(box)
        let approval = VotingMethod.approval.tally(box)
        let schulze = VotingMethod.schulze.tally(box)
        #expect(plurality.tally == [3, 2, 1])
        #expect(borda.tally == [6, 7, 4])
        #expect(approval.tally == [3, 5, 6])
        #expect(plurality.winners == [0])
        #expect(borda.winners == [1])
        #expect(approval.winners == [2])
        #expect(schulze.order == [[0], [1], [2]])
    }

    @Test("a tally survives a JSON round trip")
    func codableRoundTrip() throws {
        let tally = VotingMethod.schulze.tally(VotingProfiles.schulze2011)
        let data = try JSONEncoder().encode(tally)
        #expect(try JSONDecoder().decode(VoteTally.self, from: data) == tally)
    }
}

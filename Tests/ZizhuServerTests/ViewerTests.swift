import Testing
import ZizhuArchive
@testable import ZizhuServer

@Suite struct ViewerTests {
    static let clerkA = Viewer.person(Account(id: "a", login: "clerk-a", name: "", role: .clerk, schoolCode: "S001",
                                              passwordHash: ""))
    static let clerkWithoutSchool = Viewer.person(Account(id: "n", login: "clerk-n", name: "", role: .clerk,
                                                          schoolCode: nil, passwordHash: ""))
    static let reviewer = Viewer.person(Account(id: "r", login: "reviewer", name: "", role: .reviewer, schoolCode: nil,
                                                passwordHash: ""))
    static let admin = Viewer.person(Account(id: "m", login: "admin", name: "", role: .admin, schoolCode: nil,
                                             passwordHash: ""))

    static func round(school: String, state: RoundState) -> StoredRound {
        StoredRound(id: "r", createdAt: "", label: "", policyName: "", rows: 0, accepted: 0, returned: 0, errors: 0,
                    warnings: 0, amountIn: "0", amountAccepted: "0", amountReturned: "0", schoolCode: school,
                    state: state)
    }

    @Test(arguments: RoundState.allCases)
    func aClerkSeesTheirSchoolsRoundsOnlyAndSubmitsOnlyDrafts(_ state: RoundState) {
        let own = Self.round(school: "S001", state: state), other = Self.round(school: "S002", state: state)
        #expect(Self.clerkA.maySee(own))
        #expect(!Self.clerkA.maySee(other))
        #expect(Self.clerkA.actions(on: other).isEmpty)
        #expect(Self.clerkA.actions(on: own) == (state == .draft ? [.submit] : []))
        // A clerk whose school was never set sees nothing, not the rounds of the one-school server ("").
        #expect(!Self.clerkWithoutSchool.maySee(Self.round(school: "", state: state)))
    }

    @Test(arguments: RoundState.allCases)
    func aReviewerSeesEverySchoolsRoundsButNoDraftAndActsOnHandedInOnes(_ state: RoundState) {
        let round = Self.round(school: "S002", state: state)
        #expect(Self.reviewer.maySee(round) == (state != .draft))
        let expected: [ReviewAction] = switch state {
        case .submitted: [.return, .approve]
        case .approved: [.return, .pay]
        default: []
        }
        #expect(Self.reviewer.actions(on: round) == expected)
    }

    @Test(arguments: RoundState.allCases)
    func anAdministratorSeesNoRound(_ state: RoundState) {
        #expect(!Self.admin.maySee(Self.round(school: "S001", state: state)))
        #expect(Self.admin.roundsShown == nil && !Self.admin.mayUpload)
    }

    @Test func onlyReviewersAndAdministratorsSeeTheDistrictsFigures() {
        #expect(Self.reviewer.mayInspect && Self.admin.mayInspect)
        #expect(!Self.clerkA.mayInspect && !Self.clerkWithoutSchool.mayInspect)
        #expect(!Viewer.anyone.mayInspect && !Viewer.passwordHolder.mayInspect)
    }

    @Test func aOneSchoolServerSeesAndUploadsEverythingWithoutTheReview() {
        for viewer in [Viewer.anyone, .passwordHolder] {
            #expect(viewer.maySee(Self.round(school: "", state: .draft)) && viewer.mayUpload)
            #expect(viewer.actions(on: Self.round(school: "", state: .draft)).isEmpty)
        }
    }

    @Test func everyActionMovesFromStatesItNamesToItsOwn() {
        #expect(ReviewAction.submit.from == [.draft] && ReviewAction.submit.to == .submitted)
        #expect(ReviewAction.approve.from == [.submitted] && ReviewAction.approve.to == .approved)
        #expect(ReviewAction.return.from == [.submitted, .approved] && ReviewAction.return.to == .returned)
        #expect(ReviewAction.pay.from == [.approved] && ReviewAction.pay.to == .paid)
    }
}

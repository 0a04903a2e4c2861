import ZizhuArchive

/// Who is asking, and so what they may see and do: the server's one access policy. Every route asks here;
/// a round the viewer may not see answers 404, as a round that does not exist does, so ids cannot be probed.
enum Viewer: Sendable {
    /// A one-school server without a password, on loopback.
    case anyone
    /// A one-school server's password holder.
    case passwordHolder
    /// A person of the district's server.
    case person(Account)

    var account: Account? { if case .person(let account) = self { account } else { nil } }
    var isDistrict: Bool { account != nil }
    var login: String { account?.login ?? "" }
    var roleName: String { account?.role.rawValue ?? "" }

    private var role: Role? { account?.role }

    /// Uploads and checks rounds: the one school, or a district's clerk.
    var mayUpload: Bool { role == nil || role == .clerk }
    /// Reviews the submitted rounds of every school.
    var isReviewer: Bool { role == .reviewer }
    /// Manages schools and people, reads the audit log.
    var isAdmin: Bool { role == .admin }

    /// Sees the district's figures per school (no pupil's data): reviewers and administrators.
    var mayInspect: Bool { role == .reviewer || role == .admin }

    /// The rounds this viewer lists: all (one school), the clerk's school's, every school's handed-in rounds
    /// (a reviewer never sees a school's drafts), none (an administrator sees no pupil's data).
    var roundsShown: (school: String?, states: [RoundState]?)? {
        switch role {
        case nil: (nil, nil)
        case .clerk: (account?.schoolCode ?? "\u{0}", nil)
        case .reviewer: (nil, [.submitted, .returned, .approved, .paid])
        case .admin: nil
        }
    }

    func maySee(_ round: StoredRound) -> Bool {
        switch role {
        case nil: true
        case .clerk: account?.schoolCode != nil && round.schoolCode == account?.schoolCode
        case .reviewer: round.state != .draft
        case .admin: false
        }
    }

    /// The state changes this viewer may make to `round` from where it is now.
    func actions(on round: StoredRound) -> [ReviewAction] {
        guard maySee(round), let role else { return [] }
        switch (role, round.state) {
        case (.clerk, .draft): return [.submit]
        case (.reviewer, .submitted): return [.return, .approve]
        case (.reviewer, .approved): return [.return, .pay]
        default: return []
        }
    }
}

/// What a person does to a round in the review, with the states it moves the round from and to.
enum ReviewAction: String, Sendable, CaseIterable {
    case submit, `return`, approve, pay

    var from: [RoundState] {
        switch self {
        case .submit: [.draft]
        case .return: [.submitted, .approved]
        case .approve: [.submitted]
        case .pay: [.approved]
        }
    }

    var to: RoundState {
        switch self {
        case .submit: .submitted
        case .return: .returned
        case .approve: .approved
        case .pay: .paid
        }
    }

    /// The audit log's word for it.
    var audited: String {
        switch self {
        case .submit: "submitted"
        case .return: "returned"
        case .approve: "approved"
        case .pay: "paid"
        }
    }
}

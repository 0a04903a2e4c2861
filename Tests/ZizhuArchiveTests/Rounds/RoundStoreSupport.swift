import Foundation
@testable import ZizhuArchive

/// Rounds, schools and rows for the round store's tests.
enum District {
    static let first = School(code: "S001", name: "示例县第一中学")
    static let second = School(code: "S002", name: "示例县第二中学")

    static func account(_ login: String, role: Role, school: School? = nil) -> Account {
        Account(id: "id-" + login, login: login, name: login + "的名字", role: role, schoolCode: school?.code,
                passwordHash: "$2b$12$hash-of-" + login)
    }

    /// A draft round of `school` in 2026 秋季学期 of 普通高中国家助学金.
    static func round(_ id: String, school: School, term: String = "2026秋季学期", rows: Int = 2,
                      createdAt: String = "2026-12-06T10:00:00+08:00") -> StoredRound {
        StoredRound(id: id, createdAt: createdAt, label: "高一(1)班", policyName: "默认政策", rows: rows, accepted: rows,
                    returned: 0, errors: 0, warnings: 0, amountIn: "2000.00", amountAccepted: "2000.00",
                    amountReturned: "0.00", schoolCode: school.code, program: "普通高中国家助学金", term: term,
                    year: 2026, overAge: 0)
    }

    static func row(_ position: Int, id: String, card: String, amountFen: Int64 = 100_000) -> SubmittedRow {
        SubmittedRow(position: position, className: "高一(1)班", idNumber: id, name: "学生\(position)",
                     amountFen: amountFen, card: card, sourceFile: "高一(1)班.csv", sourceLine: position + 2)
    }

    static func audit(_ action: String, by login: String, round: String = "") -> AuditEntry {
        AuditEntry(at: "2026-12-06T10:00:00+08:00", login: login, role: "reviewer", action: action, roundID: round)
    }

    /// A store with both schools registered.
    static func registered(_ store: any RoundStore) throws -> any RoundStore {
        try store.add(first)
        try store.add(second)
        return store
    }

    /// `round` stored with `rows` and moved to `state` (through 已提交).
    static func store(_ round: StoredRound, rows: [SubmittedRow], in store: any RoundStore,
                      state: RoundState = .draft) throws {
        try store.insert(round, inputs: [], documents: [], rows: rows)
        var current = RoundState.draft
        for next in path(to: state) {
            _ = try store.change(round.id, from: [current], to: StateChange(state: next, at: "2026-12-06", by: "t"),
                                 audit: audit(next.rawValue, by: "t", round: round.id))
            current = next
        }
    }

    private static func path(to state: RoundState) -> [RoundState] {
        switch state {
        case .draft: []
        case .submitted: [.submitted]
        case .returned: [.submitted, .returned]
        case .approved: [.submitted, .approved]
        case .paid: [.submitted, .approved, .paid]
        }
    }
}

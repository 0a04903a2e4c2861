import Foundation
import ZizhuCore

/// A school of the district, as the administrator registers it.
public struct School: Sendable, Hashable, Codable {
    /// The school's code (学校标识码 or the district's own); it names the school in URLs of the admin page only.
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code.trimmingCharacters(in: .whitespaces)
        self.name = name.trimmingCharacters(in: .whitespaces)
    }
}

/// What a person may do on the district's server.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 学校资助专干: one school's rounds — upload, see its findings, submit.
    case clerk
    /// 区审核员: every school's submitted rounds — review, return with a reason, approve, mark paid.
    case reviewer
    /// 管理员: schools, people and the audit log; no pupil's data.
    case admin

    public var title: String {
        switch self {
        case .clerk: "学校资助专干"
        case .reviewer: "区审核员"
        case .admin: "管理员"
        }
    }
}

/// A person who signs in. The password is kept only as a salted hash (bcrypt).
public struct Account: Sendable, Hashable, Codable {
    /// Random and opaque; what sessions and the audit log refer to.
    public var id: String
    /// What the person types to sign in.
    public var login: String
    public var name: String
    public var role: Role
    /// The school of a clerk; nil for reviewers and administrators.
    public var schoolCode: String?
    public var passwordHash: String
    public var disabled: Bool

    public init(id: String, login: String, name: String, role: Role, schoolCode: String?, passwordHash: String,
                disabled: Bool = false) {
        self.id = id
        self.login = login
        self.name = name
        self.role = role
        self.schoolCode = schoolCode
        self.passwordHash = passwordHash
        self.disabled = disabled
    }
}

/// Where a round is in the review: 草稿 → 已提交 → 退回 or 已审核 → 已发放.
public enum RoundState: String, Sendable, Codable, CaseIterable {
    case draft, submitted, returned, approved, paid

    public var title: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returned: "退回"
        case .approved: "已审核"
        case .paid: "已发放"
        }
    }

    public var englishTitle: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .returned: "returned"
        case .approved: "approved"
        case .paid: "paid"
        }
    }

    /// The states another school's rows count in for the cross-school checks: handed to the district and not
    /// sent back.
    public static let standing: [RoundState] = [.submitted, .approved, .paid]
}

/// A round kept by the server: what the pages list and show without reading its documents.
public struct StoredRound: Sendable, Hashable, Codable {
    /// Random and opaque (it says nothing about anyone); the folder name under `rounds/`.
    public var id: String
    public var createdAt: String
    /// What the clerk called it (optional), or the first sheet's name.
    public var label: String
    public var policyName: String
    public var rows: Int
    public var accepted: Int
    public var returned: Int
    public var errors: Int
    public var warnings: Int
    public var amountIn: String
    public var amountAccepted: String
    public var amountReturned: String
    /// The school's code; "" for a round of a server without accounts (one school).
    public var schoolCode: String
    /// The round's identity in the archive (school name, program, term, year).
    public var program: String
    public var term: String
    public var year: Int
    /// 大龄 applicants among the accepted rows (the policy's age limit).
    public var overAge: Int
    /// Students in the enrolment export checked with the round, when one was given: the coverage's base.
    public var enrolled: Int?
    public var state: RoundState
    /// The reviewer's reason when returned.
    public var reason: String
    /// When it was last submitted, returned, approved or paid, and by whom (the account's login).
    public var changedAt: String
    public var changedBy: String
    /// When it was handed to the district (已提交); "" before.
    public var submittedAt: String
    /// Raised by every change of state: a reviewer acts on the version they saw.
    public var version: Int
    /// The archive batch its payments went into once paid.
    public var archiveBatch: Int64?

    public init(id: String, createdAt: String, label: String, policyName: String, rows: Int, accepted: Int,
                returned: Int, errors: Int, warnings: Int, amountIn: String, amountAccepted: String,
                amountReturned: String, schoolCode: String = "", program: String = "", term: String = "",
                year: Int = 0, overAge: Int = 0, enrolled: Int? = nil, state: RoundState = .draft,
                reason: String = "", changedAt: String = "", changedBy: String = "", submittedAt: String = "",
                version: Int = 1, archiveBatch: Int64? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.label = label
        self.policyName = policyName
        self.rows = rows
        self.accepted = accepted
        self.returned = returned
        self.errors = errors
        self.warnings = warnings
        self.amountIn = amountIn
        self.amountAccepted = amountAccepted
        self.amountReturned = amountReturned
        self.schoolCode = schoolCode
        self.program = program
        self.term = term
        self.year = year
        self.overAge = overAge
        self.enrolled = enrolled
        self.state = state
        self.reason = reason
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.submittedAt = submittedAt
        self.version = version
        self.archiveBatch = archiveBatch
    }
}

/// How many findings of one code a round had (every row, accepted or returned): what the district's page and
/// 汇总表 count per code and per school without reading the round's report.
public struct FindingCount: Sendable, Hashable, Codable {
    public var roundID: String
    public var code: String
    /// `error`, `warning` or `info`.
    public var severity: String
    public var count: Int

    public init(roundID: String, code: String, severity: String, count: Int) {
        self.roundID = roundID
        self.code = code
        self.severity = severity
        self.count = count
    }

    /// The counts of `findings`, by code (a code of two severities is counted under its worst).
    public static func counting(_ findings: [Finding], roundID: String) -> [FindingCount] {
        var counts: [FindingCode: (severity: Severity, count: Int)] = [:]
        for finding in findings {
            let current = counts[finding.code]
            counts[finding.code] = (max(current?.severity ?? finding.severity, finding.severity), (current?.count ?? 0) + 1)
        }
        return counts.map { FindingCount(roundID: roundID, code: $0.key.rawValue, severity: $0.value.severity.rawValue,
                                         count: $0.value.count) }
            .sorted { $0.code < $1.code }
    }
}

/// One input of a round, with its hash.
public struct StoredInput: Sendable, Hashable, Codable {
    public var roundID: String
    public var position: Int
    public var name: String
    public var sha256: String
    public var size: Int

    public init(roundID: String, position: Int, name: String, sha256: String, size: Int) {
        self.roundID = roundID
        self.position = position
        self.name = name
        self.sha256 = sha256
        self.size = size
    }
}

/// One document of a round, as it can be downloaded.
public struct StoredDocument: Sendable, Hashable, Codable {
    public var roundID: String
    public var position: Int
    /// register, notice, bank, returned, report, manifest, returned-class.
    public var kind: String
    /// The file name under the round's `documents/` folder.
    public var fileName: String
    public var sha256: String
    public var rows: Int?

    public init(roundID: String, position: Int, kind: String, fileName: String, sha256: String, rows: Int?) {
        self.roundID = roundID
        self.position = position
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.rows = rows
    }
}

/// One accepted row of a round as the district keeps it: what the cross-school checks look up and what goes
/// into the archive when the round is paid. Identifiers in `ArchiveKey` form.
public struct SubmittedRow: Sendable, Hashable {
    public var position: Int
    public var className: String
    public var idNumber: String
    public var name: String
    public var amountFen: Int64
    public var card: String
    public var sourceFile: String
    public var sourceLine: Int

    public init(position: Int, className: String, idNumber: String, name: String, amountFen: Int64, card: String,
                sourceFile: String, sourceLine: Int) {
        self.position = position
        self.className = className
        self.idNumber = idNumber
        self.name = name
        self.amountFen = amountFen
        self.card = card
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

/// Another school's standing row that shares an ID or a card with a round: which school and round, and
/// nothing else of that pupil.
public struct OtherSchoolRow: Sendable, Hashable {
    public var schoolCode: String
    public var schoolName: String
    public var roundID: String
    public var state: RoundState
    public var idNumber: String
    public var card: String

    public init(schoolCode: String, schoolName: String, roundID: String, state: RoundState, idNumber: String,
                card: String) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.roundID = roundID
        self.state = state
        self.idNumber = idNumber
        self.card = card
    }
}

/// Who did what to which round, and when: submitted, returned, approved, paid, downloaded, signed in, ….
public struct AuditEntry: Sendable, Hashable, Codable {
    public var at: String
    /// The account's login ("" for a server without accounts).
    public var login: String
    public var role: String
    /// `signed-in`, `sign-in-failed`, `uploaded`, `submitted`, `returned`, `approved`, `paid`, `downloaded`,
    /// `school-added`, `account-added`, `password-changed`.
    public var action: String
    public var roundID: String
    public var schoolCode: String
    /// What was acted on, without personal data (a document's kind, a reason, an account's login).
    public var detail: String

    public init(at: String, login: String, role: String, action: String, roundID: String = "",
                schoolCode: String = "", detail: String = "") {
        self.at = at
        self.login = login
        self.role = role
        self.action = action
        self.roundID = roundID
        self.schoolCode = schoolCode
        self.detail = detail
    }
}

/// The times the store keeps: ISO 8601 in Beijing time (`2026-12-07T13:05:00+08:00`), so that they sort as
/// text and a month is a prefix (`2026-12`).
public enum BeijingTime {
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate,
                                   .withTimeZone]
        return formatter.string(from: Date())
    }
}

import Foundation
import ZizhuCore

/// The archive's rules over a whole round, for `Validator(additionalChecks:)`:
/// - `repeat-aid` (error): the student was already paid by this program for this term and year, in any
///   school; the message names the earliest such batch and the day it was recorded.
/// - `enrolled-elsewhere` (warning): the ID is in another school's batch of this term and year (any
///   program); the message names the schools.
/// - `card-shared` (error): the card was paid to another student's ID in the archive; the message names
///   the batches.
///
/// The round is this policy's (school, program, term, year). Lookups are by ID and card only, batched,
/// so their cost follows the submission's size and not the archive's.
public struct ArchiveCheck: RoundCheck {
    public let lookup: any PaymentLookup
    private let outcome = CheckOutcome()

    public init(lookup: any PaymentLookup) {
        self.lookup = lookup
    }

    /// Why the last `check(_:policy:into:)` could not read the archive, or nil when it did. The protocol
    /// cannot throw, so a caller must look here after the validator ran: a failed archive check added no
    /// findings, and the round was not checked against the archive.
    public var failure: ArchiveError? { outcome.failure }

    public func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
        do {
            findings.append(contentsOf: try self.findings(for: applicants, policy: policy))
            outcome.failure = nil
        } catch {
            outcome.failure = error
        }
    }

    /// The archive's findings about these rows, in row order; throws when the archive cannot be read.
    public func findings(for applicants: [Applicant], policy: Policy) throws(ArchiveError) -> [Finding] {
        let round = RoundIdentity(policy)
        let ids = applicants.map { ArchiveKey.idNumber($0.value(.idNumber)) }
        let cards = applicants.map { ArchiveKey.card($0.value(.card)) }

        let paidToID = Dictionary(grouping: try lookup.payments(toIDNumbers: ArchiveCheck.distinct(ids),
                                                                term: round.term, year: round.year),
                                  by: \.idNumber)
        let paidIntoCard = Dictionary(grouping: try lookup.payments(intoCardsOf: ArchiveCheck.holders(cards, ids)),
                                      by: \.card)

        var findings: [Finding] = []
        for (position, applicant) in applicants.enumerated() {
            let id = ids[position]
            if !id.isEmpty, let paid = paidToID[id] {
                findings.append(contentsOf: ArchiveCheck.idFindings(applicant, paid: paid, round: round))
            }
            let card = cards[position]
            if !card.isEmpty, let paid = paidIntoCard[card] {
                // Payments into this card for anybody but this student (the same student, same card is fine).
                let others = paid.filter { $0.idNumber != id }
                if let finding = ArchiveCheck.cardFinding(applicant, others: others) { findings.append(finding) }
            }
        }
        return findings
    }

    /// The distinct non-empty keys in order: consecutive index lookups then land on neighbouring pages.
    static func distinct(_ keys: [String]) -> [String] {
        var distinct: [String] = []
        for key in keys.sorted() where !key.isEmpty && distinct.last != key { distinct.append(key) }
        return distinct
    }

    /// The distinct (card, ID) pairs of the rows that have a card, in card order.
    static func holders(_ cards: [String], _ ids: [String]) -> [CardHolder] {
        // Sorting positions, not structs: only integers move.
        let positions = cards.indices.filter { !cards[$0].isEmpty }
            .sorted { cards[$0] != cards[$1] ? cards[$0] < cards[$1] : ids[$0] < ids[$1] }
        var holders: [CardHolder] = []
        for position in positions {
            let holder = CardHolder(card: cards[position], idNumber: ids[position])
            if holders.last != holder { holders.append(holder) }
        }
        return holders
    }

    static func idFindings(_ applicant: Applicant, paid: [PaymentRecord], round: RoundIdentity) -> [Finding] {
        var findings: [Finding] = []
        let sameRound = paid.filter { $0.program == round.program && $0.term == round.term && $0.year == round.year }
            .sorted(by: ArchiveCheck.earlier)
        if let first = sameRound.first {
            findings.append(Finding(.repeatAid, for: applicant, field: .idNumber, value: applicant.value(.idNumber),
                                    arguments: repeatAidArguments(first)))
        }
        var schools: [String] = []
        for payment in paid.sorted(by: ArchiveCheck.earlier)
        where payment.school != round.school && payment.term == round.term && payment.year == round.year
            && !schools.contains(payment.school) {
            schools.append(payment.school)
        }
        if !schools.isEmpty {
            findings.append(Finding(.enrolledElsewhere, for: applicant, field: .idNumber,
                                    value: applicant.value(.idNumber),
                                    arguments: ["school": schools.joined(separator: "、")]))
        }
        return findings
    }

    /// One `card-shared` finding naming the batches that paid the card to other students. `count` is the
    /// number of students on the card: those others and this one.
    static func cardFinding(_ applicant: Applicant, others: [PaymentRecord]) -> Finding? {
        guard !others.isEmpty else { return nil }
        let students = Set(others.map(\.idNumber)).count + 1
        var batches: [PaymentRecord] = []
        for payment in others.sorted(by: ArchiveCheck.earlier) where !batches.contains(where: { $0.batchID == payment.batchID }) {
            batches.append(payment)
        }
        let limit = 5
        var zh = batches.prefix(limit).map { "档案批次 \($0.batchID)：\($0.school)，\($0.recordedOn)" }
            .joined(separator: "；")
        var en = batches.prefix(limit).map { "archive batch \($0.batchID): \($0.school), \($0.recordedOn)" }
            .joined(separator: "; ")
        if batches.count > limit {
            zh += " 等共 \(batches.count) 个批次"
            en += " and \(batches.count - limit) more batches"
        }
        return Finding(.cardShared, for: applicant, field: .card, value: applicant.value(.card),
                       arguments: ["count": String(students), "places": zh, "placesEn": en,
                                   "batches": batches.map { String($0.batchID) }.joined(separator: ",")])
    }

    /// What a `repeat-aid` message says of the earliest payment it repeats.
    static func repeatAidArguments(_ first: PaymentRecord) -> [String: String] {
        let label = first.batchLabel.trimmingWhitespace()
        return ["batch": label.isEmpty ? "\(first.batchID)" : "\(first.batchID)“\(label)”",
                "batchID": String(first.batchID), "date": first.recordedOn, "school": first.school]
    }

    static func earlier(_ a: PaymentRecord, _ b: PaymentRecord) -> Bool {
        a.batchID < b.batchID
    }
}

/// The outcome of the last run of a check, written from `check(_:policy:into:)`, which cannot throw.
private final class CheckOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var storedFailure: ArchiveError?

    var failure: ArchiveError? {
        get { lock.withLock { storedFailure } }
        set { lock.withLock { storedFailure = newValue } }
    }
}

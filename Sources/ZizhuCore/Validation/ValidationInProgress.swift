#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A check whose findings about a row depend on that row alone (the bank template's), so the validator may
/// run it on any part of the round, in any order.
public protocol RowWiseCheck: RoundCheck {}

extension Validator {
    /// Starts validating a round so that a document can be written before the last row rule has run.
    ///
    /// On the calling thread: the index of the cross-row rules, the amounts, the round rules and the
    /// additional checks that need the whole round. On another core, at the same time: `rowOrder` (nil: input
    /// order), then the row rules row by row in that order. With `writesMeanwhile` (a writer takes the decisions
    /// as they come), the other core also groups the cards and phones before its row rules, and takes the
    /// row-wise checks along with them, so that the cross-row half ends sooner; without, those stay with the
    /// index, which balances the two halves when nothing is written meanwhile.
    ///
    /// This returns when the cross-row half is done and the order is known; each row's decision is then
    /// `isReturned(at:)` away, which waits only while that row's rules are still running. `finish()` gives
    /// exactly what `run` gives.
    public func start(inputs: [InputSummary], applicants: [Applicant], importFindings: [Finding],
                      writesMeanwhile: Bool = false,
                      rowOrder: (@Sendable ([Applicant]) -> [Int])? = nil) -> ValidationInProgress {
        // Findings refer to rows by `index`; make sure it is the position in the round.
        var applicants = applicants
        for position in applicants.indices where applicants[position].index != position {
            applicants[position].index = position
        }
        let streamed = additionalChecks.map { writesMeanwhile && $0 is any RowWiseCheck }
        let validation = ValidationInProgress(validator: self, inputs: inputs, applicants: applicants,
                                              importFindings: importFindings, streamedChecks: streamed,
                                              groupsContactsApart: writesMeanwhile)
        validation.stream.start(rowOrder: rowOrder)
        validation.runCrossRowHalf()
        validation.stream.waitForOrder()
        return validation
    }
}

/// A round being validated (`Validator.start`): the cross-row half is done, the row rules may still be running.
public final class ValidationInProgress: @unchecked Sendable {
    public let policy: Policy
    public let inputs: [InputSummary]
    /// Every row, `applicants[i].index == i`; empty once `handOverRows()` has given them away.
    public private(set) var applicants: [Applicant]
    let importFindings: [Finding]
    let additionalChecks: [any RoundCheck]
    /// Per additional check: true when it runs with the row rules (row-wise and streamed).
    let streamedChecks: [Bool]
    let importFlags: [Int: UInt64]
    let stream: RowRulesStream

    /// Fen per row; `Int64.min` when the row has no valid amount.
    public private(set) var fenPerRow: [Int64]
    /// The findings of the checks that ran with the index, per check (streamed checks' slots stay empty).
    private var checkFindings: [[Finding]]
    private var roundFindings: [Finding] = []
    /// Rows an error finding of the cross-row half (import, index, whole-round checks) returns.
    private var returnedByCrossRowHalf: [Bool]
    /// Used by the cross-row half alone: the row rules fill the caches of their own environment meanwhile.
    private let crossRowEnvironment: RuleEnvironment

    init(validator: Validator, inputs: [InputSummary], applicants: [Applicant], importFindings: [Finding],
         streamedChecks: [Bool], groupsContactsApart: Bool) {
        policy = validator.policy
        self.inputs = inputs
        self.applicants = applicants
        self.importFindings = importFindings
        additionalChecks = validator.additionalChecks
        self.streamedChecks = streamedChecks
        importFlags = Validator.importFlags(importFindings, rows: applicants.count)
        let proofs = validator.proofsOnRecord(applicants)
        stream = RowRulesStream(applicants: applicants, importFlags: importFlags,
                                environment: RuleEnvironment(policy: policy, bins: validator.bins, proofsOnRecord: proofs),
                                checks: zip(validator.additionalChecks, streamedChecks).compactMap { $1 ? $0 : nil },
                                groupsContacts: groupsContactsApart)
        fenPerRow = [Int64](repeating: .min, count: applicants.count)
        checkFindings = Array(repeating: [], count: validator.additionalChecks.count)
        returnedByCrossRowHalf = [Bool](repeating: false, count: applicants.count)
        crossRowEnvironment = RuleEnvironment(policy: policy, bins: validator.bins, proofsOnRecord: proofs)
    }

    /// The index, the amounts, the whole-round checks and the round rules; then which rows they return.
    /// The index (about 200 MB at a million rows) lives only here, so it is not held while the documents are
    /// written: its large tables are unmapped when it goes.
    func runCrossRowHalf() {
        let applicants = applicants  // read once: a stored `var` would be loaded (and retained) in every loop
        let environment = crossRowEnvironment
        let olderThan = environment.age.olderThan
        var index = RoundIndex(rows: applicants.count, groupsContacts: !stream.groupsContacts)
        for position in applicants.indices {
            let facts = RowFacts(applicant: applicants[position], importFlags: importFlags[position] ?? 0,
                                 termStart: environment.termStart, parsesCard: index.groupsContacts)
            index.add(applicants[position], facts: facts, olderThan: olderThan)
            if let money = facts.money { fenPerRow[position] = money.fen }
        }
        if !index.groupsContacts {
            let contacts = stream.takeContacts()
            index.byCard = contacts.byCard
            index.byPhone = contacts.byPhone
        }
        index.finish()
        for (slot, check) in additionalChecks.enumerated() where !streamedChecks[slot] {
            check.check(applicants, policy: policy, into: &checkFindings[slot])
        }
        let round = RoundContext(applicants: applicants, index: index, environment: environment)
        for rule in Validator.roundRules { rule.check(round, into: &roundFindings) }

        for finding in importFindings { markReturned(finding) }
        for findings in checkFindings { for finding in findings { markReturned(finding) } }
        for finding in roundFindings { markReturned(finding) }
    }

    private func markReturned(_ finding: Finding) {
        if policy.isError(finding), let row = finding.row, row >= 0, row < returnedByCrossRowHalf.count {
            returnedByCrossRowHalf[row] = true
        }
    }

    /// The rows in the order the row rules take them (`rowOrder`, or input order).
    public var order: [Int] { stream.order }

    /// Whether the row at `position` of `order` goes back to the class teacher; waits for its row rules.
    public func isReturned(at position: Int) -> Bool {
        let row = stream.order[position]
        return returnedByCrossRowHalf[row] || stream.hasError(at: position)
    }

    /// Waits for the row rules and decides the round: the same result as `Validator.run`. With a `rowOrder`,
    /// the row rules' findings are put back in input order; file-level ones reported once per file (a document
    /// column missing) keep the order the rows met them in, which only their order in the report shows.
    public func finish() -> RoundResult {
        let streamed = stream.finish()
        var findings = importFindings
        findings += streamed.ruleFindings
        var streamedBuckets = streamed.checkFindings.makeIterator()
        for (slot, isStreamed) in streamedChecks.enumerated() {
            findings += isStreamed ? (streamedBuckets.next() ?? []) : checkFindings[slot]
        }
        findings += roundFindings

        // The policy's severities: only codes it names change.
        if !policy.severity.isEmpty {
            for position in findings.indices {
                if let severity = policy.severity[findings[position].code.rawValue] {
                    findings[position].severity = severity
                }
            }
        }
        let (isReturned, summary) = Validator.decide(findings, amounts: fenPerRow)
        return RoundResult(policy: policy, inputs: inputs, applicants: applicants,
                           findings: Validator.sorted(findings), isReturned: isReturned, summary: summary)
    }

    /// Waits for the row rules, then gives the rows away: neither this nor its row-rules thread holds them
    /// any more, so the caller's reference (and a `RoundResult`'s from `finish()`) is all that keeps them. For
    /// a writer that has written every row and wants their memory back before its last long step.
    public func handOverRows() -> [Applicant] {
        stream.releaseRows()
        defer { applicants = [] }
        return applicants
    }
}

extension Policy {
    /// The severity a finding has under this policy.
    func isError(_ finding: Finding) -> Bool {
        (severity.isEmpty ? finding.severity : severity[finding.code.rawValue] ?? finding.severity) == .error
    }
}

/// The row rules (and the streamed row-wise checks) over the rows in an order, on a thread of their own,
/// publishing how far they have come so a reader can take each row's decision as soon as it exists.
final class RowRulesStream: @unchecked Sendable {
    /// Empty after `releaseRows()`.
    private(set) var applicants: [Applicant]
    let importFlags: [Int: UInt64]
    /// Used by this thread alone: the rules fill its caches.
    let environment: RuleEnvironment
    let checks: [any RoundCheck]
    /// Whether this thread groups the cards and phones (before its row rules) for the cross-row half.
    let groupsContacts: Bool
    /// Rows per published step: small enough that a writer hardly waits, large enough to cost nothing.
    static let chunk = 2048

    /// Set once, before `orderReady` is signalled.
    private(set) var order: [Int] = []
    private let orderReady = DispatchSemaphore(value: 0)
    /// Set once, before `contactsReady` is signalled.
    private var contacts: ContactGroupings?
    private let contactsReady = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    /// Rows of `order` whose rules have run; `errorAt` is written below it before it moves (release/acquire).
    private let decided = Atomic<Int>(0)
    private let errorAt: UnsafeMutablePointer<Bool>
    private var ruleFindings: [Finding] = []
    /// The row each rule finding was emitted for, to put them back in input order.
    private var ruleFindingRows: [Int] = []
    private var checkFindings: [[(row: Int, finding: Finding)]]

    init(applicants: [Applicant], importFlags: [Int: UInt64], environment: RuleEnvironment, checks: [any RoundCheck],
         groupsContacts: Bool) {
        self.applicants = applicants
        self.importFlags = importFlags
        self.environment = environment
        self.checks = checks
        self.groupsContacts = groupsContacts
        checkFindings = Array(repeating: [], count: checks.count)
        errorAt = .allocate(capacity: max(1, applicants.count))
        errorAt.initialize(repeating: false, count: max(1, applicants.count))
    }

    deinit { errorAt.deallocate() }

    func start(rowOrder: (@Sendable ([Applicant]) -> [Int])?) {
        DispatchQueue.global(qos: .userInitiated).async(group: finished) { [self] in
            let applicants = applicants
            order = rowOrder?(applicants) ?? Array(applicants.indices)
            precondition(order.count == applicants.count, "the row order must hold every row once")
            orderReady.signal()
            if groupsContacts {
                var grouped = ContactGroupings(rows: applicants.count)
                for position in applicants.indices {  // in place: no copy of a row (see `RoundIndex.add`)
                    grouped.add(applicants[position], importFlags: importFlags[position] ?? 0)
                }
                grouped.byCard.flush()
                grouped.byPhone.flush()
                contacts = grouped
                contactsReady.signal()
            }
            run()
        }
    }

    /// The card and phone groupings, once this thread has them (`groupsContacts` only); handed over, not kept.
    func takeContacts() -> ContactGroupings {
        contactsReady.wait()
        guard let taken = contacts else { preconditionFailure("contacts are grouped apart only when asked") }
        contacts = nil
        return taken
    }

    func waitForOrder() {
        orderReady.wait()
        orderReady.signal()  // later callers pass too
    }

    private func run() {
        let applicants = applicants
        let policy = environment.policy
        var chunkRows: [Applicant] = []
        var start = 0
        while start < order.count {
            let end = min(order.count, start + RowRulesStream.chunk)
            for position in start..<end {
                let row = order[position]
                let before = ruleFindings.count
                Validator.checkRow(RowContext(applicants[row], importFlags: importFlags[row] ?? 0, environment: environment),
                                   into: &ruleFindings)
                var emitted = before
                while emitted < ruleFindings.count {
                    ruleFindingRows.append(row)
                    if policy.isError(ruleFindings[emitted]) { errorAt[position] = true }
                    emitted += 1
                }
            }
            if !checks.isEmpty {
                chunkRows.removeAll(keepingCapacity: true)
                for position in start..<end { chunkRows.append(applicants[order[position]]) }
                var found: [Finding] = []
                for (slot, check) in checks.enumerated() {
                    found.removeAll(keepingCapacity: true)
                    check.check(chunkRows, policy: policy, into: &found)
                    for finding in found {
                        checkFindings[slot].append((finding.row ?? -1, finding))
                        guard policy.isError(finding), let row = finding.row else { continue }
                        // A row-wise check reports rows of the chunk only; find the row's position in it.
                        if let offset = chunkRows.firstIndex(where: { $0.index == row }) { errorAt[start + offset] = true }
                    }
                }
            }
            decided.store(end, ordering: .releasing)
            start = end
        }
    }

    /// Whether the rules found an error in the row at `position` of `order`; waits until they have run on it.
    func hasError(at position: Int) -> Bool {
        while decided.load(ordering: .acquiring) <= position {
            sched_yield()
        }
        return errorAt[position]
    }

    /// Waits for the last row, then lets go of the rows.
    func releaseRows() {
        finished.wait()
        applicants = []
    }

    /// Waits for the last row; the findings in input order (each check's apart, in the checks' order).
    func finish() -> (ruleFindings: [Finding], checkFindings: [[Finding]]) {
        finished.wait()
        let inInputOrder = order.indices.allSatisfy { order[$0] == $0 }
        if inInputOrder {
            return (ruleFindings, checkFindings.map { $0.map(\.finding) })
        }
        // Stable: a row's own findings keep the rules' order.
        let rules = ruleFindings.indices.sorted { (ruleFindingRows[$0], $0) < (ruleFindingRows[$1], $1) }
        return (rules.map { ruleFindings[$0] },
                checkFindings.map { bucket in
                    bucket.indices.sorted { (bucket[$0].row, $0) < (bucket[$1].row, $1) }.map { bucket[$0].finding }
                })
    }
}

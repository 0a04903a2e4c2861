import Foundation
import ZizhuCore

extension SubmittedRow {
    /// The accepted rows of a checked round as the district keeps them; refused (`invalidBatch`) when one has
    /// no valid amount, as the archive would refuse it.
    public static func accepted(_ result: RoundResult) throws(ArchiveError) -> [SubmittedRow] {
        try result.accepted.map { (applicant) throws(ArchiveError) in
            let row = try PaymentRow(applicant)
            return SubmittedRow(position: applicant.index, className: row.className, idNumber: row.idNumber,
                                name: row.name, amountFen: row.amountFen, card: row.card, sourceFile: row.sourceFile,
                                sourceLine: row.sourceLine)
        }
    }

    var payment: PaymentRow {
        PaymentRow(className: className, idNumber: idNumber, name: name, amountFen: amountFen, card: card,
                   sourceFile: sourceFile, sourceLine: sourceLine)
    }
}

extension PaymentRow {
    init(className: String, idNumber: String, name: String, amountFen: Int64, card: String, sourceFile: String,
         sourceLine: Int) {
        self.className = className
        self.idNumber = idNumber
        self.name = name
        self.amountFen = amountFen
        self.card = card
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

extension ArchiveStore {
    /// Records a paid (已发放) round of the district as one batch of `school`, and returns the batch's id.
    ///
    /// The round's id is the batch's input hash, so recording the same round again — a retry after the server
    /// stopped between recording it and marking it paid — finds the batch it made instead of paying twice.
    public func record(paid round: StoredRound, school: String, rows: [SubmittedRow],
                       at date: Date = Date()) throws(ArchiveError) -> Int64 {
        guard !rows.isEmpty else { throw ArchiveError(.invalidBatch(reason: "本轮没有审核通过的行")) }
        let identity = RoundIdentity(school: school, program: round.program, term: round.term, year: round.year)
        let batch = NewBatch(round: identity, kind: .round, rows: rows.map(\.payment), inputHash: Self.inputHash(paid: round),
                             outputHash: "", label: round.label, recordedAt: ArchiveFile.timestamp(date))
        do {
            return try insert(batch).id
        } catch {
            if case .duplicateBatch(let id, _) = error.kind { return id }
            throw error
        }
    }

    /// Takes back what `record(paid:)` recorded for `round`, if anything: the round went back to its school
    /// after a recording whose marking as paid never happened (the server stopped in between).
    public func unrecord(paid round: StoredRound) throws(ArchiveError) {
        for batch in try batches(inputHash: Self.inputHash(paid: round)) { _ = try remove(batch: batch.id) }
    }

    /// The input hash of a district round's batch: its id, which says nothing about anyone.
    static func inputHash(paid round: StoredRound) -> String { "round:" + round.id }
}

import Foundation
import ZizhuCore

/// What an archive of paid batches does, whichever engine holds it: record a batch (all of it or nothing),
/// look payments up by ID and card for the checks, list batches, a student's history, remove a batch.
///
/// Two engines: `AidArchive`, one SQLite file (the default, for one school and the CLI), and `PostgresArchive`,
/// a PostgreSQL database that the schools of a district share. `ArchiveStores.open` picks one from where the
/// archive is; the tests of `ZizhuArchiveTests` run against both.
public protocol ArchiveStore: PaymentLookup, AnyObject {
    /// Where the archive is, as messages show it: a file path, or a `postgres://` URL without its password.
    var location: String { get }
    /// Records one batch in one transaction. A batch whose input hash was already recorded for the same round
    /// is refused with `duplicateBatch`, naming the earlier batch.
    func insert(_ batch: NewBatch) throws(ArchiveError) -> BatchSummary
    /// Every batch, oldest first.
    func batches() throws(ArchiveError) -> [BatchSummary]
    /// One batch, or nil.
    func batch(id: Int64) throws(ArchiveError) -> BatchSummary?
    /// The batches recorded from one input (any round), oldest first.
    func batches(inputHash: String) throws(ArchiveError) -> [BatchSummary]
    /// Every payment to one student (any ID form: `ArchiveKey.idNumber` normalises it), by year and recording.
    func history(idNumber: String) throws(ArchiveError) -> [PaymentRecord]
    /// Removes a batch recorded by mistake, with all its payments, in one transaction; returns what it was.
    func remove(batch id: Int64) throws(ArchiveError) -> BatchSummary
    /// The number of schema migrations applied.
    func schemaVersion() throws(ArchiveError) -> Int
}

/// A batch about to be recorded: the round it belongs to and its rows, identifiers normalised.
public struct NewBatch: Sendable {
    var round: RoundIdentity
    var kind: BatchKind
    var rows: [PaymentRow]
    var inputHash: String
    var outputHash: String
    var label: String
    var recordedAt: String

    var total: Money { rows.reduce(Money.zero) { $0 + Money(fen: $1.amountFen) } }

    func summary(id: Int64) -> BatchSummary {
        BatchSummary(id: id, school: round.school, program: round.program, term: round.term, year: round.year,
                     recordedAt: recordedAt, rows: rows.count, total: total, inputHash: inputHash,
                     outputHash: outputHash, label: label, kind: kind)
    }
}

extension ArchiveStore {
    /// Records the accepted rows of a finished round as one batch: either the whole batch is in the archive
    /// afterwards or nothing is. The round's identity (school, program, term, year) is its policy's. A round
    /// with no accepted rows, or an accepted row without a valid amount, is refused (`invalidBatch`).
    public func record(_ result: RoundResult, inputHash: String, outputHash: String, label: String,
                       at date: Date = Date()) throws(ArchiveError) -> BatchSummary {
        let accepted = result.accepted
        guard !accepted.isEmpty else { throw ArchiveError(.invalidBatch(reason: "本轮没有审核通过的行")) }
        let rows = try accepted.map { (applicant) throws(ArchiveError) in try PaymentRow(applicant) }
        return try insert(NewBatch(round: RoundIdentity(result.policy), kind: .round, rows: rows, inputHash: inputHash,
                                   outputHash: outputHash, label: label, recordedAt: ArchiveFile.timestamp(date)))
    }

    /// Seeds the archive from an earlier register's rows (the CLI reads the 花名册 or CSV and passes its
    /// applicants and the round they were paid in). Every row becomes a payment; `source` (the file's
    /// name) is the batch's label, and a hash of the rows' content is its input hash, so importing the same
    /// register twice is refused (`duplicateBatch`).
    public func importRegister(_ applicants: [Applicant], school: String, program: String, term: String,
                               year: Int, source: String, at date: Date = Date()) throws(ArchiveError) -> BatchSummary {
        guard !applicants.isEmpty else { throw ArchiveError(.invalidBatch(reason: "“\(source)”中没有数据行")) }
        let identity = RoundIdentity(school: school, program: program, term: term, year: year)
        let rows = try applicants.map { (applicant) throws(ArchiveError) in try PaymentRow(applicant) }
        return try insert(NewBatch(round: identity, kind: .import, rows: rows, inputHash: ContentHash.of(rows),
                                   outputHash: "", label: source, recordedAt: ArchiveFile.timestamp(date)))
    }

    /// The `RoundCheck` to pass to `Validator(additionalChecks:)`: `repeat-aid`, `enrolled-elsewhere` and
    /// `card-shared` against this archive. A check cannot throw: after the validator ran, a non-nil
    /// `ArchiveCheck.failure` means the archive could not be read and the round was not checked against it.
    public func check() -> ArchiveCheck {
        ArchiveCheck(lookup: self)
    }
}

/// Opening an archive by where it is.
public enum ArchiveStores {
    /// The environment variable that names the archive when `--archive` is not given (a district's server).
    public static let environmentVariable = "ZIZHU_DATABASE_URL"

    /// Whether `location` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than a file.
    public static func isDatabaseURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The archive at `location`: a PostgreSQL database for a `postgres://` URL, otherwise an SQLite file.
    /// `create: true` makes a missing file, or the tables in an empty database, a new archive.
    public static func open(_ location: String, create: Bool) throws(ArchiveError) -> any ArchiveStore {
        guard isDatabaseURL(location) else { return try AidArchive(path: location, create: create) }
        #if PostgreSQL
        return try PostgresArchive(url: location, create: create)
        #else
        throw ArchiveError(.unavailable(location: location, reason: "这个 zizhu 构建时未包含 PostgreSQL 支持"))
        #endif
    }

    /// Where the archive is when `--archive` is not given: `ZIZHU_DATABASE_URL` when set, else the SQLite file
    /// at `AidArchive.defaultPath`.
    public static var defaultLocation: String {
        let url = ProcessInfo.processInfo.environment[environmentVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        return url.isEmpty ? AidArchive.defaultPath : url
    }
}

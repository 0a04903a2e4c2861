import Foundation
import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuImport
import ZizhuRound

/// What the server does with an upload: every call into the round pipeline is here. A round's rows live only
/// while its request is served; what stays is on disk (inputs, documents, the page's view) and in the store.
struct RoundService: Sendable {
    let dataDirectory: String
    let store: any RoundStore
    let archive: (any ArchiveStore)?
    let limiter: Limiter

    var roundsDirectory: String { dataDirectory + "/rounds" }

    /// A fresh folder for a request's upload, removed by the caller unless it becomes a round.
    func incomingFolder() throws(ServerError) -> String {
        let path = roundsDirectory + "/.incoming-" + Token.make()
        do {
            try FileManager.default.createDirectory(atPath: path + "/inputs", withIntermediateDirectories: true)
        } catch {
            throw ServerError(.diskFull, code: "disk", zh: "服务器无法创建保存上传文件的文件夹。",
                              en: "The server cannot create a folder for the upload.")
        }
        return path
    }

    /// Folders of requests that never finished (the server was stopped meanwhile).
    func removeAbandonedUploads() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: roundsDirectory)) ?? []
        for name in names where name.hasPrefix(".incoming-") {
            try? FileManager.default.removeItem(atPath: roundsDirectory + "/" + name)
        }
    }

    /// The round an upload describes: class sheets in `files`, optionally a YAML policy in `policy`, the
    /// enrolment export in `enrolment`, assistance lists in `evidence` with their kinds in `evidenceKind`.
    /// `.documents` when the documents will be written from it (the columns they need are then required).
    func request(for upload: ReceivedUpload, purpose: ImportPurpose) throws(ServerError) -> RoundRequest {
        let sheets = upload.files("files")
        guard !sheets.isEmpty else { throw ServerError.noFiles }
        var request = RoundRequest(inputs: sheets.map { .stored(path: $0.path, name: $0.name) })
        request.purpose = purpose
        if let policy = upload.files("policy").first {
            guard policy.size <= 1 << 20, let data = FileManager.default.contents(atPath: policy.path),
                  let text = String(data: data, encoding: .utf8)
            else {
                throw ServerError(.unprocessableContent, code: "policy",
                                  zh: "政策文件“\(policy.name)”不是 UTF-8 编码的 YAML 文本（或超过 1 MB）。",
                                  en: "The policy “\(policy.name)” is not UTF-8 YAML text (or exceeds 1 MB).")
            }
            request.policy = .yaml(name: policy.name, text: text)
        }
        request.enrolment = upload.files("enrolment").first.map { .stored(path: $0.path, name: $0.name) }
        let kinds = (upload.fields["evidenceKind"] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        let lists = upload.files("evidence")
        guard kinds.filter({ !$0.isEmpty }).count >= lists.count else {
            throw ServerError(.unprocessableContent, code: "evidence-kind",
                              zh: "每份困难认定名单都要选择它的类型（如 低保）。",
                              en: "Each assistance list needs its kind (e.g. 低保).")
        }
        request.evidence = zip(kinds.filter { !$0.isEmpty }, lists).map {
            EvidenceInput(kind: $0, list: .stored(path: $1.path, name: $1.name))
        }
        request.archive = archive
        return request
    }

    /// Checks an upload: exactly what `zizhu check --format json` prints for the same files.
    func checkReport(_ upload: ReceivedUpload, language: Language) async throws(ServerError) -> String {
        let request = try request(for: upload, purpose: .check)
        let round = try await checked(request)
        return round.reportJSON(round.reportOptions(language: language))
    }

    /// Checks an upload and keeps it as a round: its documents, the zip of them, the page's view and the store's
    /// rows (with the accepted rows the district's checks look up). `folder` (from `incomingFolder`) becomes the
    /// round's folder, or is removed. `school`: the clerk's school on a district's server; the round is a draft.
    func run(_ upload: ReceivedUpload, in folder: String, label: String?,
             school: String = "") async throws(ServerError) -> StoredRound {
        let request = try request(for: upload, purpose: .documents)
        let round = try await checked(request)
        let id = Token.make()
        do {
            let documents = folder + "/documents"
            let manifest = try round.writeDocuments(to: documents, options: ExportOptions())
            let perClass = try round.writeReturnedListsPerClass(to: documents + "/" + Self.perClassFolder)
            var stored: [StoredDocument] = manifest.outputs.enumerated().map { position, output in
                StoredDocument(roundID: id, position: position, kind: output.kind.rawValue, fileName: output.path,
                               sha256: output.sha256, rows: output.rows)
            }
            stored.append(StoredDocument(roundID: id, position: stored.count, kind: "manifest",
                                         fileName: RoundWriter.manifestFileName,
                                         sha256: (try? SHA256.hashFile(atPath: documents + "/" + RoundWriter.manifestFileName)) ?? "",
                                         rows: nil))
            for file in perClass {
                let name = Self.perClassFolder + "/" + file.fileName
                stored.append(StoredDocument(roundID: id, position: stored.count, kind: "returned-class", fileName: name,
                                             sha256: (try? SHA256.hashFile(atPath: documents + "/" + name)) ?? "",
                                             rows: file.rows))
            }
            try ZipWriter.write(stored.map { (documents + "/" + $0.fileName, $0.fileName) },
                                to: folder + "/" + Self.zipFileName)
            try RoundView(round).write(to: folder + "/" + RoundView.fileName)

            let summary = round.result.summary
            let policy = round.result.policy
            let accepted = try SubmittedRow.accepted(round.result)
            let sheets = round.files.map(\.displayName)
            let firstSheet = sheets.count > 1 ? "\(sheets[0]) 等 \(sheets.count) 个文件" : (sheets.first ?? "")
            let record = StoredRound(
                id: id, createdAt: Self.timestamp(), label: (label?.isEmpty == false ? label : nil) ?? firstSheet,
                policyName: round.policyName, rows: summary.rows, accepted: summary.accepted, returned: summary.returned,
                errors: summary.errors, warnings: summary.warnings, amountIn: summary.amountIn.decimalString,
                amountAccepted: summary.amountAccepted.decimalString, amountReturned: summary.amountReturned.decimalString,
                schoolCode: school, program: policy.program, term: policy.term, year: policy.year,
                overAge: round.result.acceptedOlderCount, enrolled: round.result.crossCheck?.enrolment?.students)
            let inputs = zip(upload.files("files"), manifest.inputs).enumerated().map { position, pair in
                StoredInput(roundID: id, position: position, name: pair.0.name, sha256: pair.1.sha256, size: pair.0.size)
            }
            let final = roundsDirectory + "/" + id
            guard rename(folder, final) == 0 else { throw CocoaError(.fileWriteUnknown) }
            do {
                try store.insert(record, inputs: inputs, documents: stored, rows: accepted,
                                 findings: FindingCount.counting(round.result.findings, roundID: id))
            } catch {
                try? FileManager.default.removeItem(atPath: final)
                throw error
            }
            return record
        } catch let error as RoundError {
            throw ServerError(error)
        } catch {
            throw ServerError(.internalServerError, code: "store",
                              zh: "文件已检查，但未能保存这一轮（\(error)）；未留下不完整的记录，请重试。",
                              en: "The files were checked but the round could not be stored (\(error)); nothing partial was kept. Try again.")
        }
    }

    static let zipFileName = "documents.zip"
    static let perClassFolder = "各班退回清单"

    private func checked(_ request: RoundRequest) async throws(ServerError) -> CheckedRound {
        await limiter.acquire()
        let outcome: Result<CheckedRound, RoundError>
        do {
            outcome = .success(try await RoundPipeline(request).check())
        } catch {
            outcome = .failure(error)
        }
        await limiter.release()
        do {
            return try outcome.get()
        } catch {
            throw ServerError(error)
        }
    }

    static func timestamp() -> String { BeijingTime.now() }
}

/// At most `capacity` rounds at once; the rest wait in order.
actor Limiter {
    private let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func acquire() async {
        if running < capacity {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension RoundService {
    /// The district's checks of `round` against every other school, as they stand now.
    func crossSchoolFindings(_ round: StoredRound) throws(ServerError) -> [Finding] {
        do {
            return try CrossSchoolCheck(store: store, archive: archive).findings(for: round)
        } catch {
            throw ServerError.storeUnavailable(error)
        }
    }

    /// Moves `round` by `action` for `viewer`; a reviewer's act names the version they saw. 已发放 records the
    /// round's rows in the archive first (once: a retry finds the batch), then marks it paid; the batch is taken
    /// back when another reviewer returned the round meanwhile.
    func perform(_ action: ReviewAction, on round: StoredRound, by viewer: Viewer, reason: String,
                 version: Int?) throws(ServerError) -> StoredRound {
        guard viewer.actions(on: round).contains(action) else {
            throw ServerError.stateChanged(round)
        }
        let now = Self.timestamp()
        let audit = AuditEntry(at: now, login: viewer.login, role: viewer.roleName, action: action.audited,
                               roundID: round.id, schoolCode: round.schoolCode,
                               detail: action == .return ? reason : "")
        do {
            var batch: Int64?
            if action == .pay {
                guard let archive else { throw ServerError.noArchive }
                let school = try store.schools().first { $0.code == round.schoolCode }?.name ?? round.schoolCode
                batch = try archive.record(paid: round, school: school, rows: store.rows(of: round.id))
            }
            let change = StateChange(state: action.to, reason: action == .return ? reason : round.reason, at: now,
                                     by: viewer.login, expectedVersion: version, archiveBatch: batch)
            if let changed = try store.change(round.id, from: action.from, to: change, audit: audit) {
                // A round returned from 已审核 may have been recorded by an 已发放 the server never finished.
                if action == .return && round.state == .approved { try archive?.unrecord(paid: round) }
                return changed
            }
            let current = try store.round(id: round.id) ?? round
            if let batch, current.state != .paid { _ = try? archive?.remove(batch: batch) }
            throw ServerError.stateChanged(current)
        } catch let error as ServerError {
            throw error
        } catch let error as ArchiveError {
            throw ServerError.storeUnavailable(error)
        } catch {
            throw ServerError.storeUnavailable(ArchiveError(.io(message: "\(error)")))
        }
    }
}

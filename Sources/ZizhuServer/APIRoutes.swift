import Foundation
import Hummingbird
import ZizhuArchive
import ZizhuCore

/// The JSON API (docs/openapi.yaml). `POST /api/check` answers exactly the report of
/// `zizhu check --format json`; `POST /api/run` keeps the round and answers its id.
struct APIRoutes: Sendable {
    let server: ZizhuServer
    var service: RoundService { server.service }

    @Sendable func check(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), !viewer.isAdmin else { return Respond.error(.forbidden, language: visit.language) }
        let folder: String
        do throws(ServerError) { folder = try service.incomingFolder() } catch { return Respond.error(error, language: visit.language) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do throws(ServerError) {
            let upload = try await UploadReceiver.receive(request, into: folder + "/inputs",
                                                          limit: server.configuration.maxUploadBytes)
            return Respond.json(try await service.checkReport(upload, language: visit.language) + "\n")
        } catch {
            return Respond.error(error, language: visit.language)
        }
    }

    @Sendable func run(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.mayUpload else { return Respond.error(.forbidden, language: visit.language) }
        let folder: String
        do throws(ServerError) { folder = try service.incomingFolder() } catch { return Respond.error(error, language: visit.language) }
        do throws(ServerError) {
            let upload = try await UploadReceiver.receive(request, into: folder + "/inputs",
                                                          limit: server.configuration.maxUploadBytes)
            let round = try await service.run(upload, in: folder, label: upload.field("label"),
                                              school: viewer.account?.schoolCode ?? "")
            try? server.audit(viewer, "uploaded", round: round, detail: "\(round.rows)")
            return Respond.json(Self.describe(round), status: .created)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            return Respond.error(error, language: visit.language)
        }
    }

    @Sendable func rounds(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let shown = server.viewer(visit)?.roundsShown else { return Respond.error(.forbidden, language: visit.language) }
        do {
            let rounds = try service.store.rounds(school: shown.school, states: shown.states, limit: 1000)
            return Respond.json(["rounds": rounds.map { Self.describe($0) }])
        } catch {
            return Respond.error(.storeUnavailable(error), language: visit.language)
        }
    }

    @Sendable func round(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), let round = server.visibleRound(context, to: viewer) else {
            return Respond.error(.notFound, language: visit.language)
        }
        let id = round.id
        var object = Self.describe(round)
        if viewer.isDistrict {
            do throws(ServerError) {
                object["crossSchool"] = try service.crossSchoolFindings(round).map { Self.describe($0, language: visit.language) }
            } catch {
                return Respond.error(error, language: visit.language)
            }
        }
        object["documents"] = ((try? service.store.documents(of: id)) ?? []).map { document -> [String: Any] in
            var entry: [String: Any] = ["kind": document.kind, "file": document.fileName, "sha256": document.sha256,
                                        "url": "/rounds/\(id)/files/\(document.position)"]
            if let rows = document.rows { entry["rows"] = rows }
            return entry
        }
        return Respond.json(object)
    }

    /// A finding of the district's checks, as the report's findings read (value masked).
    static func describe(_ finding: Finding, language: Language) -> [String: Any] {
        var object: [String: Any] = ["code": finding.code.rawValue, "severity": finding.severity.rawValue,
                                     "file": finding.location.file,
                                     "message": MessageCatalog.message(for: finding, language: language),
                                     "fix": MessageCatalog.fix(for: finding, language: language)]
        if let line = finding.location.line { object["line"] = line }
        if let field = finding.field { object["field"] = field }
        if let school = finding.arguments["school"] { object["school"] = school }
        return object
    }

    static func describe(_ round: StoredRound) -> [String: Any] {
        [
            "id": round.id, "createdAt": round.createdAt, "label": round.label, "policy": round.policyName,
            "school": round.schoolCode, "state": round.state.rawValue, "reason": round.reason,
            "version": round.version, "term": round.term, "year": round.year,
            "summary": [
                "rows": round.rows, "accepted": round.accepted, "returned": round.returned, "errors": round.errors,
                "warnings": round.warnings, "amountIn": round.amountIn, "amountAccepted": round.amountAccepted,
                "amountReturned": round.amountReturned,
            ] as [String: Any],
            "documentsZip": "/api/rounds/\(round.id)/documents.zip",
        ]
    }
}

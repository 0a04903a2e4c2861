import Foundation
import Hummingbird
import ZizhuCore

/// The JSON API (docs/openapi.yaml). `POST /api/check` answers exactly the report of
/// `zizhu check --format json`; `POST /api/run` keeps the round and answers its id.
struct APIRoutes: Sendable {
    let server: ZizhuServer
    var service: RoundService { server.service }

    @Sendable func check(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
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
        let folder: String
        do throws(ServerError) { folder = try service.incomingFolder() } catch { return Respond.error(error, language: visit.language) }
        do throws(ServerError) {
            let upload = try await UploadReceiver.receive(request, into: folder + "/inputs",
                                                          limit: server.configuration.maxUploadBytes)
            let round = try await service.run(upload, in: folder, label: upload.field("label"))
            return Respond.json(describe(round), status: .created)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            return Respond.error(error, language: visit.language)
        }
    }

    @Sendable func rounds(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Respond.json(["rounds": ((try? service.store.rounds()) ?? []).map { describe($0) }])
    }

    @Sendable func round(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let id = context.parameters.get("id"), Token.isWellFormed(id), let round = try? service.store.round(id: id)
        else { return Respond.error(.notFound, language: visit.language) }
        var object = describe(round)
        object["documents"] = ((try? service.store.documents(of: id)) ?? []).map { document -> [String: Any] in
            var entry: [String: Any] = ["kind": document.kind, "file": document.fileName, "sha256": document.sha256,
                                        "url": "/rounds/\(id)/files/\(document.position)"]
            if let rows = document.rows { entry["rows"] = rows }
            return entry
        }
        return Respond.json(object)
    }

    private func describe(_ round: StoredRound) -> [String: Any] {
        [
            "id": round.id, "createdAt": round.createdAt, "label": round.label, "policy": round.policyName,
            "summary": [
                "rows": round.rows, "accepted": round.accepted, "returned": round.returned, "errors": round.errors,
                "warnings": round.warnings, "amountIn": round.amountIn, "amountAccepted": round.amountAccepted,
                "amountReturned": round.amountReturned,
            ] as [String: Any],
            "documentsZip": "/api/rounds/\(round.id)/documents.zip",
        ]
    }
}

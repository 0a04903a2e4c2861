import Foundation
import Hummingbird
import ZizhuArchive
import ZizhuCore

/// The review on a district's server: a clerk submits a draft (提交), a reviewer returns it with a reason (退回),
/// approves it (审核通过) or marks it paid (已发放). The same four as page forms and as API calls.
struct ReviewRoutes: Sendable {
    let server: ZizhuServer
    var service: RoundService { server.service }

    /// A form of the round's page: redirects back to the round, or shows why not.
    func page(_ action: ReviewAction, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        do throws(ServerError) {
            let form = try await Self.form(request)
            guard visit.acceptsForm(token: form["csrf"]) else { throw ServerError.csrf }
            let round = try perform(action, visit: visit, context: context, form: form)
            return Respond.redirect("/rounds/\(round.id)")
        } catch {
            let html = Pages.layout(visit.text, title: visit.text.errorHeading, path: "/rounds", csrf: nil,
                                    signedIn: false, body: Pages.failure(visit.text, message: error.message(visit.language)))
            return Respond.html(html, status: error.status)
        }
    }

    /// `POST /api/rounds/{id}/{action}` (form fields `reason`, `version`): the round as it is now, and, after a
    /// submit, the district's findings about it.
    func api(_ action: ReviewAction, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        do throws(ServerError) {
            let round = try perform(action, visit: visit, context: context, form: try await Self.form(request))
            var object = APIRoutes.describe(round)
            if action == .submit {
                object["crossSchool"] = try service.crossSchoolFindings(round).map {
                    APIRoutes.describe($0, language: visit.language)
                }
            }
            return Respond.json(object)
        } catch {
            return Respond.error(error, language: visit.language)
        }
    }

    private func perform(_ action: ReviewAction, visit: Visit, context: BasicRequestContext,
                         form: [String: String]) throws(ServerError) -> StoredRound {
        guard let viewer = server.viewer(visit) else { throw ServerError.loginRequired }
        guard let round = server.visibleRound(context, to: viewer) else { throw ServerError.notFound }
        guard viewer.isDistrict else { throw ServerError.forbidden }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .return && (reason.isEmpty || reason.count > 500) { throw ServerError.reasonRequired }
        let version = form["version"].flatMap { Int($0) }
        return try service.perform(action, on: round, by: viewer, reason: reason, version: version)
    }

    private static func form(_ request: Request) async throws(ServerError) -> [String: String] {
        do { return try await FormFields.read(request) } catch { throw ServerError.badForm }
    }
}

extension ZizhuServer {
    /// The stored round a path names, when this viewer may see it; nil for anything else (absent, another
    /// school's, a draft to a reviewer), so the answer does not tell them apart.
    func visibleRound(_ context: BasicRequestContext, to viewer: Viewer) -> StoredRound? {
        guard let id = context.parameters.get("id"), Token.isWellFormed(id),
              let round = try? service.store.round(id: id), viewer.maySee(round)
        else { return nil }
        return round
    }
}

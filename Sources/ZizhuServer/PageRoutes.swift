import Foundation
import Hummingbird
import ZizhuArchive
import ZizhuCore

/// The pages: 上传 (`/`), 检查结果 (`/rounds/{id}`), 下载 (`/rounds/{id}/documents`), the list of rounds, sign-in.
struct PageRoutes: Sendable {
    let server: ZizhuServer
    var service: RoundService { server.service }

    /// A page, with this browser's CSRF cookie set when it had none.
    private func page(_ visit: Visit, title: String, path: String, status: HTTPResponse.Status = .ok,
                      body: (_ csrf: String) -> String) -> Response {
        let (csrf, isNew) = visit.csrfToken()
        let viewer = server.viewer(visit)
        let signedIn = viewer.map { if case .anyone = $0 { false } else { true } } ?? false
        let html = Pages.layout(visit.text, title: title, path: path, csrf: csrf, signedIn: signedIn,
                                body: body(csrf), viewer: viewer)
        var response = Respond.html(html, status: status)
        if isNew { response.setCookie(Visit.csrfCookie(csrf)) }
        return response
    }

    private func failure(_ visit: Visit, _ error: ServerError, path: String = "/") -> Response {
        page(visit, title: visit.text.errorHeading, path: path, status: error.status) { _ in
            Pages.failure(visit.text, message: error.message(visit.language))
        }
    }

    /// Who is asking, when signed in (the guard let nobody else this far).
    private func viewer(_ visit: Visit) -> Viewer? { server.viewer(visit) }

    @Sendable func upload(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = viewer(visit) else { return Respond.redirect("/login") }
        guard viewer.mayUpload else { return Respond.redirect(viewer.isAdmin ? "/admin" : "/rounds") }
        return page(visit, title: visit.text.upload, path: "/") { Pages.upload(visit.text, csrf: $0) }
    }

    @Sendable func submit(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = viewer(visit), viewer.mayUpload else { return failure(visit, .forbidden) }
        let folder: String
        do throws(ServerError) { folder = try service.incomingFolder() } catch { return failure(visit, error) }
        do throws(ServerError) {
            let upload = try await UploadReceiver.receive(request, into: folder + "/inputs",
                                                          limit: server.configuration.maxUploadBytes)
            guard visit.acceptsForm(token: upload.field("csrf")) else { throw ServerError.csrf }
            let round = try await service.run(upload, in: folder, label: upload.field("label"),
                                              school: viewer.account?.schoolCode ?? "")
            try? server.audit(viewer, "uploaded", round: round, detail: "\(round.rows)")
            return Respond.redirect("/rounds/\(round.id)")
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            return failure(visit, error)
        }
    }

    @Sendable func rounds(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = viewer(visit) else { return Respond.redirect("/login") }
        guard let shown = viewer.roundsShown else { return Respond.redirect("/admin") }
        let rounds = (try? service.store.rounds(school: shown.school, states: shown.states, limit: 500)) ?? []
        guard viewer.isDistrict else {
            return page(visit, title: visit.text.rounds, path: "/rounds") { _ in Pages.rounds(visit.text, rounds) }
        }
        let schools = Dictionary(((try? service.store.schools()) ?? []).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return page(visit, title: visit.text.rounds, path: "/rounds") { _ in
            Pages.districtRounds(visit.text, rounds, schools: schools)
        }
    }

    /// The stored round a path names, when this visitor may see it; nil otherwise.
    func storedRound(_ context: BasicRequestContext, _ visit: Visit) -> (StoredRound, Viewer)? {
        guard let viewer = viewer(visit), let round = server.visibleRound(context, to: viewer) else { return nil }
        return (round, viewer)
    }

    @Sendable func results(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let (round, viewer) = storedRound(context, visit),
              let view = try? RoundView.read(from: service.roundsDirectory + "/\(round.id)/" + RoundView.fileName)
        else { return failure(visit, .notFound) }
        let code = request.uri.queryParameters.get("code").flatMap { $0.isEmpty ? nil : $0 }
        let severity = request.uri.queryParameters.get("severity").flatMap { $0.isEmpty ? nil : $0 }
        var crossSchool: [Finding] = []
        var school = ""
        if viewer.isDistrict {
            do throws(ServerError) { crossSchool = try service.crossSchoolFindings(round) } catch { return failure(visit, error) }
            school = ((try? service.store.schools()) ?? []).first { $0.code == round.schoolCode }?.name ?? round.schoolCode
        }
        return page(visit, title: visit.text.results, path: "/rounds/\(round.id)") { csrf in
            let review = viewer.isDistrict
                ? Pages.review(visit.text, round: round, viewer: viewer, csrf: csrf, school: school, findings: crossSchool)
                : ""
            return review + Pages.results(visit.text, round: round, view: view, code: code, severity: severity)
        }
    }

    @Sendable func documents(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let (round, _) = storedRound(context, visit), let documents = try? service.store.documents(of: round.id) else {
            return failure(visit, .notFound)
        }
        return page(visit, title: visit.text.downloads, path: "/rounds/\(round.id)/documents") { _ in
            Pages.documents(visit.text, round: round, documents: documents)
        }
    }

    @Sendable func zip(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        let api = request.uri.path.hasPrefix("/api/")
        guard let (round, viewer) = storedRound(context, visit),
              let response = Respond.download(path: service.roundsDirectory + "/\(round.id)/" + RoundService.zipFileName,
                                              name: Self.zipName(round))
        else { return api ? Respond.error(.notFound, language: visit.language) : failure(visit, .notFound) }
        do throws(ServerError) { try server.audit(viewer, "downloaded", round: round, detail: "documents.zip") } catch {
            return api ? Respond.error(error, language: visit.language) : failure(visit, error)
        }
        return response
    }

    @Sendable func file(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let (round, viewer) = storedRound(context, visit), let position = context.parameters.get("position").flatMap(Int.init),
              let document = (try? service.store.documents(of: round.id))?.first(where: { $0.position == position }),
              let response = Respond.download(path: service.roundsDirectory + "/\(round.id)/documents/" + document.fileName,
                                              name: document.fileName.split(separator: "/").last.map(String.init) ?? document.fileName)
        else { return failure(visit, .notFound) }
        do throws(ServerError) { try server.audit(viewer, "downloaded", round: round, detail: document.kind) } catch {
            return failure(visit, error)
        }
        return response
    }

    /// `资助文件-高一(1)班.csv-2026-12-06.zip`: what the clerk uploaded, and when.
    static func zipName(_ round: StoredRound) -> String {
        let label = round.label.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }
        return "资助文件-" + String(label.prefix(60)) + "-" + String(round.createdAt.prefix(10)) + ".zip"
    }

    @Sendable func loginPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        return page(visit, title: visit.text.loginHeading, path: "/login") {
            Pages.login(visit.text, csrf: $0, failed: request.uri.queryParameters.get("failed") != nil,
                        withLogin: server.isDistrict)
        }
    }

    @Sendable func login(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let form = try? await FormFields.read(request), visit.acceptsForm(token: form["csrf"]) else {
            return failure(visit, .csrf, path: "/login")
        }
        let session: String
        if server.isDistrict {
            let account: Account?
            do { account = try service.store.account(login: form["login"] ?? "") } catch {
                return failure(visit, .storeUnavailable(error), path: "/login")
            }
            // The decoy: an unknown login costs what a wrong password costs, so timing tells nothing.
            let matches = Passwords.verify(form["password"] ?? "", hash: account?.passwordHash ?? Passwords.decoy)
            guard let account, matches, !account.disabled else {
                if let account { try? server.audit(.person(account), "sign-in-failed") }
                return Respond.redirect("/login?failed=1")
            }
            try? server.audit(.person(account), "signed-in")
            session = server.sessions.open(account: account.id)
        } else {
            guard server.passwordRequired, server.passwords.verify(form["password"] ?? "") else {
                return Respond.redirect("/login?failed=1")
            }
            session = server.sessions.open()
        }
        var response = Respond.redirect("/")
        response.setCookie(Cookie(name: Visit.sessionCookie, value: session, path: "/", httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    @Sendable func logout(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let form = try? await FormFields.read(request), visit.acceptsForm(token: form["csrf"]) else {
            return failure(visit, .csrf)
        }
        server.sessions.close(visit.session)
        var response = Respond.redirect("/login")
        response.setCookie(Cookie(name: Visit.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}

/// A small `application/x-www-form-urlencoded` form (sign-in, sign-out).
enum FormFields {
    static func read(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 << 10)
        let text = String(buffer: body)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first { fields[key] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}

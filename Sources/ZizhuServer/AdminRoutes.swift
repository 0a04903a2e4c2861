import Foundation
import Hummingbird
import ZizhuArchive
import ZizhuCore

/// 管理员's page (`/admin`): the district's schools, its people and the audit log. An administrator sees no
/// pupil's data; nobody else sees this page.
struct AdminRoutes: Sendable {
    let server: ZizhuServer
    var store: any RoundStore { server.service.store }

    @Sendable func page(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.isAdmin else { return notFound(visit) }
        do {
            let (csrf, isNew) = visit.csrfToken()
            let body = Pages.admin(visit.text, csrf: csrf, schools: try store.schools(), accounts: try store.accounts(),
                                   audit: try store.audit(limit: 300), notice: request.uri.queryParameters.get("done"))
            var response = Respond.html(Pages.layout(visit.text, title: visit.text.adminHeading, path: "/admin",
                                                     csrf: csrf, signedIn: true, body: body, viewer: viewer))
            if isNew { response.setCookie(Visit.csrfCookie(csrf)) }
            return response
        } catch {
            return failure(visit, .storeUnavailable(error))
        }
    }

    @Sendable func addSchool(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await act(request) { form, viewer throws(ServerError) in
            let school = School(code: form["code"] ?? "", name: form["name"] ?? "")
            guard Accounts.isValidLogin(school.code), !school.name.isEmpty, school.name.count <= 100 else {
                throw ServerError(.unprocessableContent, code: "school",
                                  zh: "学校代码须为 1–40 个字母、数字、-、_ 或 .，学校名称不能为空（最多 100 字）。",
                                  en: "A school code is 1–40 letters, digits, -, _ or .; the name must not be empty (100 characters at most).")
            }
            try write { () throws(ArchiveError) in
                try store.add(school)
                try store.log(entry(viewer, "school-added", school: school.code, detail: school.name))
            }
        }
    }

    @Sendable func addAccount(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await act(request) { form, viewer throws(ServerError) in
            let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            guard Accounts.isValidLogin(login) else {
                throw ServerError(.unprocessableContent, code: "login", zh: Accounts.loginRule, en: Accounts.loginRuleEn)
            }
            guard let role = Role(rawValue: form["role"] ?? "") else {
                throw ServerError(.unprocessableContent, code: "role", zh: "请选择角色。", en: "Choose a role.")
            }
            let school = (form["school"] ?? "").trimmingCharacters(in: .whitespaces)
            guard (role == .clerk) == !school.isEmpty else {
                throw ServerError(.unprocessableContent, code: "school",
                                  zh: "学校资助专干须选择所属学校；区审核员和管理员不属于某一所学校。",
                                  en: "A school's clerk needs their school; reviewers and administrators belong to none.")
            }
            let password = form["password"] ?? ""
            guard password.count >= Passwords.minimumLength else {
                throw ServerError(.unprocessableContent, code: "password", zh: "初始密码至少 8 个字符。",
                                  en: "The first password needs at least 8 characters.")
            }
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let account = Account(id: Token.make(), login: login, name: name.isEmpty ? login : String(name.prefix(50)),
                                  role: role, schoolCode: school.isEmpty ? nil : school,
                                  passwordHash: Passwords.hash(password))
            try write { () throws(ArchiveError) in
                try store.add(account)
                try store.log(entry(viewer, "account-added", school: school, detail: "\(login) \(role.rawValue)"))
            }
        }
    }

    @Sendable func disableAccount(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try await act(request) { form, viewer throws(ServerError) in
            guard let account = try? store.account(login: form["login"] ?? ""), account.id != viewer.account?.id else {
                throw ServerError.notFound
            }
            try write { () throws(ArchiveError) in
                try store.setDisabled(true, account: account.id)
                try store.log(entry(viewer, "account-disabled", school: account.schoolCode ?? "", detail: account.login))
            }
            server.sessions.closeAll(account: account.id)
        }
    }

    /// An administrator's form: the CSRF token checked, `body` run, back to the page.
    private func act(_ request: Request,
                     _ body: ([String: String], Viewer) throws(ServerError) -> Void) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.isAdmin else { return notFound(visit) }
        do throws(ServerError) {
            let form: [String: String]
            do { form = try await FormFields.read(request) } catch { throw ServerError.badForm }
            guard visit.acceptsForm(token: form["csrf"]) else { throw ServerError.csrf }
            try body(form, viewer)
            return Respond.redirect("/admin?done=1")
        } catch {
            return failure(visit, error)
        }
    }

    private func write(_ body: () throws(ArchiveError) -> Void) throws(ServerError) {
        do { try body() } catch { throw ServerError.storeUnavailable(error) }
    }

    private func entry(_ viewer: Viewer, _ action: String, school: String, detail: String) -> AuditEntry {
        AuditEntry(at: RoundService.timestamp(), login: viewer.login, role: viewer.roleName, action: action,
                   schoolCode: school, detail: detail)
    }

    private func notFound(_ visit: Visit) -> Response { failure(visit, .notFound) }

    private func failure(_ visit: Visit, _ error: ServerError) -> Response {
        Respond.html(Pages.layout(visit.text, title: visit.text.errorHeading, path: "/admin", csrf: nil, signedIn: false,
                                  body: Pages.failure(visit.text, message: error.message(visit.language))),
                     status: error.status)
    }
}

/// What a login (and a school code) may be: short, plain, and safe in a log line.
enum Accounts {
    static func isValidLogin(_ text: String) -> Bool {
        (1...40).contains(text.count)
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    static let loginRule = "登录名须为 1–40 个英文字母、数字、-、_ 或 .（如 zhangsan、s001-clerk）。"
    static let loginRuleEn = "A login is 1–40 letters, digits, -, _ or . (e.g. zhangsan, s001-clerk)."
}

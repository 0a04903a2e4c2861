import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ZizhuCore

/// Responses the routes give.
enum Respond {
    static func text(_ text: String, status: HTTPResponse.Status = .ok, type: String, cache: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type]
        headers[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        text(html, status: status, type: "text/html; charset=utf-8")
    }

    static func json(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        text(json, status: status, type: "application/json; charset=utf-8")
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return json(String(decoding: data, as: UTF8.self) + "\n", status: status)
    }

    static func error(_ error: ServerError, language: Language) -> Response {
        json(["error": ["code": error.code, "message": error.message(language)]], status: error.status)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A file to save, under its own name (RFC 6266 with a UTF-8 `filename*` so Chinese names survive).
    static func download(path: String, name: String) -> Response? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let encoded = escapeQuery(name)
        let ascii = String(name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 }.map(Character.init))
        let type = name.hasSuffix(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : name.hasSuffix(".zip") ? "application/zip" : name.hasSuffix(".json") ? "application/json" : "application/octet-stream"
        let headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"\(ascii.isEmpty ? "download" : ascii)\"; filename*=UTF-8''\(encoded)",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Applies to every request: no POST from another site, a signed-in session when the server has a password or
/// accounts, and the headers that keep
/// pages out of frames, caches and other sites' scripts.
struct Guard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let server: ZizhuServer

    static let open: Set<String> = ["/login", "/healthz", "/static/app.css", "/static/app.js"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let visit = Visit(request)
        var response: Response
        if request.method == .post && !visit.isSameOrigin {
            response = Respond.error(.csrf, language: visit.language)
        } else if Self.open.contains(request.uri.path) {
            response = try await next(request, context)
        } else {
            switch server.identify(visit) {
            case .failure(let error):
                response = request.uri.path.hasPrefix("/api/") ? Respond.error(error, language: visit.language)
                    : Respond.html(Pages.layout(visit.text, title: visit.text.errorHeading, path: "/", csrf: nil,
                                                signedIn: false, body: Pages.failure(visit.text, message: error.message(visit.language))),
                                   status: error.status)
            case .success(nil):
                response = request.uri.path.hasPrefix("/api/")
                    ? Respond.error(.loginRequired, language: visit.language) : Respond.redirect("/login")
            case .success:
                response = try await next(request, context)
            }
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if visit.languageFromQuery {
            response.setCookie(Cookie(name: Visit.languageCookie, value: visit.language.rawValue, maxAge: 365 * 86400,
                                      path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }
}

/// What a request says about who sent it: language, CSRF cookie, session.
struct Visit {
    static let languageCookie = "zizhu_lang"
    static let csrfCookie = "zizhu_csrf"
    static let sessionCookie = "zizhu_session"

    let language: Language
    let languageFromQuery: Bool
    let csrf: String?
    let session: String?
    let isSameOrigin: Bool

    init(_ request: Request) {
        let query = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        languageFromQuery = query != nil
        language = query ?? request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .zh
        csrf = request.cookies[Self.csrfCookie]?.value
        session = request.cookies[Self.sessionCookie]?.value
        // A browser names the page a POST comes from; another site's page must not drive this server.
        let host = request.head.authority ?? ""
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" {
            isSameOrigin = false
        } else if let origin = request.headers[.origin], origin != "null" {
            isSameOrigin = origin == "http://" + host || origin == "https://" + host
        } else {
            isSameOrigin = true
        }
    }

    var text: PageText { PageText(language: language) }

    /// The CSRF token for this browser: the cookie's, or a new one (set by `withCSRFCookie`).
    func csrfToken() -> (token: String, isNew: Bool) {
        if let csrf, Token.isWellFormed(csrf) { return (csrf, false) }
        return (Token.make(), true)
    }

    /// A form's token matches this browser's cookie.
    func acceptsForm(token: String?) -> Bool {
        guard let csrf, let token, Token.isWellFormed(csrf) else { return false }
        return Token.equal(csrf, token)
    }

    static func csrfCookie(_ token: String) -> Cookie {
        Cookie(name: csrfCookie, value: token, path: "/", httpOnly: true, sameSite: .strict)
    }
}

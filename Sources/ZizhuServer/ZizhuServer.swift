import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ZizhuArchive
import ZizhuCore

/// `zizhu serve`: the round pipeline behind a web page and a JSON API, for clerks who never open a terminal.
///
/// Every request's work is its own: an upload is streamed to a folder of its own, checked, and either kept
/// as a round (documents, zip, the page's view, the store's row) or removed; nothing of it stays in memory.
/// Round ids are random; no URL and no log line carries a person's data.
public struct ZizhuServer: Sendable {
    public let configuration: ServerConfiguration
    let service: RoundService
    let passwords: PasswordFile
    let sessions = SessionStore()

    public init(_ configuration: ServerConfiguration) throws(ServerStartError) {
        self.configuration = configuration
        let data = configuration.dataDirectory
        do {
            try FileManager.default.createDirectory(atPath: data + "/rounds", withIntermediateDirectories: true)
        } catch {
            throw ServerStartError("无法创建数据文件夹 \(data)：\(error.localizedDescription)")
        }
        passwords = PasswordFile(dataDirectory: data)
        var archive: (any ArchiveStore)?
        if let location = configuration.archive {
            do {
                // A district's database gets its archive with its rounds; a file archive must exist already.
                archive = try ArchiveStores.open(location, create: ArchiveStores.isDatabaseURL(location))
            } catch {
                throw ServerStartError(error.description)
            }
        }
        let store: any RoundStore
        do {
            store = try RoundStores.open(configuration.roundStoreLocation)
        } catch {
            throw ServerStartError("无法打开轮次数据库：\(error.description)")
        }
        if !configuration.bindsLoopbackOnly && !passwords.isSet && !((try? store.hasAccounts()) ?? false) {
            throw ServerStartError("""
                监听 \(configuration.host) 会让局域网内的其他电脑访问学生的个人信息：请先用 \
                zizhu serve --set-password 设置密码，或用 zizhu serve --add-admin 建立区级账号（--data 与本次相同），再启动。
                """)
        }
        service = RoundService(dataDirectory: data, store: store, archive: archive,
                               limiter: Limiter(capacity: configuration.concurrentRounds))
        service.removeAbandonedUploads()
    }

    /// Sets the password (stored as a bcrypt hash) in `dataDirectory`.
    public static func setPassword(_ password: String, dataDirectory: String) throws(ServerStartError) {
        guard password.count >= 8 else { throw ServerStartError("密码至少 8 个字符。") }
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            try PasswordFile(dataDirectory: dataDirectory).set(password)
        } catch {
            throw ServerStartError("无法保存密码到 \(dataDirectory)：\(error.localizedDescription)")
        }
    }

    /// Serves until SIGINT or SIGTERM. `onReady` hears the address once the socket is bound (port 0 picks one).
    public func run(onReady: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        var logger = Logger(label: "zizhu.serve")
        logger.logLevel = .info
        let app = Application(
            router: makeRouter(logger: logger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [host = configuration.host] channel in
                onReady(host, channel.localAddress?.port ?? 0)
            },
            logger: logger)
        try await app.runService()
    }

    func makeRouter(logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLog(logger: logger))
        router.add(middleware: Guard(server: self))
        let pages = PageRoutes(server: self)
        let api = APIRoutes(server: self)
        router.get("/static/app.css") { _, _ in Respond.text(StaticAssets.css, type: "text/css; charset=utf-8", cache: true) }
        router.get("/static/app.js") { _, _ in Respond.text(StaticAssets.javascript, type: "text/javascript; charset=utf-8", cache: true) }
        router.get("/healthz") { _, _ in Respond.text("ok\n", type: "text/plain; charset=utf-8") }
        router.get("/", use: pages.upload)
        router.post("/rounds", use: pages.submit)
        router.get("/rounds", use: pages.rounds)
        router.get("/rounds/:id", use: pages.results)
        router.get("/rounds/:id/documents", use: pages.documents)
        router.get("/rounds/:id/documents.zip", use: pages.zip)
        router.get("/rounds/:id/files/:position", use: pages.file)
        router.get("/login", use: pages.loginPage)
        router.post("/login", use: pages.login)
        router.post("/logout", use: pages.logout)
        let review = ReviewRoutes(server: self)
        for action in ReviewAction.allCases {
            router.post("/rounds/:id/\(action.rawValue)") { request, context in try await review.page(action, request, context) }
            router.post("/api/rounds/:id/\(action.rawValue)") { request, context in try await review.api(action, request, context) }
        }
        let admin = AdminRoutes(server: self)
        let district = DistrictRoutes(server: self)
        router.get("/district", use: district.page)
        router.get("/district/summary.xlsx", use: district.summary)
        router.get("/district/bulletin.xlsx", use: district.bulletin)
        router.get("/admin", use: admin.page)
        router.post("/admin/schools", use: admin.addSchool)
        router.post("/admin/accounts", use: admin.addAccount)
        router.post("/admin/accounts/disable", use: admin.disableAccount)
        router.post("/api/check", use: api.check)
        router.post("/api/run", use: api.run)
        router.get("/api/rounds", use: api.rounds)
        router.get("/api/rounds/:id", use: api.round)
        router.get("/api/rounds/:id/documents.zip", use: pages.zip)
        return router
    }

    var passwordRequired: Bool { passwords.isSet }

    /// Whether people sign in with accounts (a district's server). Asked per request — accounts may be added
    /// while the server runs — and a store that cannot answer counts as yes: closed, not open.
    var isDistrict: Bool { (try? service.store.hasAccounts()) ?? true }

    /// Who sent the request: nil when they must sign in first; a failure when the database cannot say (the
    /// guard answers 503 then, not "sign in").
    func identify(_ visit: Visit) -> Result<Viewer?, ServerError> {
        do {
            if try service.store.hasAccounts() {
                guard let session = sessions.session(visit.session), let id = session.account,
                      let account = try service.store.account(id: id), !account.disabled
                else { return .success(nil) }
                return .success(.person(account))
            }
        } catch {
            return .failure(.storeUnavailable(error))
        }
        if passwordRequired { return .success(sessions.isValid(visit.session) ? .passwordHolder : nil) }
        return .success(.anyone)
    }

    /// Who sent the request; nil when they must sign in first (or the database cannot say).
    func viewer(_ visit: Visit) -> Viewer? {
        (try? identify(visit).get()) ?? nil
    }

    /// Logs what a person did outside a change of state (which logs itself): sign-ins, uploads, downloads.
    func audit(_ viewer: Viewer, _ action: String, round: StoredRound? = nil, detail: String = "") throws(ServerError) {
        guard viewer.isDistrict else { return }
        do {
            try service.store.log(AuditEntry(at: RoundService.timestamp(), login: viewer.login, role: viewer.roleName,
                                             action: action, roundID: round?.id ?? "",
                                             schoolCode: round?.schoolCode ?? viewer.account?.schoolCode ?? "",
                                             detail: detail))
        } catch {
            throw ServerError.storeUnavailable(error)
        }
    }

    /// Makes one of the district's administrators (`zizhu serve --add-admin`); they add schools and people.
    public static func addAdministrator(login: String, name: String, password: String,
                                        configuration: ServerConfiguration) throws(ServerStartError) {
        guard password.count >= Passwords.minimumLength else { throw ServerStartError("密码至少 8 个字符。") }
        guard Accounts.isValidLogin(login) else { throw ServerStartError(Accounts.loginRule) }
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
            let store = try RoundStores.open(configuration.roundStoreLocation)
            try store.add(Account(id: Token.make(), login: login, name: name.isEmpty ? login : name, role: .admin,
                                  schoolCode: nil, passwordHash: Passwords.hash(password)))
            try store.log(AuditEntry(at: RoundService.timestamp(), login: login, role: Role.admin.rawValue,
                                     action: "account-added", detail: "\(login) admin (zizhu serve --add-admin)"))
        } catch let error as ArchiveError {
            throw ServerStartError(error.description)
        } catch {
            throw ServerStartError("无法建立账号：\(error.localizedDescription)")
        }
    }
}

/// The server could not start; the message says why and what to do, in Chinese.
public struct ServerStartError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// One line per request: method, the route's pattern (`/rounds/{id}`, never the actual path), status, time.
struct AccessLog: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.info("\(request.method) \(context.endpointPath ?? "(no route)") \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }
}

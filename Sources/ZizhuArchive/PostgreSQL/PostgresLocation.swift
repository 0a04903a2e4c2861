#if PostgreSQL
import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL, read the way libpq reads it: the host may be
/// a Unix socket folder (`postgres://zizhu@%2Fvar%2Frun%2Fpostgresql/zizhu` or `?host=/var/run/postgresql`),
/// the password may instead come from `PGPASSWORD`, and `sslmode` is `disable`, `prefer` (the default),
/// `require` or `verify-full`.
struct PostgresLocation: Sendable, Equatable {
    enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file, `<folder>/.s.PGSQL.<port>`.
        case socket(path: String)
    }

    enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    var endpoint: Endpoint
    var user: String
    var password: String?
    var database: String
    var tls: TLSMode
    /// Connections the archive keeps open at most (`?pool=8`).
    var poolSize: Int

    /// The URL as messages and logs show it: everything but the password.
    var display: String

    init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ArchiveError) {
        func invalid(_ reason: String) -> ArchiveError {
            ArchiveError(.unavailable(location: PostgresLocation.withoutPassword(text), reason: reason))
        }
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else { throw invalid("地址不是 postgres://用户@主机:端口/数据库 的形式") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
                               uniquingKeysWith: { _, last in last })
        let port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
        let host = query["host"] ?? components.percentEncodedHost?.removingPercentEncoding ?? ""
        if host.isEmpty || host.hasPrefix("/") {
            let folder = host.isEmpty ? "/var/run/postgresql" : host
            endpoint = .socket(path: folder + "/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        user = components.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        let mode = query["sslmode"] ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw invalid("sslmode 只能是 disable、prefer、require 或 verify-full，而不是“\(mode)”")
        }
        self.tls = tls
        let pool = query["pool"] ?? "4"
        guard let size = Int(pool), (1...64).contains(size) else { throw invalid("pool 应为 1 到 64 之间的整数") }
        poolSize = size
        display = PostgresLocation.withoutPassword(text)
    }

    /// `text` with the password of its user part (`user:password@`) removed, for messages.
    static func withoutPassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
              let colon = rest[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<schemeEnd.upperBound]) + rest[..<colon] + rest[at...]
    }

    /// The connection settings for postgres-nio.
    func configuration() throws(ArchiveError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tlsSetting: PostgresConnection.Configuration.TLS
            do {
                switch tls {
                case .disable:
                    tlsSetting = .disable
                case .prefer, .require:
                    // As libpq: these modes encrypt but do not verify the server's certificate (verify-full does).
                    var client = TLSConfiguration.makeClientConfiguration()
                    client.certificateVerification = .none
                    let context = try NIOSSLContext(configuration: client)
                    tlsSetting = tls == .prefer ? .prefer(context) : .require(context)
                case .verifyFull:
                    tlsSetting = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
            } catch {
                throw ArchiveError(.unavailable(location: display, reason: "无法建立 TLS 设置（\(error)）"))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database,
                                  tls: tlsSetting)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
#endif

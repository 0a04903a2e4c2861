#if PostgreSQL
import Foundation
import Logging
import PostgresNIO
import ZizhuCore

/// The connections of one `PostgresArchive`, for callers that block: the CLI, and the round pipeline, whose
/// checks run synchronously off the event loops. Connections are opened on demand up to `location.poolSize`
/// and kept for the next call; one that the server closed (a restart, a network cut) is dropped, never lent.
///
/// The pool owns its event loop thread: the archive's queries never wait on (or for) the server's own loops,
/// and the thread ends with the pool.
final class PostgresPool: @unchecked Sendable {
    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let logger: Logger
    /// Guards `idle`, `opened` and `nextID`; callers wait on it for a free connection.
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    /// Connections lent, idle or being opened.
    private var opened = 0
    private var nextID = 0
    /// How long a caller waits for a connection when all of them are lent.
    private let borrowTimeout: TimeInterval = 30

    init(_ location: PostgresLocation) throws(ArchiveError) {
        self.location = location
        configuration = try location.configuration()
        // postgres-nio logs at debug level with statements and their parameters: personal data. Failures
        // reach the caller as an ArchiveError instead.
        var logger = Logger(label: "zizhu.archive.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// Closes the idle connections and ends the loop thread: waiting for both, unless the last reference went
    /// on an event loop's thread (where waiting would deadlock); each connection then lives until it is closed.
    deinit {
        if MultiThreadedEventLoopGroup.currentEventLoop == nil {
            for connection in idle { try? connection.close().wait() }
            try? group.syncShutdownGracefully()
        } else {
            for connection in idle { PostgresPool.close(connection) }
            group.shutdownGracefully { _ in }
        }
    }

    /// Closes without waiting; the closure keeps the connection until it is closed (postgres-nio requires it).
    fileprivate static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` on a connection of the pool. When a connection kept from an earlier call turns out to be
    /// dead before the server saw any of `body`'s statements (it restarted meanwhile), `body` runs again on a
    /// new one; otherwise its failure is the caller's, as an `ArchiveError`.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws(ArchiveError) -> T {
        var retried = false
        while true {
            let (connection, reused) = try borrow()
            let session = PostgresSession(connection: connection, logger: logger)
            do {
                let value = try body(session)
                giveBack(connection, broken: false)
                return value
            } catch {
                let lost = connection.isClosed || PostgresPool.isConnectionLost(error)
                giveBack(connection, broken: lost || session.mustDiscard)
                if lost, reused, !retried, !session.serverSawStatement {
                    retried = true
                    continue
                }
                throw ArchiveError(postgres: error, location: location.display)
            }
        }
    }

    /// `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ mode: PostgresSession.TransactionMode = .readWrite,
                        _ body: (PostgresSession) throws -> T) throws(ArchiveError) -> T {
        try withSession { session in try session.transaction(mode, body) }
    }

    private func borrow() throws(ArchiveError) -> (PostgresConnection, reused: Bool) {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: borrowTimeout)
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed {
                    condition.unlock()
                    return (connection, true)
                }
                opened -= 1
            }
            if opened < location.poolSize { break }
            guard condition.wait(until: deadline) else {
                condition.unlock()
                throw ArchiveError(.unavailable(location: location.display,
                                                reason: "\(Int(borrowTimeout)) 秒内没有空闲的数据库连接"))
            }
        }
        opened += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id,
                                                           logger: logger).wait()
            return (connection, false)
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw ArchiveError(postgres: error, location: location.display)
        }
    }

    private func giveBack(_ connection: PostgresConnection, broken: Bool) {
        if broken { PostgresPool.close(connection) }
        condition.lock()
        if broken || connection.isClosed {
            opened -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }

    /// Whether `error` means the connection is gone (closed by the server or the network), as opposed to a
    /// statement the server refused.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if error is PostgresSession.StatementTimeout { return true }
        guard let error = error as? PSQLError else { return error is IOError || error is ChannelError }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return true
        case .server:
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away.
            return ["57P01", "57P02", "57P03"].contains(error.serverInfo?[.sqlState] ?? "")
        default:
            return false
        }
    }
}

/// One borrowed connection, as the archive's statements use it: blocking calls, and what the pool must know
/// when a call fails (whether the server saw anything, whether the connection is fit to lend again).
final class PostgresSession {
    enum TransactionMode: String {
        case readWrite = "BEGIN"
        /// One snapshot for every statement of the transaction: chunked lookups see the same archive even
        /// while a school records.
        case readOnlySnapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    }

    let connection: PostgresConnection
    let logger: Logger
    /// Set once a statement completed: a failure after it cannot be retried blindly on another connection.
    private(set) var serverSawStatement = false
    /// Set when a transaction could not be rolled back: the connection's state is unknown.
    private(set) var mustDiscard = false

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs one statement and collects its rows. A statement without an answer within `statementTimeout`
    /// (a server that stopped answering without closing the connection) fails, and its connection is closed.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        let future = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        let result = try PostgresSession.wait(for: future, on: connection, within: PostgresSession.statementTimeout)
        serverSawStatement = true
        return result
    }

    func transaction<T>(_ mode: TransactionMode, _ body: (PostgresSession) throws -> T) throws -> T {
        try query(mode.rawValue)
        do {
            let value = try body(self)
            try query("COMMIT")
            return value
        } catch {
            // On a lost connection the server rolls back by itself; a ROLLBACK sent there may never be answered.
            if connection.isClosed || PostgresPool.isConnectionLost(error) {
                mustDiscard = true
            } else {
                do { try query("ROLLBACK") } catch { mustDiscard = true }
            }
            throw error
        }
    }

    static let statementTimeout = TimeAmount.seconds(120)

    struct StatementTimeout: Error, CustomStringConvertible {
        var description: String { "数据库 \(PostgresSession.statementTimeout.nanoseconds / 1_000_000_000) 秒内没有应答" }
    }

    /// Waits for `future`, failing it after `timeout`. Both outcomes are decided on the connection's event
    /// loop, so exactly one of them completes the promise.
    private static func wait<Value: Sendable>(for future: EventLoopFuture<Value>, on connection: PostgresConnection,
                                              within timeout: TimeAmount) throws -> Value {
        let loop = connection.eventLoop
        let promise = loop.makePromise(of: Value.self)
        let decided = LoopBound()
        let deadline = loop.scheduleTask(in: timeout) {
            guard !decided.value else { return }
            decided.value = true
            promise.fail(StatementTimeout())
            PostgresPool.close(connection)
        }
        future.whenComplete { result in
            guard !decided.value else { return }
            decided.value = true
            deadline.cancel()
            promise.completeWith(result)
        }
        return try promise.futureResult.wait()
    }

    /// A flag read and written only on one event loop.
    private final class LoopBound: @unchecked Sendable {
        var value = false
    }
}

extension ArchiveError {
    /// Maps what postgres-nio threw to the archive's errors. The server's message is kept (masked), the
    /// statement and its parameters are not: they hold students' IDs and cards.
    init(postgres error: any Error, location: String) {
        if let archiveError = error as? ArchiveError {
            self = archiveError
            return
        }
        guard let psql = error as? PSQLError else {
            if PostgresPool.isConnectionLost(error) {
                self.init(.unavailable(location: location, reason: "连接中断（\(error)）"))
            } else {
                self.init(.io(message: Masking.maskIdentifiers(in: String(describing: error)) + "（\(location)）"))
            }
            return
        }
        let state = psql.serverInfo?[.sqlState] ?? ""
        let message = Masking.maskIdentifiers(in: psql.serverInfo?[.message] ?? "")
        switch psql.code {
        case .server:
            switch state {
            case "3D000":
                self.init(.unavailable(location: location, reason: "数据库不存在（请先用 createdb 创建）"))
            case "28P01", "28000":
                self.init(.unavailable(location: location, reason: "用户名或密码不正确，或该用户无权登录（\(message)）"))
            case "57P01", "57P02", "57P03":
                self.init(.unavailable(location: location, reason: "数据库服务正在关闭或启动中"))
            case "40001", "40P01", "55P03":
                self.init(.busy)
            default:
                self.init(.io(message: "\(message)（SQLSTATE \(state)，\(location)）"))
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            let cause = psql.underlying.map { "：\($0)" } ?? ""
            self.init(.unavailable(location: location, reason: "连接中断或无法建立\(cause)"))
        default:
            self.init(.io(message: "PostgreSQL \(psql.code)（\(location)）"))
        }
    }
}
#endif

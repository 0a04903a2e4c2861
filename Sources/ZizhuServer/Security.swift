import Foundation
import HummingbirdBcrypt
import Synchronization

/// Random tokens for round ids, sessions and CSRF: 128 bits from the system's secure generator, as hex.
enum Token {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// Only tokens of our own shape are looked up (they name folders).
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Compares in time that does not depend on where the texts differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The server's password: a bcrypt hash (salted, cost 12) in `password.bcrypt` in the data folder, never the
/// password itself.
struct PasswordFile: Sendable {
    let path: String

    init(dataDirectory: String) {
        path = dataDirectory + "/password.bcrypt"
    }

    var isSet: Bool { FileManager.default.fileExists(atPath: path) }

    func set(_ password: String) throws {
        let hash = Passwords.hash(password)
        let temporary = path + ".tmp"
        try Data(hash.utf8).write(to: URL(fileURLWithPath: temporary))
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func verify(_ password: String) -> Bool {
        guard let hash = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return Passwords.verify(password, hash: hash.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Salted password hashes (bcrypt, cost 12): the one-school password and every account's.
enum Passwords {
    static let minimumLength = 8

    static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }

    static func verify(_ password: String, hash: String) -> Bool {
        !hash.isEmpty && Bcrypt.verify(password, hash: hash)
    }

    /// A hash to check a password against when the login is unknown, so a wrong login takes as long as a
    /// wrong password and does not tell which logins exist.
    static let decoy = Bcrypt.hash("zizhu-decoy-password", cost: 12)
}

/// Signed-in browsers: a random token per session, kept in memory for 12 hours of inactivity, with the account
/// it belongs to (nil: the one-school server's password). Bounded, so a flood of logins cannot grow the server.
/// A restart of the server signs everybody out.
final class SessionStore: Sendable {
    private static let lifetime: TimeInterval = 12 * 3600
    private static let capacity = 10_000

    struct Session: Sendable {
        var account: String?
        var seen: Date
    }

    private let sessions = Mutex<[String: Session]>([:])

    func open(account: String? = nil) -> String {
        let token = Token.make()
        let now = Date()
        sessions.withLock { sessions in
            if sessions.count >= Self.capacity {
                sessions = sessions.filter { now.timeIntervalSince($0.value.seen) < Self.lifetime }
                if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value.seen < $1.value.seen }) {
                    sessions[oldest.key] = nil
                }
            }
            sessions[token] = Session(account: account, seen: now)
        }
        return token
    }

    /// The live session of `token`, refreshed; nil when there is none or it expired.
    func session(_ token: String?) -> Session? {
        guard let token else { return nil }
        let now = Date()
        return sessions.withLock { sessions in
            guard var session = sessions[token] else { return nil }
            guard now.timeIntervalSince(session.seen) < Self.lifetime else {
                sessions[token] = nil
                return nil
            }
            session.seen = now
            sessions[token] = session
            return session
        }
    }

    func isValid(_ token: String?) -> Bool { session(token) != nil }

    func close(_ token: String?) {
        guard let token else { return }
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// Ends every session of an account (it was disabled).
    func closeAll(account: String) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.account != account } }
    }
}

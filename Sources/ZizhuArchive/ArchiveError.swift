import Foundation
import GRDB
import ZizhuCore

/// Why the archive could not do what was asked. The description is one line of Chinese for the clerk; it
/// names files and batches but never a student's ID number or card (SQLite's own message is kept, the
/// statement's arguments are not).
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Another process held the write lock for longer than the busy timeout.
        case busy
        /// `create: false` and there is no file at the path.
        case notFound(path: String)
        /// The file is not a zizhu archive, or is damaged. It was refused and left as it was.
        case notAnArchive(path: String)
        /// The archive was written by a newer zizhu whose schema this one does not know.
        case newerVersion(path: String)
        /// The same input was already recorded for this school, program, term and year.
        case duplicateBatch(id: Int64, recordedAt: String)
        case batchNotFound(id: Int64)
        /// Nothing, or something unpayable, was asked to be recorded (no rows, a row without an amount).
        case invalidBatch(reason: String)
        /// Any other failure of the file or of the database.
        case io(message: String)
        /// The database server cannot be reached, refused the login, or lost the connection. `location` is the
        /// URL without its password. Nothing of an interrupted write was kept.
        case unavailable(location: String, reason: String)
        /// A school code or a login that is already taken, or a reference to one that does not exist.
        case conflict(message: String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .busy:
            "另一个 zizhu 正在写入档案，请稍后重试"
        case .notFound(let path) where ArchiveStores.isDatabaseURL(path):
            "数据库 \(path) 中还没有 zizhu 资助档案（第一次记录批次时会自动建立）"
        case .notFound(let path):
            "档案文件不存在：\(path)"
        case .notAnArchive(let path) where ArchiveStores.isDatabaseURL(path):
            "数据库 \(path) 中的模式 zizhu 不是 zizhu 资助档案：已拒绝使用，未作任何改动"
        case .notAnArchive(let path):
            "“\(path)”不是 zizhu 资助档案，或文件已损坏：已拒绝使用，文件未作任何改动"
        case .newerVersion(let path):
            "档案“\(path)”由更新版本的 zizhu 写入，请升级 zizhu 后再使用"
        case .duplicateBatch(let id, let recordedAt):
            "该批次已于 \(recordedAt) 记录为档案批次 \(id)，不能重复记录"
        case .batchNotFound(let id):
            "档案中没有批次 \(id)"
        case .invalidBatch(let reason):
            "无法记录该批次：\(reason)"
        case .io(let message):
            "档案读写失败：\(message)"
        case .unavailable(let location, let reason):
            "无法连接资助档案数据库 \(location)：\(reason)。未写入任何内容；请确认数据库服务已启动、地址和账号正确后重试"
        case .conflict(let message):
            message
        }
    }
}

extension ArchiveError {
    /// Maps whatever a database access threw to the archive's errors. An `ArchiveError` thrown from inside a
    /// transaction passes through unchanged.
    init(_ error: any Error, path: String) {
        if let archiveError = error as? ArchiveError {
            self = archiveError
            return
        }
        guard let databaseError = error as? DatabaseError else {
            self.init(.io(message: Masking.maskIdentifiers(in: String(describing: error))))
            return
        }
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.busy)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self.init(.notAnArchive(path: path))
        default:
            // `message` is SQLite's text; `description` would add the statement's arguments (personal data).
            let message = databaseError.message ?? "SQLite 错误 \(databaseError.resultCode.rawValue)"
            self.init(.io(message: Masking.maskIdentifiers(in: message) + "（\(path)）"))
        }
    }
}

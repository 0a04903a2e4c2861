import HTTPTypes
import ZizhuArchive
import ZizhuCore
import ZizhuRound

extension HTTPResponse.Status {
    /// 507: the server has no room for the upload.
    static let diskFull = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
}

/// Why a request could not be served, in the clerk's language. It never carries a person's data: the
/// messages name files, limits and what to do.
struct ServerError: Error, Sendable {
    var status: HTTPResponse.Status
    /// Stable, for the API: `upload-too-large`, `no-files`, `round-failed`, `not-found`, `csrf`, ….
    var code: String
    private var chinese: String
    private var english: String

    init(_ status: HTTPResponse.Status, code: String, zh: String, en: String) {
        self.status = status
        self.code = code
        chinese = zh
        english = en
    }

    init(_ error: RoundError) {
        let status: HTTPResponse.Status = switch error.kind {
        case .output, .archive: .internalServerError
        case .cancelled: .serviceUnavailable
        default: .unprocessableContent
        }
        self.init(status, code: "round-\(error.kind)", zh: error.message(.zh), en: error.message(.en))
    }

    func message(_ language: Language) -> String { language == .zh ? chinese : english }

    static func tooLarge(limit: Int) -> ServerError {
        let megabytes = limit >> 20
        return ServerError(.contentTooLarge, code: "upload-too-large",
                           zh: "上传的文件合计超过 \(megabytes) MB 的上限，未保存。请分班分批上传，或请管理员用 --max-upload 调大上限。",
                           en: "The upload exceeds the \(megabytes) MB limit and was not stored. Upload fewer sheets at once, or raise --max-upload.")
    }

    static let noFiles = ServerError(.badRequest, code: "no-files",
                                     zh: "没有收到名单文件。请选择班级名单（CSV、TXT 或 XLSX）后再提交。",
                                     en: "No roster file was received. Choose the class sheets (CSV, TXT or XLSX) and submit again.")

    static let notFound = ServerError(.notFound, code: "not-found",
                                      zh: "找不到这一轮（或这个文件）。它可能已被删除，或链接不完整。",
                                      en: "This round (or file) does not exist. It may have been removed, or the link is incomplete.")

    static let badForm = ServerError(.badRequest, code: "bad-form",
                                     zh: "提交的内容不完整或格式不对（需要 multipart/form-data）。请刷新页面后重新上传。",
                                     en: "The request is incomplete or not multipart/form-data. Reload the page and upload again.")

    static let csrf = ServerError(.forbidden, code: "csrf",
                                  zh: "页面已过期或来源不明（安全校验未通过）。请刷新页面后重新提交。",
                                  en: "The page has expired or the form did not come from it (security check failed). Reload and submit again.")

    static let loginRequired = ServerError(.unauthorized, code: "login-required",
                                           zh: "请先登录。", en: "Please sign in first.")

    static let forbidden = ServerError(.forbidden, code: "forbidden",
                                       zh: "您的账号没有这项权限。", en: "Your account may not do this.")

    static let noArchive = ServerError(.conflict, code: "no-archive",
                                       zh: "服务器没有配置资助档案（zizhu serve --archive），无法记录发放。",
                                       en: "The server has no archive (zizhu serve --archive) to record the payment in.")

    static let reasonRequired = ServerError(.unprocessableContent, code: "reason-required",
                                            zh: "退回时请写明原因（最多 500 字），学校会看到它。",
                                            en: "Give the reason for returning it (at most 500 characters); the school will see it.")

    /// Another person moved the round first (or it is not in a state the action applies to).
    static func stateChanged(_ round: StoredRound) -> ServerError {
        let by = round.changedBy.isEmpty ? "" : "已由 \(round.changedBy) 于 \(round.changedAt.prefix(16).replacingOccurrences(of: "T", with: " ")) "
        return ServerError(.conflict, code: "state-changed",
                           zh: "这一轮\(by)处理为“\(round.state.title)”，您的操作没有执行。请刷新页面查看。",
                           en: "This round is now \(round.state.englishTitle)\(round.changedBy.isEmpty ? "" : " (by \(round.changedBy))"); your action was not carried out. Reload the page.")
    }

    /// The database could not be read or written; nothing half-done was kept.
    static func storeUnavailable(_ error: ArchiveError) -> ServerError {
        if case .conflict(let message) = error.kind {
            return ServerError(.conflict, code: "conflict", zh: message, en: message)
        }
        return ServerError(.serviceUnavailable, code: "database",
                           zh: "数据库暂时无法访问（\(error.description)），未保存任何改动，请稍后重试。",
                           en: "The database cannot be reached (\(error.description)); nothing was changed. Try again later.")
    }
}

import ArgumentParser
import Foundation
import ZizhuArchive

/// Which archive of paid batches a command consults (and `run --record` writes).
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("资助档案：SQLite 文件，或区级共享的 PostgreSQL 数据库 postgres://用户@主机/库。"
                               + "默认使用 \(ArchiveStores.defaultLocationDescription)（存在时）。",
                               valueName: "file|url"))
    var archive: String?

    @Flag(help: "不查档案（不检查跨学期、跨学校的重复资助）。Skip the archive.")
    var noArchive = false

    mutating func validate() throws {
        if noArchive && archive != nil { throw ValidationError("--archive 与 --no-archive 不能同时使用") }
    }

    /// The archive to use, or nil when there is none. A named archive (`--archive`, `ZIZHU_DATABASE_URL`) must
    /// exist unless `creating`; the default file is used only when it exists (or is to be created for recording).
    func open(creating: Bool) throws -> (any ArchiveStore)? {
        guard let location = location(creating: creating) else { return nil }
        do {
            return try ArchiveStores.open(location, create: creating)
        } catch {
            throw CLIFailure(error.description)
        }
    }

    /// Where the archive to use is (with a database URL's password, if any), or nil when there is none.
    func location(creating: Bool) -> String? {
        if noArchive { return nil }
        let location = archive ?? ArchiveStores.defaultLocation
        if archive == nil && !ArchiveStores.isDatabaseURL(location) && !creating
            && !FileManager.default.fileExists(atPath: location) {
            return nil
        }
        return location
    }
}

extension ArchiveStores {
    static var defaultLocationDescription: String {
        "$\(environmentVariable)，否则 $XDG_DATA_HOME/zizhu/archive.sqlite 或 ~/.local/share/zizhu/archive.sqlite"
    }
}

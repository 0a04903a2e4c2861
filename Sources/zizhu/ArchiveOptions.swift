import ArgumentParser
import Foundation
import ZizhuArchive

/// Which archive of paid batches a command consults (and `run --record` writes).
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("资助档案文件（SQLite）。默认使用 \(AidArchive.defaultPathDescription)（存在时）。",
                               valueName: "file"))
    var archive: String?

    @Flag(help: "不查档案（不检查跨学期、跨学校的重复资助）。Skip the archive.")
    var noArchive = false

    mutating func validate() throws {
        if noArchive && archive != nil { throw ValidationError("--archive 与 --no-archive 不能同时使用") }
    }

    /// The archive to use, or nil when there is none. A named file must exist unless `creating`; the default
    /// location is used only when it exists (or is to be created for recording).
    func open(creating: Bool) throws -> AidArchive? {
        if noArchive { return nil }
        let path = archive ?? AidArchive.defaultPath
        if archive == nil && !creating && !FileManager.default.fileExists(atPath: path) { return nil }
        do {
            return try AidArchive(path: path, create: creating)
        } catch {
            throw CLIFailure(error.description)
        }
    }
}

extension AidArchive {
    static var defaultPathDescription: String { "$XDG_DATA_HOME/zizhu/archive.sqlite 或 ~/.local/share/zizhu/archive.sqlite" }
}

import Foundation
import ZizhuArchive

/// How `zizhu serve` runs.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String
    /// 0 picks a free port (reported through `onReady`).
    public var port: Int
    /// Rounds, uploads, documents, the password hash and the server's database.
    public var dataDirectory: String
    /// The largest request body accepted, in bytes.
    public var maxUploadBytes: Int
    /// The archive of paid rounds consulted during checks: an SQLite file or a `postgres://` URL; nil: none.
    public var archive: String?
    /// Rounds worked on at once; more requests wait their turn (each round takes a core and its rows' memory).
    public var concurrentRounds: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = ServerConfiguration.defaultDataDirectory,
                maxUploadBytes: Int = 200 << 20, archive: String? = nil,
                concurrentRounds: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.maxUploadBytes = maxUploadBytes
        self.archive = archive
        self.concurrentRounds = concurrentRounds
    }

    /// `$XDG_DATA_HOME/zizhu/server`, else `~/.local/share/zizhu/server`.
    public static var defaultDataDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/zizhu/server" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/zizhu/server"
    }

    /// Where the rounds, schools, accounts and audit log are kept: beside the archive when it is a district's
    /// PostgreSQL database, else `zizhu-server.sqlite` in the data folder.
    public var roundStoreLocation: String {
        if let archive, ArchiveStores.isDatabaseURL(archive) { return archive }
        return dataDirectory + "/zizhu-server.sqlite"
    }

    /// Whether `host` is on this machine only (127.0.0.0/8, ::1, localhost).
    public var bindsLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn, its stdout and stderr going to files (not pipes, so a test can
/// kill it at any moment and still read what it printed). The fault tests need the pid and SIGKILL, which
/// Foundation's Process does not offer cleanly.
final class ChildProcess {
    struct Result {
        var status: Int32
        /// The signal that ended the process, nil when it exited.
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let outPath: String
    private let errPath: String
    private var finished: Result?

    /// Starts `executable arguments…`; `environment` entries are added to (or replace) the test's own.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let base = NSTemporaryDirectory() + "zizhu-child-" + UUID().uuidString
        outPath = base + ".out"
        errPath = base + ".err"
        pid = try Self.spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath)
    }

    /// Starts `executable arguments…` with stdin from /dev/null and stdout and stderr into the two files;
    /// `environment` entries are added to (or replace) the test's own. Returns the pid, for the caller to reap.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                      stdout outPath: String, stderr errPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = executable.contains("/")
            ? posix_spawn(&child, executable, &actions, nil, argv, envp)
            : posix_spawnp(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return child
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        unlink(outPath)
        unlink(errPath)
    }

    /// Waits for the process to end.
    @discardableResult
    func wait() -> Result {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros do not import into Swift.
        return finish(status)
    }

    /// The result of a reaped process, kept.
    @discardableResult
    private func finish(_ status: Int32) -> Result {
        let signal = status & 0x7F
        let result = Result(status: signal == 0 ? (status >> 8) & 0xFF : -1, signal: signal == 0 ? nil : signal,
                            stdout: Self.text(outPath), stderr: Self.text(errPath))
        finished = result
        return result
    }

    /// True while the process has not ended (it may be a zombie waiting for `wait`).
    var isRunning: Bool {
        guard finished == nil else { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            finish(status)
            return false
        }
        return true
    }

    /// Sends SIGKILL (nothing to clean up, no handler runs) and waits.
    @discardableResult
    func killNow() -> Result {
        if finished == nil { kill(pid, SIGKILL) }
        return wait()
    }

    /// Runs to completion and returns what it printed.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try ChildProcess(executable, arguments, environment: environment).wait()
    }

    /// Runs the built `zizhu` with an archive location of its own, so no test reads the user's archive.
    static func zizhu(_ arguments: [String], home: String? = nil) throws -> Result {
        try run(CLIRunner.executable.path, arguments, environment: zizhuEnvironment(home: home))
    }

    static func zizhuEnvironment(home: String? = nil) -> [String: String] {
        let home = home ?? NSTemporaryDirectory() + "zizhu-no-home"
        return ["XDG_DATA_HOME": home + "/data", "HOME": home, "LANG": "C.UTF-8"]
    }

    private static func text(_ path: String) -> String {
        // FileHandle, not FileManager.contents: the latter leaks a buffer on empty files (see Tests/sanitizers).
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }
}

import Foundation

/// The PostgreSQL server of a test run, started by `make test` (`Tests/postgres/server.sh`) and named by
/// `ZIZHU_TEST_DATABASE_URL`. Each test that needs a database gets a new one, dropped afterwards.
///
/// Without the variable the PostgreSQL tests are left out (`swift test` on a machine without a server);
/// `ZIZHU_REQUIRE_POSTGRES=1` (set by `make test`) turns that into a failure, so CI cannot pass without them.
public enum PostgresTestServer {
    /// `postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable`, or nil.
    public static var url: String? {
        let url = ProcessInfo.processInfo.environment["ZIZHU_TEST_DATABASE_URL"] ?? ""
        return url.isEmpty ? nil : url
    }

    /// Whether the run must test PostgreSQL (and fail when it cannot).
    public static var required: Bool {
        ProcessInfo.processInfo.environment["ZIZHU_REQUIRE_POSTGRES"] == "1"
    }

    /// Whether PostgreSQL tests run: a server is named, or one is required (they then fail loudly).
    public static var enabled: Bool { url != nil || required }

    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Creates an empty database and returns its URL.
    public static func freshDatabase() throws -> String {
        guard let url else {
            throw Unavailable(description: "ZIZHU_REQUIRE_POSTGRES=1 but ZIZHU_TEST_DATABASE_URL is not set")
        }
        let name = "zizhu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql(url, "CREATE DATABASE \(name)")
        return replacingDatabase(in: url, with: name)
    }

    /// Drops a database made by `freshDatabase`, ending its sessions first.
    public static func drop(_ databaseURL: String) {
        guard let url, let name = URLComponents(string: databaseURL)?.path.dropFirst() else { return }
        _ = try? psql(url, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs one statement with `psql` against `url` (a tool we did not write, as an administrator would).
    @discardableResult
    public static func psql(_ url: String, _ statement: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", statement]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "psql failed (\(process.terminationStatus)): \(problem)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `url` naming database `name` instead of its own.
    public static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

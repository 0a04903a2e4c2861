import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuServer

@Suite struct SecurityTests {
    @Test func tokensAreRandomAndOfOneShape() {
        let tokens = (0..<1000).map { _ in Token.make() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy(Token.isWellFormed))
        #expect(!Token.isWellFormed("../../etc/passwd"))
        #expect(!Token.isWellFormed(tokens[0].uppercased()))
        #expect(Token.equal(tokens[0], tokens[0]) && !Token.equal(tokens[0], tokens[1]) && !Token.equal("a", "ab"))
    }

    @Test func thePasswordIsKeptOnlyAsAHash() throws {
        let folder = try Fixtures.temporaryFolder("password")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ZizhuServer.setPassword("一二三四五六七八", dataDirectory: folder.path)
        let file = PasswordFile(dataDirectory: folder.path)
        #expect(file.isSet)
        #expect(file.verify("一二三四五六七八") && !file.verify("一二三四五六七"))
        let stored = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(stored.hasPrefix("$2") && !stored.contains("一二三"))
        #expect(throws: ServerStartError.self) { try ZizhuServer.setPassword("short", dataDirectory: folder.path) }
    }

    @Test func anOpenAddressNeedsAPassword() throws {
        let folder = try Fixtures.temporaryFolder("open-host")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ServerStartError.self) {
            _ = try ZizhuServer(ServerConfiguration(host: "0.0.0.0", port: 0, dataDirectory: folder.path))
        }
        try ZizhuServer.setPassword("a long enough one", dataDirectory: folder.path)
        _ = try ZizhuServer(ServerConfiguration(host: "0.0.0.0", port: 0, dataDirectory: folder.path))
        #expect(ServerConfiguration(host: "127.0.0.1").bindsLoopbackOnly)
        #expect(!ServerConfiguration(host: "192.168.1.10").bindsLoopbackOnly)
    }

    @Test func sessionsOpenAndClose() {
        let sessions = SessionStore()
        let token = sessions.open()
        #expect(sessions.isValid(token) && !sessions.isValid(Token.make()) && !sessions.isValid(nil))
        sessions.close(token)
        #expect(!sessions.isValid(token))
    }

    @Test func htmlIsEscaped() {
        #expect(escapeHTML("<script>\"x\"&'y'</script>") == "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;")
    }
}

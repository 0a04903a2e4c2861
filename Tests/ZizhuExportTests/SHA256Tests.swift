import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("资助", "af638358a3b7a6f809791580c1a261e04904b0aa4eb059e38d99b819d534932e"),  // python3 hashlib
    ])
    func vectors(text: String, expected: String) {
        #expect(SHA256.hash(Array(text.utf8)) == expected)
    }

    @Test func aMillionAsInUnevenChunks() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let n = min(chunk.count - (fed % 7), 1_000_000 - fed)
            chunk.prefix(n).withUnsafeBytes { hasher.update($0) }
            fed += n
        }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundTheBlockBoundaryMatchesPython() throws {
        // Lengths 0…130 cover the padding cases (55, 56, 63, 64, 119, 120 bytes).
        let text = (0...130).map { String(repeating: "a", count: $0) }
        let script = "import hashlib,sys\nfor n in range(131): print(hashlib.sha256(b'a'*n).hexdigest())"
        let output = String(decoding: try XLSXReadBack.runPython(script, arguments: []), as: UTF8.self)
        let expected = output.split(separator: "\n").map(String.init)
        #expect(expected.count == 131)
        for (n, sample) in text.enumerated() where n < expected.count {
            #expect(SHA256.hash(Array(sample.utf8)) == expected[n], "length \(n)")
        }
    }

    @Test func hashesFilesInChunks() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("big.bin")
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(try SHA256.hashFile(atPath: path) == SHA256.hash(bytes))
        #expect(throws: ExportError.self) { try SHA256.hashFile(atPath: folder.file("missing")) }
    }
}

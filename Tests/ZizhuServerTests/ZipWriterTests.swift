import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuServer

@Suite struct ZipWriterTests {
    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
    }

    /// Read back by Python's zipfile, a reader we did not write: names in UTF-8, contents and CRCs intact.
    @Test func aReaderWeDidNotWriteOpensIt() throws {
        let folder = try Fixtures.temporaryFolder("zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a").path
        let second = folder.appendingPathComponent("b").path
        try Data("花名册".utf8).write(to: URL(fileURLWithPath: first))
        try Data((0..<70_000).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: second))
        let zip = folder.appendingPathComponent("x.zip").path
        try ZipWriter.write([(first, "花名册.xlsx"), (second, "各班退回清单/退回清单-高一(1)班.xlsx")], to: zip)

        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print("|".join(z.namelist()))
            print(z.read("花名册.xlsx").decode())
            print(len(z.read("各班退回清单/退回清单-高一(1)班.xlsx")))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, zip]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == "花名册.xlsx|各班退回清单/退回清单-高一(1)班.xlsx\n花名册\n70000\n")
    }
}

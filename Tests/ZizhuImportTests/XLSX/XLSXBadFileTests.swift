import Foundation
import Testing
@testable import ZizhuImport

/// Every bad file ends in one clear `XLSXReadError`: no crash, bounded time and memory.
@Suite struct XLSXBadFileTests {
    /// Opens and reads every sheet, as the import path will.
    private func readEverything(_ path: String, limits: XLSXReadLimits = .standard) throws {
        let reader = try XLSXWorkbookReader(path: path, limits: limits)
        for sheet in reader.sheets {
            try reader.forEachRow(of: sheet) { _ in true }
        }
    }

    private func readError(_ path: String, limits: XLSXReadLimits = .standard) -> XLSXReadError? {
        #expect(throws: XLSXReadError.self) { try readEverything(path, limits: limits) }
    }

    @Test func missingFileAndFolderAreUnreadable() throws {
        let missing = readError("/nonexistent/高一(2)班.xlsx")
        #expect(missing?.kind == .unreadable)
        #expect(missing?.description.contains("高一(2)班.xlsx") == true)
        #expect(missing?.description.contains("nonexistent") == false)
        #expect(readError(XLSXFixture.folder.path)?.kind == .unreadable)
    }

    @Test func randomBytesAreNotAZip() {
        let error = readError(XLSXFixture.path("not_a_zip.xlsx"))
        #expect(error?.kind == .notAZip)
        #expect(error?.description.contains("另存为 .xlsx 或 CSV") == true)
    }

    @Test func emptyFileIsNotAZip() throws {
        let path = try XLSXTestWorkbook.copy(of: XLSXFixture.path("not_a_zip.xlsx"), named: "empty.xlsx") { $0 = [] }
        #expect(readError(path)?.kind == .notAZip)
    }

    @Test func zipWithoutWorkbook() {
        let error = readError(XLSXFixture.path("zip_without_workbook.xlsx"))
        #expect(error?.kind == .noWorkbook)
        #expect(error?.description.contains("xl/workbook.xml") == true)
    }

    @Test func legacyXLSRenamedToXLSX() {
        let error = readError(XLSXFixture.path("legacy_xls_renamed.xlsx"))
        #expect(error?.kind == .legacyXLS)
        #expect(error?.description.contains("另存为 .xlsx 或 CSV") == true)
    }

    @Test func passwordProtectedWorkbook() {
        let error = readError(XLSXFixture.path("encrypted.xlsx"))
        #expect(error?.kind == .encrypted)
        #expect(error?.description.contains("取消密码保护后另存为 .xlsx") == true)
    }

    @Test func zipPasswordIsEncrypted() throws {
        let roster = XLSXFixture.path("xlsxwriter_roster.xlsx")
        let path = try XLSXTestWorkbook.copy(of: roster, named: "zip-password.xlsx") { bytes in
            // Set flag bit 0 (encrypted) of every entry, in local headers (offset 6) and central records (8).
            for (signature, flagOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 6), ([0x50, 0x4B, 0x01, 0x02], 8)] {
                var searchFrom = 0
                while let range = bytes[searchFrom...].firstRange(of: signature) {
                    bytes[range.lowerBound + flagOffset] |= 1
                    searchFrom = range.upperBound
                }
            }
        }
        #expect(readError(path)?.kind == .encrypted)
    }

    @Test func truncatedSheetIsBrokenXMLAfterTheRowsBeforeIt() throws {
        let reader = try XLSXFixture.reader("broken_sheet_truncated.xlsx")
        var delivered: [Int] = []
        let error = #expect(throws: XLSXReadError.self) {
            try reader.forEachRow(of: reader.sheets[0]) { row in
                delivered.append(row.number)
                return true
            }
        }
        #expect(error?.kind == .brokenXML(sheet: "高一(2)班", line: 2))
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(error?.description.contains("高一(2)班") == true)
        #expect(delivered.allSatisfy { $0 < 7 })
    }

    @Test func mismatchedTagIsBrokenXML() {
        let error = readError(XLSXFixture.path("broken_sheet_mismatched_tag.xlsx"))
        guard case .brokenXML(let sheet, _)? = error?.kind else {
            Issue.record("expected brokenXML, got \(String(describing: error))")
            return
        }
        #expect(sheet == "高一(2)班")
        #expect(error?.detail == "开始和结束标签不配对")
    }

    @Test func sharedStringIndexPastTheTableNamesTheCell() {
        let error = readError(XLSXFixture.path("shared_string_out_of_range.xlsx"))
        #expect(error?.kind == .sharedStringOutOfRange(cell: "高一(2)班!B4"))
        #expect(error?.description.contains("高一(2)班!B4") == true)
    }

    @Test func billionLaughsIsRefusedWithoutExpanding() {
        let started = ContinuousClock.now
        let error = readError(XLSXFixture.path("billion_laughs.xlsx"))
        #expect(error?.kind == .entityExpansion)
        #expect(error?.part == "xl/sharedStrings.xml")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func entityDeclarationInASheetIsRefused() throws {
        let sheet = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY id "370112201005123456">]>\
            <worksheet xmlns="\(XLSXTestWorkbook.mainNamespace)"><sheetData/></worksheet>
            """
        let path = try XLSXTestWorkbook.write(sheetXML: Data(sheet.utf8))
        #expect(readError(path)?.kind == .entityExpansion)
    }

    @Test func partDeclaringTwoGiBIsRefusedBeforeInflating() {
        let error = readError(XLSXFixture.path("bomb_declared_2gib.xlsx"))
        #expect(error?.kind == .tooLarge)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
    }

    @Test func partInflatingPastItsDeclaredSizeIsStopped() {
        // Declares 2,000 bytes, inflates to 8 MiB: reading stops as soon as the declaration is passed.
        let error = readError(XLSXFixture.path("bomb_lying_size.xlsx"))
        #expect(error?.kind == .tooLarge)
        #expect(error?.detail?.contains("2000") == true)
    }

    @Test func partLargerThanTheLimitIsRefused() {
        var limits = XLSXReadLimits.standard
        limits.maxPartBytes = 4 << 20
        #expect(readError(XLSXFixture.path("bomb_8mib.xlsx"), limits: limits)?.kind == .tooLarge)
    }

    @Test func compressionRatioAboveOneThousandIsRefused() {
        var limits = XLSXReadLimits.standard
        limits.ratioCheckMinimumBytes = 1 << 20
        let error = readError(XLSXFixture.path("bomb_8mib.xlsx"), limits: limits)
        #expect(error?.kind == .tooLarge)
        #expect(error?.detail?.contains("1000:1") == true)
    }

    @Test func paddedButHonestPartUnderTheLimitsReads() throws {
        let reader = try XLSXFixture.reader("bomb_8mib.xlsx")
        #expect(try reader.rows(ofSheet: "炸弹") == [XLSXRow(number: 1, cells: [XLSXCell(column: 0, text: "1",
                                                                                         kind: .number)])])
    }

    @Test func oversizedTokenIsRefused() throws {
        var limits = XLSXReadLimits.standard
        limits.maxTokenBytes = 1 << 16
        limits.chunkSize = 4096
        let longText = String(repeating: "长", count: 40_000)
        let path = try XLSXTestWorkbook.write(
            sheetData: "<row r=\"1\"><c t=\"inlineStr\"><is><t>\(longText)</t></is></c></row>")
        #expect(readError(path, limits: limits)?.kind == .tooLarge)
        #expect(throws: Never.self) { try readEverything(path) }
    }

    @Test func rowWithMoreCellsThanExcelAllowsIsBroken() throws {
        let cells = String(repeating: "<c r=\"A1\"><v>1</v></c>", count: 16_385)
        let path = try XLSXTestWorkbook.write(sheetData: "<row r=\"1\">\(cells)</row>")
        let error = readError(path)
        #expect(error?.kind == .brokenXML(sheet: "Sheet1", line: 1))
        #expect(error?.detail == "一行的单元格超过 Excel 上限")
    }

    @Test func deflateStreamThatNeverEndsStopsAtTheEntrysEnd() {
        // ZIPFoundation's own extract would inflate on to the end of the file and spin there for ever.
        let started = ContinuousClock.now
        let error = readError(XLSXFixture.path("stored_block_never_ends.xlsx"))
        #expect(error?.kind == .damagedZip)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func truncatedPackageIsDamaged() throws {
        let path = try XLSXTestWorkbook.copy(of: XLSXFixture.path("xlsxwriter_roster.xlsx"), named: "cut.xlsx") {
            $0.removeLast($0.count / 2)
        }
        #expect(readError(path)?.kind == .damagedZip)
    }

    @Test func corruptedCompressedDataIsAClearError() throws {
        let original = XLSXFixture.path("xlsxwriter_roster.xlsx")
        let path = try XLSXTestWorkbook.copy(of: original, named: "flipped.xlsx") { bytes in
            // Scramble the middle of the first sheet's compressed data (after its local header).
            let name = Array("xl/worksheets/sheet1.xml".utf8)
            guard let start = bytes.firstRange(of: name)?.upperBound else { return }
            for index in (start + 200)..<(start + 260) { bytes[index] ^= 0x5A }
        }
        let error = readError(path)
        let clear: Bool
        switch error?.kind {
        case .damagedZip?, .brokenXML?: clear = true
        default: clear = false
        }
        #expect(clear, "\(String(describing: error))")
    }

    @Test func checksumMismatchIsDamaged() throws {
        let roster = XLSXFixture.path("xlsxwriter_roster.xlsx")
        let path = try XLSXTestWorkbook.copy(of: roster, named: "crc.xlsx") { bytes in
            // Flip one bit of the sheet's CRC-32 in its local header (offset 14) and central record (offset 16).
            let name = Array("xl/worksheets/sheet1.xml".utf8)
            for (signature, crcOffset, headerLength) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 14, 30),
                                                        ([0x50, 0x4B, 0x01, 0x02], 16, 46)] {
                var searchFrom = 0
                while let range = bytes[searchFrom...].firstRange(of: signature) {
                    let start = range.lowerBound
                    if bytes[(start + headerLength)...].starts(with: name) { bytes[start + crcOffset] ^= 1 }
                    searchFrom = range.upperBound
                }
            }
        }
        let reader = try XLSXWorkbookReader(path: path)
        let error = #expect(throws: XLSXReadError.self) { try reader.rows(ofSheet: "高一(2)班") }
        #expect(error?.kind == .damagedZip)
        #expect(error?.detail == "校验和不符")
    }

    @Test func workbookNamingAMissingSheetPart() throws {
        let roster = XLSXFixture.path("xlsxwriter_roster.xlsx")
        let path = try XLSXTestWorkbook.copy(of: roster, named: "gone.xlsx") { bytes in
            // Rename the entry in both headers so the workbook's target no longer exists.
            let name = Array("xl/worksheets/sheet2.xml".utf8)
            var searchFrom = 0
            while let range = bytes[searchFrom...].firstRange(of: name) {
                bytes[range.lowerBound + 14] = UInt8(ascii: "X")
                searchFrom = range.upperBound
            }
        }
        let reader = try XLSXWorkbookReader(path: path)
        #expect(try reader.rows(ofSheet: "高一(2)班").count == 6)
        let error = #expect(throws: XLSXReadError.self) { try reader.rows(ofSheet: "高一(3)班") }
        #expect(error?.kind == .missingPart("xl/worksheets/sheet2.xml"))
    }

    @Test func everyMessageIsOneChineseLineWithAFix() {
        let kinds: [XLSXReadError.Kind] = [
            .unreadable, .notAZip, .noWorkbook, .encrypted, .legacyXLS, .damagedZip, .missingPart("xl/a.xml"),
            .brokenXML(sheet: "高一(2)班", line: 3), .sharedStringOutOfRange(cell: "高一(2)班!B4"), .tooLarge,
            .entityExpansion,
        ]
        for kind in kinds {
            let message = XLSXReadError(kind, file: "/tmp/班级/高一(2)班.xlsx", part: "xl/worksheets/sheet1.xml").description
            #expect(!message.contains("\n"))
            #expect(message.contains("高一(2)班.xlsx"))
            #expect(!message.contains("/tmp/"))
            #expect(message.contains("请"), "\(kind): \(message)")
        }
    }
}

import Foundation
import ZIPFoundation
@testable import ZizhuImport

/// The committed fixtures of `Tests/Fixtures/xlsx` (made by `make_fixtures.py` there).
enum XLSXFixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static func reader(_ name: String, limits: XLSXReadLimits = .standard) throws -> XLSXWorkbookReader {
        try XLSXWorkbookReader(path: path(name), limits: limits)
    }
}

extension XLSXWorkbookReader {
    /// Every row of the named sheet.
    func rows(ofSheet name: String) throws -> [XLSXRow] {
        guard let sheet = sheets.first(where: { $0.name == name }) else { return [] }
        var rows: [XLSXRow] = []
        try forEachRow(of: sheet) { row in
            rows.append(row)
            return true
        }
        return rows
    }
}

extension [XLSXRow] {
    /// The row with this sheet number.
    func row(_ number: Int) -> XLSXRow? { first { $0.number == number } }

    /// The cell at an Excel reference such as `D5`.
    func cell(_ reference: String) -> XLSXCell? {
        let parsed = [UInt8](reference.utf8).withUnsafeBufferPointer { XLSXCellReference.parse($0) }
        guard let parsed, let number = parsed.row else { return nil }
        return row(number)?.cell(atColumn: parsed.column)
    }
}

/// Workbooks assembled in the test from XML strings, for shapes no fixture writer produces.
enum XLSXTestWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Writes a one-sheet workbook named `Sheet1` into a fresh temporary folder and returns its path.
    static func write(sheetData: String, sharedStrings: [String]? = nil, styles: String? = nil,
                      extraSheetXML: String = "", fileName: String = "generated.xlsx") throws -> String {
        let sheet = "<worksheet xmlns=\"\(mainNamespace)\"><sheetData>\(sheetData)</sheetData>\(extraSheetXML)"
            + "</worksheet>"
        return try write(sheetXML: Data(sheet.utf8), sharedStrings: sharedStrings, styles: styles, fileName: fileName)
    }

    static func write(sheetXML: Data, sharedStrings: [String]? = nil, styles: String? = nil,
                      fileName: String = "generated.xlsx") throws -> String {
        var parts: [(String, Data)] = []
        var relationships = [("rId1", "worksheet", "worksheets/sheet1.xml")]
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
            parts.append(("xl/sharedStrings.xml", Data("<sst xmlns=\"\(mainNamespace)\">\(items)</sst>".utf8)))
            relationships.append(("rId2", "sharedStrings", "sharedStrings.xml"))
        }
        if let styles {
            parts.append(("xl/styles.xml", Data("<styleSheet xmlns=\"\(mainNamespace)\">\(styles)</styleSheet>".utf8)))
            relationships.append(("rId3", "styles", "styles.xml"))
        }
        let relationshipXML = relationships.map { id, type, target in
            "<Relationship Id=\"\(id)\" Type=\"\(relationshipTypes)/\(type)\" Target=\"\(target)\"/>"
        }.joined()
        parts += [
            ("xl/workbook.xml", Data("""
                <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipTypes)">\
                <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8)),
            ("xl/_rels/workbook.xml.rels", Data("""
                <Relationships xmlns="\(packageRelationships)">\(relationshipXML)</Relationships>
                """.utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zizhu-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(fileName)
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return url.path
    }

    /// A copy of a file with some bytes changed, in a fresh temporary folder.
    static func copy(of path: String, named fileName: String, editing edit: (inout [UInt8]) -> Void) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        edit(&bytes)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zizhu-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(fileName)
        try Data(bytes).write(to: url)
        return url.path
    }
}

import FuzzSupport

/// The .xlsx path: ZIP directory and inflate (ZIPFoundation plus our bounds), the XML scanner, workbook,
/// relationships, shared strings, styles, merged ranges and sheet rows, then the same header location,
/// normalisation, rules and reports as the CSV path.
///
/// Two kinds of input:
/// - bytes starting with `PK` are the workbook file itself (reproduce with `zizhu check crash-….xlsx` after
///   renaming);
/// - anything else is a bundle of XML parts separated by `separator`: workbook, its relationships, shared
///   strings, styles, then sheet1, sheet2 … (`xl/worksheets/sheetN.xml`), packed here into a stored ZIP with
///   correct checksums, so mutations reach the XML readers instead of failing the checksum. Missing parts get
///   a minimal default (two sheets when none is given). `FUZZ_XLSX_KEEP=path` writes the packed
///   workbook there, to reproduce a crash with the CLI.
let path = FuzzHarness.scratchPath(extension: "xlsx")
let separator: [UInt8] = Array("\u{0}PART\u{0}".utf8)

let partNames = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]
let defaults: [String] = [
    #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="高一(1)班" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/></sheets></workbook>"#,
    #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
    #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号</t></si></sst>"#,
    #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>"#,
    #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>"#,
    #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#,
]
let fixedParts: [(name: String, data: [UInt8])] = [
    ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
    ("_rels/.rels", Array(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8)),
]

func parts(of input: UnsafeRawBufferPointer) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var start = 0
    var position = 0
    let bytes = Array(input)
    while position + separator.count <= bytes.count {
        if bytes[position..<(position + separator.count)].elementsEqual(separator) {
            result.append(Array(bytes[start..<position]))
            position += separator.count
            start = position
        } else {
            position += 1
        }
    }
    result.append(Array(bytes[start...]))
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    if size >= 2 && input[0] == 0x50 && input[1] == 0x4B {
        FuzzHarness.write(input, to: path)
    } else {
        let given = parts(of: input)
        var entries = fixedParts
        for (position, name) in partNames.enumerated() {
            entries.append((name, position < given.count ? given[position] : Array(defaults[position].utf8)))
        }
        let sheets = given.count > partNames.count
            ? Array(given[partNames.count...]) : defaults[partNames.count...].map { Array($0.utf8) }
        for (offset, sheet) in sheets.enumerated() { entries.append(("xl/worksheets/sheet\(offset + 1).xml", sheet)) }
        let workbook = StoredZip.archive(entries)
        workbook.withUnsafeBytes { FuzzHarness.write($0, to: path) }
        if let keep = FuzzHarness.environment("FUZZ_XLSX_KEEP") {
            workbook.withUnsafeBytes { FuzzHarness.write($0, to: keep) }
        }
    }
    FuzzHarness.readAndCheck(path: path, displayName: "fuzz.xlsx", isText: false)
    return 0
}

@_cdecl("FuzzRosterXLSX_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzRosterXLSX)
}

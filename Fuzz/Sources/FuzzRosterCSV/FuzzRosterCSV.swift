import FuzzSupport

/// The text roster path: encoding detection and decoding (iconv), libcsv, header location, column mapping,
/// normalisation, then the rules and reports. The input is the file's bytes, so a crash reproduces with
/// `zizhu check crash-….csv`; the same bytes are read a second time with one forced encoding (chosen by the
/// input's length, so it reproduces too: `--encoding NAME`), which reaches iconv on bytes detection would
/// have turned away.
let path = FuzzHarness.scratchPath(extension: "csv")
let forcedEncodings = ["GB18030", "UTF-16LE", "UTF-16BE", "UTF-8", "GBK", "UTF-16"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.write(UnsafeRawBufferPointer(start: data, count: size), to: path)
    FuzzHarness.readAndCheck(path: path, displayName: "fuzz.csv", isText: true)
    FuzzHarness.readAndCheck(path: path, displayName: "fuzz.csv", encoding: forcedEncodings[size % forcedEncodings.count],
                             isText: true)
    return 0
}

@_cdecl("FuzzRosterCSV_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzRosterCSV)
}

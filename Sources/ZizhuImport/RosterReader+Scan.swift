/// What `RosterReader.scan` saw.
public struct ScanCounts: Sendable, Equatable {
    public var encoding: String
    public var records: Int
    public var cells: Int
    /// Cells that needed the slow normalisation path (NFKC and friends).
    public var slowCells: Int
}

extension RosterReader {
    /// Benchmark entry: decodes, parses and normalises every cell of a file exactly as `read` does, but keeps
    /// nothing, so its speed can be set beside a bare libcsv or Python csv parse of the same file. `read`
    /// costs more by what keeping the rows costs (allocation and memory).
    public static func scan(_ input: InputFile, options: ImportOptions = ImportOptions()) throws(ImportError)
        -> ScanCounts
    {
        var override: EncodingOverride?
        if let name = options.encoding {
            guard let parsed = EncodingOverride(name) else {
                throw ImportError(file: input.displayName,
                                  message: "不认识的编码“\(name)”；--encoding 可用：\(EncodingOverride.accepted)。")
            }
            override = parsed
        }
        let tuning = ReadTuning()
        let source = try FileSource(path: input.path, displayName: input.displayName, blockSize: tuning.blockSize)
        let decoder = TextDecoder(source: source, override: override, window: tuning.sniffWindow)
        try decoder.start(displayName: input.displayName)
        var counts = ScanCounts(encoding: decoder.encoding.reportName, records: 0, cells: 0, slowCells: 0)
        guard decoder.foreign == nil else { return counts }
        let counter = ScanCounter()
        let outcome = parseOnAnotherThread(decoder, tuning: tuning, displayName: input.displayName) { record in
            counter.count(record)
            return true
        }
        if let error = outcome.error { throw error }
        counts.encoding = decoder.encoding.reportName
        counts.records = counter.records
        counts.cells = counter.cells
        counts.slowCells = counter.slowCells
        return counts
    }

    private final class ScanCounter {
        var records = 0
        var cells = 0
        var slowCells = 0
        var sink = 0

        func count(_ record: CSVRecord) {
            records += 1
            for column in 0..<record.count {
                let bytes = record.field(column)
                cells += 1
                if CellNormalizer.isPlainText(bytes) {
                    sink &+= String(decoding: bytes, as: UTF8.self).utf8.count
                } else {
                    slowCells += 1
                    sink &+= CellNormalizer.normalize(bytes, as: .text).value.utf8.count
                }
            }
        }
    }
}

import Foundation
import ZizhuCore

/// Reads one class roster: decoding, CSV parsing, header location, column mapping and normalisation.
public enum RosterReader {
    /// Reads `input`. Problems with the content are findings; only a file that cannot be read at all throws.
    /// - Parameter firstIndex: the round-wide index of this file's first row (`Applicant.index`).
    public static func read(
        _ input: InputFile, firstIndex: Int, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> FileImport {
        try read(input, firstIndex: firstIndex, options: options, tuning: ReadTuning())
    }

    /// Sizes and thresholds; tests change them to prove that block boundaries and threads change nothing.
    struct ReadTuning {
        var blockSize = FileSource.defaultBlockSize
        /// Bytes looked at to decide the encoding and the delimiter.
        var sniffWindow = 64 << 10
        /// Files from this size on are parsed on a second thread.
        var threadedFromBytes = 4 << 20
    }

    static func read(
        _ input: InputFile, firstIndex: Int, options: ImportOptions, tuning: ReadTuning
    ) throws(ImportError) -> FileImport {
        var override: EncodingOverride?
        if let name = options.encoding {
            guard let parsed = EncodingOverride(name) else {
                throw ImportError(file: input.displayName,
                                  message: "不认识的编码“\(name)”；--encoding 可用：\(EncodingOverride.accepted)。")
            }
            override = parsed
        }
        let fileExtension = input.path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        } ?? ""
        if fileExtension == "xlsx" || fileExtension == "xlsm" {
            // A workbook: every problem with the package itself is an ImportError (exit 2), see XLSXRosterSource.
            return try XLSXRosterSource.read(input, firstIndex: firstIndex, sheet: options.sheet)
        }
        let source = try FileSource(path: input.path, displayName: input.displayName, blockSize: tuning.blockSize)
        let decoder = TextDecoder(source: source, override: override, window: tuning.sniffWindow)
        try decoder.start(displayName: input.displayName)

        switch (fileExtension, decoder.foreign) {
        case (_, let format?):
            let reported = format == .zip ? "XLSX" : format == .ole ? "XLS" : "PDF"
            return unreadable(input, encoding: reported,
                              detail: ImportMessages.foreign(format, fileExtension: fileExtension))
        case (_, nil):
            break
        }

        let assembler = RosterAssembler(file: input.displayName, firstIndex: firstIndex, keepsRows: options.keepsRows)
        let deliver: (CSVRecord) -> Bool = { record in
            assembler.consume(record)
            return !assembler.gaveUp
        }
        let outcome = source.size >= tuning.threadedFromBytes
            ? parseOnAnotherThread(decoder, tuning: tuning, displayName: input.displayName, deliver: deliver)
            : parse(decoder, tuning: tuning, displayName: input.displayName, deliver: deliver)
        if let error = outcome.error { throw error }
        if outcome.readerFailed {
            throw ImportError(file: input.displayName, message: "内部错误：无法初始化 CSV 解析器（内存不足？）；请重试。")
        }

        if let problem = decoder.problem {
            let line = outcome.problemLine ?? 1
            let detail = switch problem {
            case .nulByte: ImportMessages.nulBytes(line: line)
            case .truncatedCharacter: ImportMessages.truncatedCharacter(decoder.encoding, line: line)
            case .invalidBytes:
                decoder.firstNonUTF8Line.map(ImportMessages.mixedEncodings(firstNonUTF8Line:))
                    ?? ImportMessages.undecodable(decoder.encoding, guessed: decoder.guessed, line: line)
            }
            return unreadable(input, encoding: decoder.encoding.reportName, detail: detail)
        }
        assembler.finish()

        var findings: [Finding] = []
        if decoder.guessed {
            findings.append(Finding(.encodingGuessed, at: assembler.fileLocation,
                                    arguments: ["encoding": decoder.encoding.reportName, "file": input.displayName]))
        }
        findings += assembler.findings
        if let layout = assembler.layout, assembler.rowCount == 0 {
            findings.append(noDataRows(input.displayName, headerLine: layout.headerLine))
        }
        let summary = InputSummary(file: input.displayName, encoding: decoder.encoding.reportName,
                                   headerLine: assembler.layout?.headerLine, rows: assembler.rowCount)
        return FileImport(summary: summary, layout: assembler.layout, applicants: assembler.applicants,
                          findings: findings)
    }

    /// How the parsing side ended.
    struct ParseOutcome: Sendable {
        var error: ImportError?
        var readerFailed = false
        /// The line where decoding stopped, when it stopped early.
        var problemLine: Int?
    }

    /// Decodes and parses the rest of the file, handing every record to `deliver` (which returns false to
    /// stop). The delimiter is chosen from the first `sniffWindow` decoded bytes.
    static func parse(
        _ decoder: TextDecoder, tuning: ReadTuning, displayName: String, deliver: @escaping (CSVRecord) -> Bool
    ) -> ParseOutcome {
        var outcome = ParseOutcome()
        var reader: CSVReader?
        let flag = StopFlag()
        let sample = ByteBuffer(capacity: tuning.sniffWindow + 16)

        func startReader() {
            let window = UnsafeRawBufferPointer(start: sample.base, count: min(sample.count, tuning.sniffWindow))
            reader = CSVReader(delimiter: DelimiterDetector.detect(window)) { record in
                if flag.keepGoing && !deliver(record) { flag.keepGoing = false }
            }
            guard let reader else {
                outcome.readerFailed = true
                return
            }
            reader.feed(sample.bytes)
            sample.removeAll()
        }

        do {
            try decoder.run(displayName: displayName) { block in
                if let reader {
                    reader.feed(block)
                } else {
                    sample.append(block)
                    if sample.count >= tuning.sniffWindow { startReader() }
                    if outcome.readerFailed { return false }
                }
                if !flag.keepGoing { reader?.stop() }
                return flag.keepGoing
            }
        } catch {
            outcome.error = error
            return outcome
        }
        if reader == nil && !outcome.readerFailed && !decoder.isEmpty { startReader() }
        if decoder.problem != nil {
            outcome.problemLine = reader?.lineOfNextByte ?? 1
        } else {
            reader?.finish()
        }
        return outcome
    }

    /// `parse` on a thread of its own while this thread builds the rows: the two halves take about the same
    /// time, so a large file reads nearly twice as fast when a second core is free. Records cross over in
    /// batches through a bounded channel, so memory does not grow with the file.
    static func parseOnAnotherThread(
        _ decoder: TextDecoder, tuning: ReadTuning, displayName: String, deliver: (CSVRecord) -> Bool
    ) -> ParseOutcome {
        let channel = BatchChannel()
        let job = ParseJob(decoder: decoder, tuning: tuning, displayName: displayName, channel: channel)
        let thread = Thread { job.run() }
        thread.name = "zizhu-parse"
        thread.start()
        var stopped = false
        while let batch = channel.take() {
            if !stopped && !batch.forEach(deliver) {
                stopped = true
                channel.cancel()
            }
            channel.recycle(batch)
        }
        return job.outcome
    }

    /// Whether the consumer still wants records; checked for every record, on one thread.
    private final class StopFlag {
        @exclusivity(unchecked) var keepGoing = true
    }

    /// The parsing thread's work and result.
    private final class ParseJob: @unchecked Sendable {
        // Unchecked: after `start` only the parsing thread touches the decoder and `outcome`; the caller reads
        // `outcome` after `take()` returned nil, which happens after `finish()` under the channel's lock.
        let decoder: TextDecoder
        let tuning: ReadTuning
        let displayName: String
        let channel: BatchChannel
        var outcome = ParseOutcome()

        init(decoder: TextDecoder, tuning: ReadTuning, displayName: String, channel: BatchChannel) {
            self.decoder = decoder
            self.tuning = tuning
            self.displayName = displayName
            self.channel = channel
        }

        /// The batch being filled; replaced after each hand-over. Only the parsing thread touches it.
        @exclusivity(unchecked) private var batch: RecordBatch?

        func run() {
            batch = channel.emptyBatch()
            outcome = RosterReader.parse(decoder, tuning: tuning, displayName: displayName) { [self] record in
                add(record)
            }
            if let batch, !batch.records.isEmpty { _ = channel.put(batch) }
            channel.finish()
        }

        private func add(_ record: CSVRecord) -> Bool {
            guard let batch else { return false }
            batch.append(record)
            guard batch.isFull else { return true }
            guard channel.put(batch) else { return false }
            self.batch = channel.emptyBatch()
            return true
        }
    }

    /// The most characters an Excel cell holds. A longer cell was not typed in Excel, and no document can show it.
    static let longestCell = 32_767

    /// A header with no row under it: an error, or the file would pass without a word.
    static func noDataRows(_ file: String, headerLine: Int) -> Finding {
        Finding(.noDataRows, at: SourceLocation(file: file, line: nil),
                arguments: ["file": file, "headerLine": String(headerLine)])
    }

    /// A file whose text cannot be trusted: one error, no rows.
    private static func unreadable(_ input: InputFile, encoding: String, detail: ImportMessages.Text) -> FileImport {
        let finding = Finding(.encodingUnreadable, at: SourceLocation(file: input.displayName, line: nil),
                              arguments: ["detail": detail.zh, "detailEn": detail.en, "file": input.displayName])
        return FileImport(summary: InputSummary(file: input.displayName, encoding: encoding, headerLine: nil, rows: 0),
                          layout: nil, applicants: [], findings: [finding])
    }
}

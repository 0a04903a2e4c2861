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
        /// UTF-8 and GB18030 files from this size on are read in two halves, one per core (`readInHalves`).
        var halvesFromBytes = 8 << 20
        /// Where the second half starts: the first line after this fraction of the file.
        var splitFraction = 0.5
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
            return try XLSXRosterSource.read(input, firstIndex: firstIndex, sheet: options.sheet,
                                                 purpose: options.purpose)
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

        let assembler = RosterAssembler(file: input.displayName, firstIndex: firstIndex, keepsRows: options.keepsRows,
                                        purpose: options.purpose)
        let deliver: (CSVRecord) -> Bool = { record in
            assembler.consume(record)
            return !assembler.gaveUp
        }
        let outcome = if let split = halfwayLineStart(source, decoder, tuning: tuning) {
            readInHalves(input, source: source, decoder: decoder, split: split, assembler: assembler, tuning: tuning,
                         deliver: deliver)
        } else if source.size >= tuning.threadedFromBytes {
            parseOnAnotherThread(decoder, tuning: tuning, displayName: input.displayName, deliver: deliver)
        } else {
            parse(decoder, tuning: tuning, displayName: input.displayName, deliver: deliver)
        }
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
        var reader: CSVReader?
        return parse(decoder, tuning: tuning, displayName: displayName, reader: &reader, finishing: true,
                     deliver: deliver)
    }

    /// `parse` with the reader kept: without `finishing`, the input is taken to go on after what the decoder
    /// gave (a source stopped at a limit), so a record still open is left open; `fed` sees the reader after
    /// each block. A `reader` passed in is fed on.
    static func parse(
        _ decoder: TextDecoder, tuning: ReadTuning, displayName: String, reader: inout CSVReader?, finishing: Bool,
        fed: (CSVReader) -> Void = { _ in }, deliver: @escaping (CSVRecord) -> Bool
    ) -> ParseOutcome {
        var outcome = ParseOutcome()
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
            fed(reader)
        }

        do {
            try decoder.run(displayName: displayName) { block in
                if let reader {
                    reader.feed(block)
                    fed(reader)
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
        } else if finishing {
            reader?.finish()
        }
        return outcome
    }

    // MARK: - Two halves

    /// Where the second half of a large file would start: the line after the file's middle. Only for UTF-8 and
    /// GB18030, whose encoding the first bytes settle for the whole file and where a LF byte is always a line end.
    static func halfwayLineStart(_ source: FileSource, _ decoder: TextDecoder, tuning: ReadTuning) -> Int? {
        guard source.size >= tuning.halvesFromBytes, decoder.isSettled else { return nil }
        switch decoder.encoding {
        case .utf8, .utf8BOM, .gb18030: break
        case .utf16LE, .utf16BE: return nil
        }
        let middle = Int(Double(source.size) * min(max(tuning.splitFraction, 0), 1))
        guard let split = source.lineStart(after: max(middle, source.offset)), split < source.size else { return nil }
        return split
    }

    /// Reads a large file on both cores: this thread reads up to `split`, another thread reads from there to the
    /// end with a reader and assembler of its own. `split` is only a guess at a record boundary (a quoted
    /// field may hold the line end before it), so the second half counts only if the first one ends exactly
    /// between records on the line where the second began; otherwise — or if the second half met anything
    /// unusual — this thread reads on past `split` itself, and the result is the one reading straight through
    /// gives. The second half counts the lines before `split` at once, and parses once the header is known (it
    /// needs the columns).
    static func readInHalves(
        _ input: InputFile, source: FileSource, decoder: TextDecoder, split: Int, assembler: RosterAssembler,
        tuning: ReadTuning, deliver: @escaping (CSVRecord) -> Bool
    ) -> ParseOutcome {
        source.stop(at: split)
        let second = SecondHalf.start(input, from: split, encoding: decoder.encoding, tuning: tuning)
        var begun = false
        var reader: CSVReader?
        var outcome = parse(decoder, tuning: tuning, displayName: input.displayName, reader: &reader,
                            finishing: false, fed: { reader in
            guard !begun, assembler.layout != nil else { return }
            begun = true
            second.begin(delimiter: reader.delimiter, continuing: assembler)
        }, deliver: deliver)
        second.waitUntilDone(cancelling: !begun || outcome.error != nil || outcome.readerFailed
                                 || decoder.problem != nil || assembler.gaveUp)
        guard outcome.error == nil, !outcome.readerFailed, decoder.problem == nil, !assembler.gaveUp else {
            return outcome
        }
        if let reader, let later = second.result, reader.isBetweenRecords, reader.line == later.firstLine {
            assembler.append(later.assembler)
            return outcome
        }
        source.readOn()
        decoder.resume()
        outcome = parse(decoder, tuning: tuning, displayName: input.displayName, reader: &reader, finishing: true,
                        deliver: deliver)
        return outcome
    }

    /// The second half of a file, read on a thread of its own.
    final class SecondHalf: @unchecked Sendable {
        // Unchecked: `handover` and `cancelled` are under `lock`; the reading thread alone touches `result`
        // until `done` is signalled, and the first half reads it only after waiting for that.
        struct Result {
            let assembler: RosterAssembler
            /// The line where the second half started, as counted from the start of the file.
            let firstLine: Int
        }

        private let input: InputFile
        private let split: Int
        private let encoding: TextEncoding
        private let tuning: ReadTuning
        private let lock = NSLock()
        private let handedOver = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private var handover: (delimiter: CSVDelimiter, assembler: RosterAssembler)?
        private var cancelled = false
        /// Set when the second half read to the end with nothing unusual.
        private(set) var result: Result?

        private init(_ input: InputFile, split: Int, encoding: TextEncoding, tuning: ReadTuning) {
            self.input = input
            self.split = split
            self.encoding = encoding
            self.tuning = tuning
        }

        /// Starts the thread, which counts the lines before `split` while the first half finds the header.
        static func start(_ input: InputFile, from split: Int, encoding: TextEncoding,
                          tuning: ReadTuning) -> SecondHalf {
            let half = SecondHalf(input, split: split, encoding: encoding, tuning: tuning)
            let thread = Thread { half.run() }
            thread.name = "zizhu-second-half"
            thread.start()
            return half
        }

        /// Lets the thread parse: the header (and the delimiter) are known.
        func begin(delimiter: CSVDelimiter, continuing first: RosterAssembler) {
            let assembler = RosterAssembler(continuing: first)
            lock.withLock { handover = (delimiter, assembler) }
            handedOver.signal()
        }

        func waitUntilDone(cancelling: Bool) {
            if cancelling {
                lock.withLock { cancelled = true }
                handedOver.signal()
            }
            done.wait()
        }

        private var isCancelled: Bool { lock.withLock { cancelled } }

        private func run() {
            defer { done.signal() }
            do {
                let source = try FileSource(path: input.path, displayName: input.displayName,
                                            blockSize: tuning.blockSize, startingAt: split)
                let breaks = source.lineBreaks(before: split)
                handedOver.wait()
                guard let breaks, let handover = lock.withLock({ handover }), !isCancelled else { return }
                let assembler = handover.assembler
                let decoder = try TextDecoder(source: source, continuing: encoding, displayName: input.displayName)
                guard let reader = CSVReader(delimiter: handover.delimiter, firstLine: breaks + 1, onRecord: { record in
                    assembler.consume(record)
                }) else { return }
                var blocks = 0
                try decoder.run(displayName: input.displayName) { block in
                    reader.feed(block)
                    blocks += 1
                    return blocks % 8 != 0 || !isCancelled
                }
                guard decoder.problem == nil, !isCancelled else { return }
                reader.finish()
                result = Result(assembler: assembler, firstLine: breaks + 1)
            } catch {
                return  // the first half reads on and meets the same error itself
            }
        }
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

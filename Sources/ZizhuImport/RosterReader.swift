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

    /// Sizes that tests shrink to prove that block boundaries change nothing.
    struct ReadTuning {
        var blockSize = FileSource.defaultBlockSize
        /// Bytes looked at to decide the encoding and the delimiter.
        var sniffWindow = 64 << 10
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
        let source = try FileSource(path: input.path, displayName: input.displayName, blockSize: tuning.blockSize)
        let decoder = TextDecoder(source: source, override: override, window: tuning.sniffWindow)
        try decoder.start(displayName: input.displayName)

        let fileExtension = input.path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        } ?? ""
        switch (fileExtension, decoder.foreign) {
        case ("xlsx", .zip?), ("xlsm", .zip?):
            // XLSX: issue 6 — read the workbook's first sheet here, into the same RosterAssembler.
            throw ImportError(file: input.displayName,
                              message: "暂时还不能直接读取 .xlsx 文件；请在 Excel/WPS 中“另存为”CSV UTF-8（逗号分隔）后再提交。")
        case (_, let format?):
            let reported = format == .zip ? "XLSX" : format == .ole ? "XLS" : "PDF"
            return unreadable(input, encoding: reported,
                              detail: ImportMessages.foreign(format, fileExtension: fileExtension))
        case (_, nil):
            break
        }

        let assembler = RosterAssembler(file: input.displayName, firstIndex: firstIndex)
        var reader: CSVReader?
        let sample = ByteBuffer(capacity: tuning.sniffWindow + 16)
        var readerFailed = false

        func startReader() {
            let window = UnsafeRawBufferPointer(start: sample.base, count: min(sample.count, tuning.sniffWindow))
            let delimiter = DelimiterDetector.detect(window)
            assembler.setDelimiter(delimiter)
            reader = CSVReader(delimiter: delimiter) { record in assembler.consume(record) }
            guard let reader else {
                readerFailed = true
                return
            }
            reader.feed(sample.bytes)
            sample.removeAll()
        }

        try decoder.run(displayName: input.displayName) { block in
            if let reader {
                reader.feed(block)
            } else {
                sample.append(block)
                if sample.count >= tuning.sniffWindow { startReader() }
                if readerFailed { return false }
            }
            if assembler.gaveUp { reader?.stop() }
            return !assembler.gaveUp
        }
        if reader == nil && !readerFailed && !decoder.isEmpty { startReader() }
        if readerFailed {
            throw ImportError(file: input.displayName, message: "内部错误：无法初始化 CSV 解析器（内存不足？）；请重试。")
        }

        if let problem = decoder.problem {
            let line = reader?.lineOfNextByte ?? 1
            let detail = problem == .nulByte
                ? ImportMessages.nulBytes(line: line)
                : ImportMessages.undecodable(decoder.encoding, guessed: decoder.guessed, line: line)
            return unreadable(input, encoding: decoder.encoding.reportName, detail: detail)
        }
        reader?.finish()
        assembler.finish()

        var findings: [Finding] = []
        if decoder.guessed {
            findings.append(Finding(.encodingGuessed, at: assembler.fileLocation,
                                    arguments: ["encoding": decoder.encoding.reportName, "file": input.displayName]))
        }
        findings += assembler.findings
        let summary = InputSummary(file: input.displayName, encoding: decoder.encoding.reportName,
                                   headerLine: assembler.layout?.headerLine, rows: assembler.applicants.count)
        return FileImport(summary: summary, layout: assembler.layout, applicants: assembler.applicants,
                          findings: findings)
    }

    /// A file whose text cannot be trusted: one error, no rows.
    private static func unreadable(_ input: InputFile, encoding: String, detail: ImportMessages.Text) -> FileImport {
        let finding = Finding(.encodingUnreadable, at: SourceLocation(file: input.displayName, line: nil),
                              arguments: ["detail": detail.zh, "detailEn": detail.en, "file": input.displayName])
        return FileImport(summary: InputSummary(file: input.displayName, encoding: encoding, headerLine: nil, rows: 0),
                          layout: nil, applicants: [], findings: [finding])
    }
}
